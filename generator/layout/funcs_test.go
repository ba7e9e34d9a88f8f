package layout

import (
	"html/template"
	"sort"
	"strings"
	"testing"
	"time"
)

type item struct {
	Title  string
	Weight int
	Date   time.Time
	Params map[string]any
	secret string //lint:ignore U1000 unexported on purpose: where must not reach it
}

func (i *item) IsDraft() bool { return i.Params["draft"] == true }

// funcCase runs one template snippet against data and checks the output, or
// that the error contains err.
type funcCase struct {
	fn   string // the function the case is about
	tmpl string
	want string
	err  string
}

func TestFuncsInTemplates(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	items := []*item{
		{Title: "b", Weight: 2, Date: d("2024-03-01"), Params: map[string]any{"status": "funded", "n": 3}},
		{Title: "a", Weight: 1, Date: d("2024-01-05"), Params: map[string]any{"status": "drafting", "n": 1.5, "draft": true}},
		{Title: "c", Weight: 2, Date: d("2023-12-24"), Params: map[string]any{"status": "funded"}},
		nil,
	}
	maps := []map[string]any{{"k": "x", "n": 2}, {"k": "y", "n": 1}, {"k": "x", "n": 3}}
	data := map[string]any{
		"Items": items[:3], "WithNil": items, "Maps": maps, "Date": d("2024-05-09"), "Zero": time.Time{},
		"HTML": template.HTML("<p>Hello &amp; <b>world</b></p>\n<p>二</p>"), "Tags": []string{"a", "b", "c"},
		"Empty": []string{}, "Params": map[string]any{"x": "", "y": nil, "z": 0},
	}
	cases := []funcCase{
		{"partial", `{{ partial "p.html" 3 }}`, "<i>3</i>", ""},
		{"relURL", `{{ relURL "a/" }} {{ relURL "/a/" }} {{ relURL "/sub/a/" }} {{ relURL "https://e.org/x" }}`, "/sub/a/ /sub/a/ /sub/a/ https://e.org/x", ""},
		{"absURL", `{{ absURL "a/" }} {{ absURL "/sub/a/" }} {{ absURL "mailto:x@y.z" }}`, "https://x.org/sub/a/ https://x.org/sub/a/ mailto:x@y.z", ""},
		{"safeHTML", `{{ "<b>x</b>" | safeHTML }}`, "<b>x</b>", ""},
		{"safeCSS", `<p style="{{ "color: red" | safeCSS }}"></p>`, `<p style="color: red"></p>`, ""},
		{"safeURL", `<a href="{{ "tel:+861234" | safeURL }}">`, `<a href="tel:&#43;861234">`, ""},
		{"safeHTMLAttr", `<p {{ "data-x=\"1\"" | safeHTMLAttr }}></p>`, `<p data-x="1"></p>`, ""},
		{"dateFormat", `{{ dateFormat "2006-01-02" .Date }}|{{ dateFormat "2006" .Zero }}|{{ dateFormat "Jan 2" "2024-02-03" }}`, "2024-05-09||Feb 3", ""},
		{"dateFormat", `{{ dateFormat "2006" 3 }}`, "", "dateFormat: int is not a date"},
		{"isZero", `{{ isZero .Zero }} {{ isZero .Date }} {{ isZero .Params.y }} {{ isZero "" }} {{ isZero 1 }}`, "true false true true false", ""},
		{"default", `{{ .Params.x | default "none" }} {{ .Params.y | default "none" }} {{ .Params.z | default 7 }} {{ "set" | default "none" }} {{ false | default true }}`, "none none 7 set false", ""},
		{"dict", `{{ $d := dict "a" 1 "b" "two" }}{{ $d.a }} {{ $d.b }} {{ len $d }}`, "1 two 2", ""},
		{"dict", `{{ dict "a" }}`, "", "odd number of arguments"},
		{"dict", `{{ dict 1 2 }}`, "", "key 1 is int, not text"},
		{"slice", `{{ slice 1 "b" 3 }} {{ len slice }}`, "[1 b 3] 0", ""},
		{"append", `{{ .Tags | append "d" }} {{ append "z" slice }} {{ append .Tags .Tags | len }} {{ append 1 .Tags }}`, "[a b c d] [z] 6 [a b c 1]", ""},
		{"first", `{{ first 2 .Tags }} {{ first 10 .Tags }} {{ first 0 .Tags }} {{ first 1 nil }}`, "[a b] [a b c] [] []", ""},
		{"first", `{{ first -1 .Tags }}`, "", "count must be a whole number"},
		{"last", `{{ last 2 .Tags }} {{ last 5 .Tags }}`, "[b c] [a b c]", ""},
		{"after", `{{ after 1 .Tags }} {{ after 9 .Tags }}`, "[b c] []", ""},
		{"after", `{{ after 1 "text" }}`, "", "string is not a list"},
		{"seq", `{{ seq 3 }} {{ seq 2 4 }} {{ seq 4 2 }} {{ seq 0 2 6 }} {{ seq 0 }} {{ seq -2 }} {{ seq 1 -1 5 }}`, "[1 2 3] [2 3 4] [4 3 2] [0 2 4 6] [] [-1 -2] []", ""},
		{"seq", `{{ seq 1 0 5 }}`, "", "step must not be 0"},
		{"seq", `{{ seq 1000000 }}`, "", "more than the limit"},
		{"add", `{{ add 1 2 }} {{ add 1 0.5 }} {{ add (add 1 2) 3 | printf "%T" }}`, "3 1.5 int", ""},
		{"add", `{{ add "1" 2 }}`, "", "cannot use string (1) as a number"},
		{"sub", `{{ sub 5 7 }} {{ sub 1.5 1 }}`, "-2 0.5", ""},
		{"mul", `{{ mul 6 7 }} {{ mul 2 0.25 }}`, "42 0.5", ""},
		{"mul", `{{ mul 9223372036854775807 2 }}`, "", "integer overflow"},
		{"div", `{{ div 7 2 }} {{ div 7.0 2 }} {{ div -7 2 }}`, "3 3.5 -3", ""},
		{"div", `{{ div 1 0 }}`, "", "division by zero"},
		{"mod", `{{ mod 7 3 }} {{ mod -7 3 }}`, "1 -1", ""},
		{"mod", `{{ mod 7.5 2 }}`, "", "mod needs integers"},
		{"percent", `{{ percent 1 4 }} {{ percent 3 0 }} {{ percent 5 4 }} {{ percent 1 3 | printf "%.1f" }}`, "25 0 100 33.3", ""},
		{"formatNumber", `{{ formatNumber 0 1234567 }} {{ formatNumber 2 1234.5 }} {{ 1000 | formatNumber 2 }} {{ formatNumber 0 -9876543.4 }} {{ formatNumber 1 -0.01 }} {{ formatNumber 0 999 }}`, "1,234,567 1,234.50 1,000.00 -9,876,543 0.0 999", ""},
		{"formatNumber", `{{ formatNumber -1 3 }}`, "", "decimals must be 0..20"},
		{"upper", `{{ upper "abc 中" }}`, "ABC 中", ""},
		{"lower", `{{ lower "ABC Ä" }}`, "abc ä", ""},
		{"title", `{{ title "community leader NGO-run 社区" }}`, "Community Leader NGO-Run 社区", ""},
		{"urlize", `{{ urlize "  Hello, World! 社区 领袖 " }}|{{ urlize "a_b/c.d--e" }}`, "hello-world-社区-领袖|a-b-c-d-e", ""},
		{"plainify", `{{ plainify .HTML }}|{{ plainify "a<!-- c -->b <br/>c" }}`, "Hello &amp; world 二|a b c", ""},
		{"truncate", `{{ truncate 4 "社区领袖培训项目" }}|{{ truncate 9 "community leaders" }}|{{ truncate 20 "short" }}|{{ truncate 3 "..." "abcdef" }}`, "社区领袖…|community…|short|abc...", ""},
		{"htmlEscape", `{{ htmlEscape "<a>" | safeHTML }}`, "&lt;a&gt;", ""},
		{"jsonify", `<script>var x = {{ jsonify (dict "a" "</script>" "b" (slice 1 2)) }};</script>`, `<script>var x = {"a":"\u003c/script\u003e","b":[1,2]};</script>`, ""},
		{"split", `{{ split "a,b,,c" "," }} {{ len (split "" ",") }}`, "[a b  c] 0", ""},
		{"join", `{{ .Tags | join ", " }}`, "a, b, c", ""},
		{"delimit", `{{ delimit .Tags ", " " and " }} {{ delimit .Empty "," }}`, "a, b and c ", ""},
		{"delimit", `{{ delimit (slice (dict)) "," }}`, "", "item 1: cannot use map[string]interface {} as text"},
		{"replace", `{{ replace "a-b-c" "-" "_" }}`, "a_b_c", ""},
		{"contains", `{{ contains "社区领袖" "领袖" }} {{ contains "abc" "d" }}`, "true false", ""},
		{"hasPrefix", `{{ hasPrefix "/projects/x/" "/projects/" }} {{ hasPrefix "/a" "/b" }}`, "true false", ""},
		{"in", `{{ in .Tags "b" }} {{ in .Tags "z" }} {{ in (slice 1 2) 2.0 }} {{ in "community" "mun" }} {{ in nil 1 }}`, "true false true true false", ""},
		{"where", `{{ range where .Items "Params.status" "funded" }}{{ .Title }}{{ end }}`, "bc", ""},
		{"where", `{{ range where .Items "Weight" ">=" 2 }}{{ .Title }}{{ end }}|{{ range where .Items "Title" "in" (slice "a" "c") }}{{ .Title }}{{ end }}|{{ range where .Items "Params.n" "<" 2 }}{{ .Title }}{{ end }}`, "bc|ac|a", ""},
		{"where", `{{ range where .Items "IsDraft" true }}{{ .Title }}{{ end }}|{{ range where .WithNil "Title" "!=" "b" }}{{ with . }}{{ .Title }}{{ else }}nil{{ end }}{{ end }}`, "a|acnil", ""},
		{"where", `{{ range where .Maps "k" "x" }}{{ .n }}{{ end }}|{{ range where .Items "Date" ">" .Date }}{{ .Title }}{{ end }}`, "23|", ""},
		{"where", `{{ where .Items "Titel" "a" }}`, "", `has no field or method "Titel"`},
		{"where", `{{ where .Items "secret" "a" }}`, "", `has no field or method "secret"`},
		{"where", `{{ where .Items "Title" "~" "a" }}`, "", `unknown operator "~"`},
		{"sortBy", `{{ range sortBy .Items "Weight" }}{{ .Title }}{{ end }}|{{ range sortBy .Items "Weight" "desc" }}{{ .Title }}{{ end }}|{{ range sortBy .Items "Date" }}{{ .Title }}{{ end }}`, "abc|bca|cab", ""},
		{"sortBy", `{{ range sortBy .Items "Params.n" }}{{ .Title }}{{ end }}|{{ sortBy (slice 3 "b" 1 "a") "" }}|{{ range sortBy .Maps "n" "desc" }}{{ .k }}{{ end }}`, "cab|[1 3 a b]|xxy", ""},
		{"sortBy", `{{ sortBy .Tags "" "up" }}`, "", `order must be "asc" or "desc"`},
		{"groupBy", `{{ range groupBy .Items "Params.status" }}{{ .Key }}:{{ range .Items }}{{ .Title }}{{ end }};{{ end }}`, "funded:bc;drafting:a;", ""},
		{"isset", `{{ isset .Params "x" }} {{ isset .Params "y" }} {{ isset .Params "w" }} {{ isset .Tags 2 }} {{ isset .Tags 3 }} {{ isset nil "x" }}`, "true true false true false false", ""},
		{"int", `{{ int "42" }} {{ int 3.9 }} {{ int "2.5" }} {{ int true }} {{ add (int "1") 1 }}`, "42 3 2 1 2", ""},
		{"int", `{{ int "x" }}`, "", `int: "x" is not a number`},
		{"float", `{{ float "1.5" }} {{ float 2 | printf "%T" }}`, "1.5 float64", ""},
		{"string", `{{ string 12 }}{{ string 1.5 }}{{ string true }}{{ string nil }}`, "121.5true", ""},
		{"string", `{{ string .Params }}`, "", "cannot use map[string]interface {} as text"},
		{"markdownify", `{{ markdownify "x" }}`, "", "markdownify is not available"},
	}
	for _, c := range cases {
		site := mapFS(map[string]string{"index.html": c.tmpl, "partials/p.html": "<i>{{ . }}</i>"})
		set, err := Load(Options{SiteLayouts: site, BaseURL: "https://x.org/sub/"})
		if err != nil {
			t.Errorf("%s: %s: Load: %v", c.fn, c.tmpl, err)
			continue
		}
		tmpl, _ := set.Lookup("home", "", "")
		var b strings.Builder
		err = set.Execute(&b, tmpl, data)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: %s: error %v, want %q", c.fn, c.tmpl, err, c.err)
		case c.err == "" && err != nil:
			t.Errorf("%s: %s: %v", c.fn, c.tmpl, err)
		case c.err == "" && b.String() != c.want:
			t.Errorf("%s: %s\n got %q\nwant %q", c.fn, c.tmpl, b.String(), c.want)
		}
	}
	assertEveryFuncTested(t, cases)
}

