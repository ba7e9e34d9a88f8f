package highlight

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func block(t *testing.T, h *Highlighter, code, lang string) string {
	t.Helper()
	var b bytes.Buffer
	if err := h.Block(&b, []byte(code), lang); err != nil {
		t.Fatalf("Block(%q): %v", lang, err)
	}
	return b.String()
}

func TestBlock(t *testing.T) {
	h := New("")
	tests := []struct {
		name, code, lang string
		want             []string
		notWant          []string
	}{
		{
			name: "known language gets classed spans",
			code: "func main() {}\n", lang: "go",
			want:    []string{`<pre class="chroma"><code class="language-go">`, `<span class="kd">func</span>`, `<span class="nf">main</span>`, "</code></pre>"},
			notWant: []string{"style="},
		},
		{
			name: "alias is found case-insensitively",
			code: "echo hi\n", lang: "Bash",
			want: []string{`class="language-Bash"`, `<span class="nb">echo</span>`},
		},
		{
			name: "unknown language is escaped plain text with its class",
			code: "a < b && c\n", lang: "no-such-lang",
			want:    []string{`<pre class="chroma"><code class="language-no-such-lang">a &lt; b &amp;&amp; c` + "\n</code></pre>"},
			notWant: []string{"<span"},
		},
		{
			name: "empty language has no class attribute",
			code: "<x>\n", lang: "",
			want: []string{"<pre class=\"chroma\"><code>&lt;x&gt;\n</code></pre>"},
		},
		{
			name: "language is escaped in the attribute",
			code: "x\n", lang: `a"onclick`,
			want:    []string{`class="language-a&#34;onclick"`},
			notWant: []string{`a"onclick`},
		},
		{
			name: "code text is escaped inside spans",
			code: "s := \"<b>\"\n", lang: "go",
			want:    []string{"&lt;b&gt;"},
			notWant: []string{"<b>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := block(t, h, tt.code, tt.lang)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("output has %q:\n%s", w, got)
				}
			}
		})
	}
}

func TestBlockDeterministicAndConcurrent(t *testing.T) {
	h := New("monokai")
	code := "package p\n\n// Doc.\nfunc F(x int) string { return \"x\" }\n"
	want := block(t, h, code, "go")
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			if err := h.Block(&b, []byte(code), "go"); err != nil {
				t.Error(err)
			}
			got[i] = b.String()
		}()
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("goroutine %d output differs:\n%s\nwant\n%s", i, g, want)
		}
	}
}

func TestCSS(t *testing.T) {
	tests := []struct {
		name, style string
		want        []string
		wantDark    bool
	}{
		{"default", "", []string{"chroma style: github */", ".chroma .k {", "chroma style: github-dark */"}, true},
		{"unknown falls back to default", "no-such-style", []string{"chroma style: github */"}, true},
		{"named light style", "monokailight", []string{"chroma style: monokailight */"}, true},
		{"dark style has no media block", "monokai", []string{"chroma style: monokai */", ".chroma .k {"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			css := string(New(tt.style).CSS())
			for _, w := range tt.want {
				if !strings.Contains(css, w) {
					t.Errorf("CSS lacks %q", w)
				}
			}
			if got := strings.Contains(css, "@media (prefers-color-scheme: dark) {"); got != tt.wantDark {
				t.Errorf("dark media block present = %v, want %v", got, tt.wantDark)
			}
			if strings.Count(css, "{") != strings.Count(css, "}") {
				t.Errorf("unbalanced braces in CSS")
			}
		})
	}
}

func TestCSSDarkResetsLightOnlyRules(t *testing.T) {
	css := string(New("github").CSS())
	_, dark, ok := strings.Cut(css, "@media (prefers-color-scheme: dark) {")
	if !ok {
		t.Fatal("no dark block")
	}
	// github colours .nx (names) but github-dark does not: dark mode must
	// reset it rather than keep the light colour.
	if !strings.Contains(dark, ".chroma .nx { color: inherit;") {
		t.Errorf("dark block does not reset .nx:\n%s", dark)
	}
}

func BenchmarkBlock(b *testing.B) {
	h := New("")
	code := []byte(strings.Repeat("// Sum adds the numbers.\nfunc Sum(xs []int) (n int) {\n\tfor _, x := range xs {\n\t\tn += x\n\t}\n\treturn n\n}\n\n", 4))
	var buf bytes.Buffer
	b.ReportAllocs()
	b.SetBytes(int64(len(code)))
	for b.Loop() {
		buf.Reset()
		if err := h.Block(&buf, code, "go"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBlockUnique highlights code that differs every time, so the
// cache never answers: the cost of lexing and formatting.
func BenchmarkBlockUnique(b *testing.B) {
	for _, lang := range []string{"toml", "text"} {
		b.Run(lang, func(b *testing.B) {
			h := New("")
			code := []byte("# 活动登记 sign-up record\nactivity = \"读书会\"\nvolunteers = 27\nrain_plan = true\n")
			var buf bytes.Buffer
			b.ReportAllocs()
			b.SetBytes(int64(len(code)))
			n := 0
			for b.Loop() {
				n++
				buf.Reset()
				c := append(strconv.AppendInt(append(code[:len(code):len(code)], "n = "...), int64(n), 10), '\n')
				if err := h.Block(&buf, c, lang); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
