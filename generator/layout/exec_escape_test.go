package layout

import (
	"html/template"
	"strings"
	"testing"
)

// TestEscapingCopyWithoutFunctions compiles templates whose execution
// calls a template function before its first output, in an attribute, in
// a script and in a partial: the escaping copy defines no functions, so
// the execution that escapes it stops at the first call, and each entry
// must still be escaped for its contexts and compiled, printing what
// html/template prints.
func TestEscapingCopyWithoutFunctions(t *testing.T) {
	funcs := template.FuncMap{
		"shout": strings.ToUpper,
		"label": func(s string) string { return s + ` "quoted" <tag>` },
	}
	opts := Options{Funcs: funcs, SiteLayouts: mapFS(map[string]string{
		"_default/single.html": `{{ $t := shout .Title }}{{ with label .Title }}<a title="{{ . }}" href="/x?q={{ . }}">{{ $t }}</a>{{ end }}` +
			`<script>var t = {{ label .Title }};</script>{{ partial "p.html" . }}`,
		"partials/p.html": `{{ if shout .Title }}<em>{{ label .Title }}</em>{{ end }}`,
	})}
	data := map[string]string{"Title": `a & b`}
	requireCompiledSame(t, opts, data)

	s, err := Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	got := executePage(s, "page", data)
	for _, want := range []string{
		`title="a &amp; b &#34;quoted&#34; &lt;tag&gt;"`,
		`href="/x?q=a%20%26%20b%20%22quoted%22%20%3ctag%3e"`,
		`>A &amp; B</a>`,
		`var t = "a \u0026 b \"quoted\" \u003ctag\u003e";`,
		`<em>a &amp; b &#34;quoted&#34; &lt;tag&gt;</em>`,
	} {
		if !strings.Contains(got.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, got)
		}
	}
}
