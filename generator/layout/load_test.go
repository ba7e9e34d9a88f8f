package layout

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sineng/sineng/generator/diag"
)

// render loads files as a site's layouts/ folder and executes the template a
// lookup of kind finds.
func render(t *testing.T, opts Options, kind string, data any) (string, error) {
	t.Helper()
	set, err := Load(opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tmpl, ok := set.Lookup(kind, "", "")
	if !ok {
		t.Fatalf("Lookup(%q) missed", kind)
	}
	var b strings.Builder
	err = set.Execute(&b, tmpl, data)
	return b.String(), err
}

func TestBaseofBlocks(t *testing.T) {
	site := mapFS(map[string]string{
		"_default/baseof.html": `<title>{{ block "title" . }}Default{{ end }}</title>` +
			`<main>{{ block "main" . }}empty{{ end }}</main>{{ block "foot" . }}<p>foot</p>{{ end }}`,
		"_default/single.html": "\n{{- /* a page */ -}}\n<!-- note -->\n" +
			`{{ define "title" }}{{ .Title }}{{ end }}{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}`,
		"_default/list.html": `<p>standalone {{ .Title }}</p>`,
	})
	got, err := render(t, Options{SiteLayouts: site}, "page", map[string]string{"Title": "A & B"})
	if err != nil {
		t.Fatal(err)
	}
	want := `<title>A &amp; B</title><main><h1>A &amp; B</h1></main><p>foot</p>`
	if got != want {
		t.Errorf("page =\n%s\nwant\n%s", got, want)
	}
	got, err = render(t, Options{SiteLayouts: site}, "home", map[string]string{"Title": "T"})
	if err != nil {
		t.Fatal(err)
	}
	if got != `<p>standalone T</p>` {
		t.Errorf("standalone list = %q", got)
	}
}

func TestDefinesOnly(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`{{ define "main" }}x{{ end }}`, true},
		{"\n\t {{- define \"main\" }}x{{ end }}", true},
		{"{{/* c */}}\n{{ define \"main\" }}{{ end }}", true},
		{"{{- /* c\nc */ -}}{{define \"main\"}}{{ end }}", true},
		{"<!-- html -->\n{{ define \"main\" }}{{ end }}", true},
		{"\ufeff{{ define \"main\" }}{{ end }}", true},
		{"<p>x</p>{{ define \"main\" }}{{ end }}", false},
		{`{{ .Title }}{{ define "main" }}{{ end }}`, false},
		{`{{ defined }}`, false},
		{"{{/* never closed", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := definesOnly(tt.text); got != tt.want {
			t.Errorf("definesOnly(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestPartials(t *testing.T) {
	theme := mapFS(map[string]string{
		"layouts/index.html":                   `{{ partial "head.html" . }}|{{ partial "nav/menu" .Items }}|{{ template "partials/nav/menu.html" .Items }}|{{ partial "partials/head.html" "x" }}|{{ partial "inner.html" }}`,
		"layouts/partials/head.html":           `<head>{{ . }}</head>`,
		"layouts/partials/nav/menu.html":       `<ul>{{ range . }}<li>{{ partial "nav/item.html" . }}</li>{{ end }}</ul>`,
		"layouts/partials/nav/item.html":       `<b>{{ . }}</b>`,
		"layouts/partials/inner.html":          `[{{ . }}]`,
		"layouts/partials/overridden.html":     `theme`,
		"layouts/partials/nav/not-html.xml":    `ignored`,
		"layouts/partials/.hidden/skip.html":   `{{ broken`,
		"layouts/partials/.editor-swap.html":   `{{ broken`,
		"layouts/shortcodes/uses-partial.html": `{{ partial "overridden.html" }}`,
	})
	site := mapFS(map[string]string{"partials/overridden.html": `site`})
	data := map[string]any{"Items": []string{"a<", "b"}}
	got, err := render(t, Options{Theme: theme, SiteLayouts: site}, "home", data)
	if err != nil {
		t.Fatal(err)
	}
	want := `<head>map[Items:[a&lt; b]]</head>|<ul><li><b>a&lt;</b></li><li><b>b</b></li></ul>|<ul><li><b>a&lt;</b></li><li><b>b</b></li></ul>|<head>x</head>|[]`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	set, err := Load(Options{Theme: theme, SiteLayouts: site})
	if err != nil {
		t.Fatal(err)
	}
	out, err := set.Shortcode("uses-partial", nil)
	if err != nil || out != "site" {
		t.Errorf("partial from a shortcode = %q, %v; want the site's override", out, err)
	}
}

func TestPartialErrors(t *testing.T) {
	site := mapFS(map[string]string{
		"index.html":          "<p>\n  {{ partial \"outer.html\" . }}</p>",
		"404.html":            `{{ partial "missing.html" . }}`,
		"partials/outer.html": "x\n{{ partial \"inner.html\" . }}",
		"partials/inner.html": "a\nb {{ .Nope }}",
	})
	set, err := Load(Options{SiteLayouts: site})
	if err != nil {
		t.Fatal(err)
	}
	tmpl, _ := set.Lookup("home", "", "")
	err = set.Execute(&strings.Builder{}, tmpl, struct{ Title string }{})
	var de *diag.Error
	if !errors.As(err, &de) {
		t.Fatalf("Execute error %v is not a *diag.Error", err)
	}
	if de.File != "layouts/partials/inner.html" || de.Line != 2 || de.Col != 6 {
		t.Errorf("error at %s:%d:%d, want layouts/partials/inner.html:2:6 (%v)", de.File, de.Line, de.Col, err)
	}
	msg := err.Error()
	for _, want := range []string{"can't evaluate field Nope", "via layouts/partials/outer.html:2:4", "via layouts/index.html:2:6"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not mention %q", msg, want)
		}
	}
	tmpl, _ = set.Lookup("404", "", "")
	err = set.Execute(&strings.Builder{}, tmpl, nil)
	if err == nil || !strings.Contains(err.Error(), `partial "missing.html" not found`) || !strings.HasPrefix(err.Error(), "layouts/404.html:1:4: ") {
		t.Errorf("missing partial error = %v", err)
	}
}

func TestShortcodes(t *testing.T) {
	theme := mapFS(map[string]string{
		"layouts/shortcodes/note.html":       `<div class="note note-{{ .Args.type }}">{{ .Inner }}</div>`,
		"layouts/shortcodes/media/clip.html": `clip {{ .Args.src }}`,
		"layouts/shortcodes/fails.html":      "\n{{ index .Args 3 }}",
	})
	set, err := Load(Options{Theme: theme, ThemeName: "themes/t"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data any
		want string
		err  string
	}{
		{"note", map[string]any{"Args": map[string]string{"type": "tip"}, "Inner": template.HTML("<p>x</p>")}, `<div class="note note-tip"><p>x</p></div>`, ""},
		{"note", map[string]any{"Args": map[string]string{"type": `"><script>`}, "Inner": "<b>"}, `<div class="note note-&#34;&gt;&lt;script&gt;">&lt;b&gt;</div>`, ""},
		{"media/clip", map[string]any{"Args": map[string]string{"src": "a.mp4"}}, `clip a.mp4`, ""},
		{"missing", nil, "", `shortcode "missing" not found`},
		{"fails", map[string]any{"Args": map[string]string{}}, "", "themes/t/layouts/shortcodes/fails.html:2:4: "},
	}
	for _, tt := range tests {
		if set.HasShortcode(tt.name) != (tt.name != "missing") {
			t.Errorf("HasShortcode(%q) = %v", tt.name, set.HasShortcode(tt.name))
		}
		got, err := set.Shortcode(tt.name, tt.data)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Shortcode(%q) error = %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Shortcode(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func TestParseErrorsArePositioned(t *testing.T) {
	theme := mapFS(map[string]string{
		"layouts/_default/single.html": "<p>\n\n  {{ .Title }\n",
		"layouts/partials/a/b.html":    "ok\n<p>{{ nosuchfunc .X }}</p>",
		"layouts/_default/list.html":   "fine",
	})
	site := mapFS(map[string]string{
		"index.html":         "{{ if .X }}\nnever closed",
		"_default/list.html": "{{ range }}", // overrides the theme's file; its own error counts
	})
	_, err := Load(Options{SiteLayouts: site, Theme: theme, ThemeName: "themes/default"})
	var all *diag.Errors
	if !errors.As(err, &all) {
		t.Fatalf("Load error %T %v, want *diag.Errors", err, err)
	}
	want := []string{
		"layouts/_default/list.html:1: missing value for range",
		"layouts/index.html:2: unexpected EOF",
		"themes/default/layouts/_default/single.html:3: unexpected \"}\" in operand",
		"themes/default/layouts/partials/a/b.html:2:7: function \"nosuchfunc\" not defined",
	}
	if len(all.List) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(all.List), len(want), err)
	}
	for i, w := range want {
		if got := all.List[i].Error(); got != w {
			t.Errorf("error %d = %q, want %q", i, got, w)
		}
		var de *diag.Error
		if !errors.As(all.List[i], &de) {
			t.Errorf("error %d is %T, want *diag.Error", i, all.List[i])
		}
	}
}

func TestExecuteErrorsArePositioned(t *testing.T) {
	site := mapFS(map[string]string{
		"_default/baseof.html": "<html>\n<body>{{ .Site.Title }}{{ block \"main\" . }}{{ end }}</body>",
		"_default/single.html": "{{ define \"main\" }}\n<p>\n\t{{ dateFormat \"2006\" .Title }}</p>{{ end }}",
		"_default/list.html":   "<a href=\"{{ .Title }}\"",
	})
	set, err := Load(Options{SiteLayouts: site})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind string
		data any
		want string
	}{
		{"page", map[string]any{"Site": map[string]string{"Title": "s"}, "Title": "not a date"}, `layouts/_default/single.html:3:5: executing "main" at <dateFormat "2006" .Title>: error calling dateFormat: dateFormat: "not a date" is not a date (want YYYY-MM-DD or RFC 3339)`},
		{"page", struct{ Title string }{}, `layouts/_default/baseof.html:2:15: executing "_default/baseof.html" at <.Site.Title>: can't evaluate field Site in type struct { Title string }`},
		{"home", map[string]any{}, `layouts/_default/list.html: html/template:_default/list.html: ends in a non-text context`},
	}
	for _, tt := range tests {
		tmpl, _ := set.Lookup(tt.kind, "", "")
		err := set.Execute(&strings.Builder{}, tmpl, tt.data)
		var de *diag.Error
		if !errors.As(err, &de) {
			t.Errorf("%s: error %v is not a *diag.Error", tt.kind, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error\n%s\nwant prefix\n%s", tt.kind, err, tt.want)
		}
	}
}

func TestMarkdownifyStubAndOverride(t *testing.T) {
	site := mapFS(map[string]string{"index.html": `{{ markdownify .Text }}`})
	_, err := render(t, Options{SiteLayouts: site}, "home", map[string]string{"Text": "*x*"})
	if err == nil || !strings.Contains(err.Error(), "markdownify is not available") {
		t.Errorf("stub markdownify error = %v", err)
	}
	funcs := template.FuncMap{"markdownify": func(s string) template.HTML { return template.HTML("<em>" + strings.Trim(s, "*") + "</em>") }}
	got, err := render(t, Options{SiteLayouts: site, Funcs: funcs}, "home", map[string]string{"Text": "*x*"})
	if err != nil || got != "<em>x</em>" {
		t.Errorf("supplied markdownify = %q, %v", got, err)
	}
}

// TestParseErrorsCountedPastTheCap checks that every broken template
// counts, also past the hundred a build lists: 105 broken partials give
// the first 100 in order and "... and 5 more".
func TestParseErrorsCountedPastTheCap(t *testing.T) {
	files := map[string]string{"_default/list.html": "fine"}
	for i := range 105 {
		files[fmt.Sprintf("partials/p%03d.html", i)] = "{{ if }}"
	}
	_, err := Load(Options{SiteLayouts: mapFS(files)})
	var all *diag.Errors
	if !errors.As(err, &all) {
		t.Fatalf("Load error %T %v, want *diag.Errors", err, err)
	}
	if len(all.List) != diag.DefaultCap || all.More != 5 {
		t.Fatalf("%d errors listed and %d more, want %d and 5", len(all.List), all.More, diag.DefaultCap)
	}
	if got := all.List[0].Error(); !strings.HasPrefix(got, "layouts/partials/p000.html:1:") {
		t.Errorf("first error %q, want the first file's", got)
	}
}

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"bad func value", Options{Funcs: template.FuncMap{"x": 3}}, `function "x" is int, not a function`},
		{"bad func name", Options{Funcs: template.FuncMap{"a-b": strings.ToUpper}}, `function name "a-b" is not a valid identifier`},
		{"bad func results", Options{Funcs: template.FuncMap{"two": func() (int, int) { return 1, 2 }}}, `function "two" must return one value`},
		{"no base", Options{SiteLayouts: mapFS(map[string]string{"_default/single.html": `{{ define "main" }}{{ end }}`})},
			"layouts/_default/single.html:1:1: the template starts with {{ define }}, so it needs a _default/baseof.html"},
	}
	for _, tt := range tests {
		_, err := Load(tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Load error = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestLoadEmpty(t *testing.T) {
	for _, opts := range []Options{{}, {SiteLayouts: fstest.MapFS{}, Theme: fstest.MapFS{"static/x.css": {}}}} {
		set, err := Load(opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := set.Lookup("page", "x", ""); ok {
			t.Error("empty set found a page template")
		}
		if set.HasShortcode("note") {
			t.Error("empty set has a shortcode")
		}
	}
}