// assertEveryFuncTested fails when a built-in function has no case, so a new
// function cannot land untested.
func assertEveryFuncTested(t *testing.T, cases []funcCase) {
	t.Helper()
	tested := map[string]bool{}
	for _, c := range cases {
		tested[c.fn] = true
	}
	var missing []string
	for name := range newFuncMap(Options{}, &Set{}) {
		if !tested[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("functions without a test case: %v", missing)
	}
}

func TestURLFuncs(t *testing.T) {
	tests := []struct {
		base, in string
		rel, abs string
	}{
		{"https://x.org/sub/", "a/", "/sub/a/", "https://x.org/sub/a/"},
		{"https://x.org/sub/", "/a/", "/sub/a/", "https://x.org/sub/a/"},
		{"https://x.org/sub/", "./a.css", "/sub/a.css", "https://x.org/sub/a.css"},
		{"https://x.org/sub/", "/sub/a/", "/sub/a/", "https://x.org/sub/a/"},
		{"https://x.org/sub/", "/sub", "/sub", "https://x.org/sub"},
		{"https://x.org/sub/", "/subway/", "/sub/subway/", "https://x.org/sub/subway/"},
		{"https://x.org/sub/", "", "/sub/", "https://x.org/sub/"},
		{"https://x.org/sub/", "#top", "#top", "https://x.org/sub/#top"},
		{"https://x.org/sub/", "?p=2", "?p=2", "https://x.org/sub/?p=2"},
		{"https://x.org/sub/", "//cdn.example/x", "//cdn.example/x", "//cdn.example/x"},
		{"https://x.org/sub/", "data:image/png;base64,AA", "data:image/png;base64,AA", "data:image/png;base64,AA"},
		{"https://x.org/a/b", "c", "/a/b/c", "https://x.org/a/b/c"},
		{"https://x.org/", "/tags/社区/", "/tags/社区/", "https://x.org/tags/社区/"},
		{"https://x.org", "a", "/a", "https://x.org/a"},
		{"", "a/", "/a/", "/a/"},
		{"", "/", "/", "/"},
	}
	for _, tt := range tests {
		u := newURLBase(tt.base)
		rel, err1 := u.rel(tt.in)
		abs, err2 := u.abs(template.URL(tt.in))
		if err1 != nil || err2 != nil || rel != tt.rel || abs != tt.abs {
			t.Errorf("base %q: relURL(%q) = %q, absURL = %q (%v %v); want %q, %q", tt.base, tt.in, rel, abs, err1, err2, tt.rel, tt.abs)
		}
	}
}
