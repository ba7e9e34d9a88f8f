package highlight

import (
	"bytes"
	"strings"
	"testing"
	"text/template"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
)

// chromaBlock is what Block wrote when it handed the tokens of chroma's
// coalescing lexer to chroma's own HTML formatter: the output Block must
// keep byte for byte.
func chromaBlock(t testing.TB, code, lang string) string {
	t.Helper()
	lang = strings.TrimSpace(lang)
	var b bytes.Buffer
	b.WriteString(`<pre class="chroma"><code`)
	if lang != "" {
		b.WriteString(` class="language-`)
		template.HTMLEscape(&b, []byte(lang))
		b.WriteString(`"`)
	}
	b.WriteString(">")
	var l chroma.Lexer
	if lang != "" {
		l = lexers.Get(lang)
	}
	if l == nil {
		template.HTMLEscape(&b, []byte(code))
	} else {
		it, err := chroma.Coalesce(l).Tokenise(nil, code)
		if err != nil {
			t.Fatal(err)
		}
		f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))
		if err := f.Format(&b, lookupStyle(""), it); err != nil {
			t.Fatal(err)
		}
	}
	b.WriteString("</code></pre>")
	return b.String()
}

// formatLangs are the languages the comparisons run through: chroma's
// plaintext lexer under its names, lexers with classed tokens, an unknown
// name and none.
var formatLangs = []string{"text", "plain", "Text", "toml", "go", "python", "bash", "yaml", "json", "html", "no-such-lang", ""}

// formatCodes are code blocks with what could tell a formatter apart:
// escapes, lines, carriage returns, bytes that are not UTF-8, runs longer
// than chroma merges into one token, and lines without a final newline.
var formatCodes = []string{
	"",
	"\n",
	"x",
	"func main() {\n\tfmt.Println(\"<b>&'\")\n}\n",
	"# 活动登记 sign-up record\nactivity = \"读书会\"\nvolunteers = 27\nrain_plan = true\n",
	"title = 'a' # c\n[table]\nx = [1, 2.5, 1979-05-27T07:32:00Z]\n",
	"line one\r\nline two\rline three\n",
	"bad \xff\xfe utf-8 \xe4\xb8\n",
	"nul \x00 and \u2028 and \u0085 and \ufeff\n",
	"no final newline",
	"/* " + strings.Repeat("long comment ", 1500) + "*/\nx := 1\n",
	strings.Repeat("word ", 4000) + "\n" + strings.Repeat("a\n", 3000),
	"// " + strings.Repeat("注释", 5000) + "\n",
	"<!-- c -->\n<p class=\"x\">a &amp; b</p>\n",
	"{\"a\": [1, true, null, \"s\\\"q\"]}\n",
	"echo \"$HOME\" 'q' > /dev/null && ls\n",
}

func TestBlockMatchesChromaFormatter(t *testing.T) {
	h := New("")
	for _, lang := range formatLangs {
		for _, code := range formatCodes {
			want := chromaBlock(t, code, lang)
			for range 2 { // the second time from the cache, where one is used
				if got := block(t, h, code, lang); got != want {
					t.Fatalf("lang %q, code %.60q:\ngot  %.300q\nwant %.300q", lang, code, got, want)
				}
			}
		}
	}
}

func FuzzBlockMatchesChromaFormatter(f *testing.F) {
	for i, code := range formatCodes {
		if len(code) < 200 {
			f.Add(code, formatLangs[i%len(formatLangs)])
		}
	}
	h := New("")
	f.Fuzz(func(t *testing.T, code, lang string) {
		if lexers.Get(strings.TrimSpace(lang)) == nil && strings.TrimSpace(lang) != "" {
			lang = "toml"
		}
		if got, want := block(t, h, code, lang), chromaBlock(t, code, lang); got != want {
			t.Fatalf("lang %q, code %q:\ngot  %q\nwant %q", lang, code, got, want)
		}
	})
}

func TestSpanTagFollowsParentTypes(t *testing.T) {
	tags := newSpanTags()
	tests := []struct {
		typ  chroma.TokenType
		want string
	}{
		{chroma.Keyword, `<span class="k">`},
		{chroma.KeywordDeclaration, `<span class="kd">`},
		{chroma.Text, ""},
		{chroma.Error, `<span class="err">`},
		{chroma.LiteralString + 50, `<span class="s">`}, // not standard: its parent's class
		{chroma.Keyword + 99, `<span class="k">`},
	}
	for _, tt := range tests {
		if got := tags.open(tt.typ); got != tt.want {
			t.Errorf("open(%v) = %q, want %q", tt.typ, got, tt.want)
		}
	}
}

func TestEscapeHTMLMatchesChroma(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">'&'</a>`, "&&&", "tail<", "\x00>"} {
		var b bytes.Buffer
		escapeHTML(&b, []byte(s))
		var want bytes.Buffer
		it := chroma.Literator(chroma.Token{Type: chroma.Text, Value: s})
		if err := chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true)).Format(&want, lookupStyle(""), it); err != nil {
			t.Fatal(err)
		}
		if b.String() != want.String() {
			t.Errorf("escapeHTML(%q) = %q, want %q", s, b.String(), want.String())
		}
	}
}
