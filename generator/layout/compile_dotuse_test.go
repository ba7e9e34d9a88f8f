package layout

import (
	"html/template"
	"strings"
	"testing"
	ttemplate "text/template"
	"text/template/parse"
)

// dotUseTrees parses the templates of defs, named by their keys, with a
// "keep" function standing for any function that could keep its argument.
func dotUseTrees(t *testing.T, defs map[string]string) map[string]*parse.Tree {
	t.Helper()
	root := ttemplate.New("").Funcs(ttemplate.FuncMap{"keep": func(any) string { return "" }, "dict": dict})
	for name, text := range defs {
		if _, err := root.New(name).Parse(text); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	trees := map[string]*parse.Tree{}
	for _, tm := range root.Templates() {
		if tm.Tree != nil {
			trees[tm.Name()] = tm.Tree
		}
	}
	return trees
}

// TestKeepsDot checks which uses of the dot let a template keep it: only
// field lookups and handing it on to a template that keeps no dot are
// allowed.
func TestKeepsDot(t *testing.T) {
	for _, tc := range []struct {
		defs map[string]string
		name string
		want bool
	}{
		{map[string]string{"t": `{{ .a }}{{ $.b }}{{ if .c }}{{ .d.e }}{{ end }}`}, "t", false},
		{map[string]string{"t": `{{ . }}`}, "t", true},
		{map[string]string{"t": `{{ $ }}`}, "t", true},
		{map[string]string{"t": `{{ $x := . }}`}, "t", true},
		{map[string]string{"t": `{{ $x := .a }}{{ $x }}`}, "t", false},
		{map[string]string{"t": `{{ with .a }}{{ . }}{{ end }}`}, "t", false},
		{map[string]string{"t": `{{ with .a }}{{ $ }}{{ end }}`}, "t", true},
		{map[string]string{"t": `{{ with .a }}{{ else }}{{ . }}{{ end }}`}, "t", true},
		{map[string]string{"t": `{{ with . }}{{ end }}`}, "t", true},
		{map[string]string{"t": `{{ range .a }}{{ . }}{{ else }}{{ .b }}{{ end }}`}, "t", false},
		{map[string]string{"t": `{{ range $i, $v := .a }}{{ $v }}{{ break }}{{ end }}`}, "t", false},
		{map[string]string{"t": `{{ range . }}{{ end }}`}, "t", true},
		{map[string]string{"t": `{{ if . }}{{ end }}`}, "t", true},
		{map[string]string{"t": `{{ keep .a }}{{ keep (dict "x" .b) }}`}, "t", false},
		{map[string]string{"t": `{{ keep . }}`}, "t", true},
		{map[string]string{"t": `{{ dict "x" . }}`}, "t", true},
		{map[string]string{"t": `{{ (.).a }}`}, "t", true},
		{map[string]string{"t": `{{ .a | keep }}`}, "t", false},
		{map[string]string{"t": `{{ . | keep }}`}, "t", true},
		{map[string]string{"t": `{{ template "u" . }}`, "u": `{{ .x }}`}, "t", false},
		{map[string]string{"t": `{{ template "u" $ }}`, "u": `{{ keep . }}`}, "t", true},
		{map[string]string{"t": `{{ template "u" .a }}`, "u": `{{ keep . }}`}, "t", false},
		{map[string]string{"t": `{{ with .a }}{{ template "u" . }}{{ end }}`, "u": `{{ keep . }}`}, "t", false},
		{map[string]string{"t": `{{ template "u" }}`, "u": `{{ keep . }}`}, "t", false},
		{map[string]string{"t": `{{ template "nope" . }}`}, "t", true},
		{map[string]string{"t": `{{ if .a }}{{ template "t" . }}{{ end }}`}, "t", false},
		// A cycle: t is met again while u is checked, and t keeps its dot.
		{map[string]string{"t": `{{ template "u" . }}{{ keep . }}`, "u": `{{ template "t" . }}`}, "u", true},
		{map[string]string{"t": `{{ template "u" . }}`, "u": `{{ template "t" . }}{{ keep . }}`}, "t", true},
		{map[string]string{"t": `{{ template "u" . }}`, "u": `{{ template "t" . }}{{ .x }}`}, "t", false},
	} {
		c := &compiler{trees: dotUseTrees(t, tc.defs)}
		if got := c.keepsDot(tc.name); got != tc.want {
			t.Errorf("%v: keepsDot(%q) = %v, want %v", tc.defs, tc.name, got, tc.want)
		}
	}
}

// dictChain is a linked list for the recursive dict calls.
type dictChain struct {
	N    int
	Next *dictChain
}

// TestReusedDictEqualsGeneralCall runs template calls given a dict
// (compiled by reusedDictCall) interpreted by html/template and compiled:
// a map given back must be empty (a key the next call does not set is
// missing), and a map in use must not be handed to a call made meanwhile
// (recursion, a call in the callee).
func TestReusedDictEqualsGeneralCall(t *testing.T) {
	data := &dictChain{N: 1, Next: &dictChain{N: 2, Next: &dictChain{N: 3}}}
	for _, body := range []string{
		// Stale keys: b is set by the first call only.
		`{{ define "t" }}[{{ .a }}|{{ .b }}]{{ end }}{{ template "t" (dict "a" 1 "b" 2) }}{{ template "t" (dict "a" 3) }}{{ template "t" (dict "a" .N) }}`,
		`{{ define "t" }}[{{ .a }}|{{ .b }}]{{ end }}{{ range $i, $_ := slice 1 2 3 }}{{ if eq $i 1 }}{{ template "t" (dict "a" $i "b" "x") }}{{ else }}{{ template "t" (dict "a" $i) }}{{ end }}{{ end }}`,
		// Recursion: the outer map is read again after the inner call.
		`{{ define "t" }}({{ .n }}{{ with .next }}{{ template "t" (dict "n" .N "next" .Next) }}{{ end }}{{ .n }}){{ end }}{{ template "t" (dict "n" .N "next" .Next) }}`,
		// A call inside the callee, with a map of its own.
		`{{ define "u" }}<{{ .v }}>{{ end }}{{ define "t" }}{{ .a }}{{ template "u" (dict "v" .b) }}{{ .a }}{{ .b }}{{ end }}{{ template "t" (dict "a" 1 "b" 2) }}{{ template "t" (dict "a" 3) }}`,
		// A failing value: the map goes back and the next call is clean.
		`{{ define "t" }}[{{ .a }}|{{ .b }}]{{ end }}{{ template "t" (dict "a" 1 "b" (index .Next 7)) }}`,
		// Kept dots are not reused, and still right.
		`{{ define "t" }}{{ range $k, $v := . }}{{ $k }}={{ $v }};{{ end }}{{ end }}{{ template "t" (dict "a" 1 "b" 2) }}{{ template "t" (dict "a" 3) }}`,
	} {
		tmpl := `<p>` + body + `</p>`
		p := loadPair(t, Options{SiteLayouts: mapFS(map[string]string{"_default/single.html": tmpl})})
		want := executePage(p.interp, "page", data)
		got := executePage(p.comp, "page", data)
		if !want.same(got) {
			t.Errorf("%s:\ncompiled:    %s\ninterpreted: %s", body, got, want)
		}
		if want.err == nil {
			if st := pageStatus(p.comp, "page"); st != "compiled (0 fallbacks)" {
				t.Errorf("%s: %s", body, st)
			}
		}
	}
}

// TestReusedDictAllocates checks that the dict of a template call whose
// callee keeps no dot is made once, not once per call.
func TestReusedDictAllocates(t *testing.T) {
	body := `<p>{{ define "t" }}{{ .a }}{{ end }}{{ range .Items }}{{ template "t" (dict "a" . "b" 2) }}{{ end }}`
	p := loadPair(t, Options{SiteLayouts: mapFS(map[string]string{"_default/single.html": body})})
	tmpl, ok := p.comp.Lookup("page", "", "")
	if !ok {
		t.Fatal("no template")
	}
	data := struct{ Items []template.HTML }{Items: make([]template.HTML, 200)}
	var b strings.Builder
	allocs := testing.AllocsPerRun(20, func() {
		b.Reset()
		if err := p.comp.Execute(&b, tmpl, data); err != nil {
			t.Fatal(err)
		}
	})
	if allocs >= float64(len(data.Items)) {
		t.Errorf("%v allocations for %d calls", allocs, len(data.Items))
	}
}
