package layout

import (
	"bytes"
	"maps"
	"slices"
	"sync"
	"testing"
)

// TestPrepareCompilesEveryPageTemplate checks that Prepare leaves every
// page template compiled (or tried) and partials and shortcodes for their
// first use, which compiles them, that its output is the output of
// compiling on first use, and that it may run alongside executions and
// more than once.
func TestPrepareCompilesEveryPageTemplate(t *testing.T) {
	theme := mapFS(map[string]string{
		"layouts/_default/baseof.html": `<main>{{ block "main" . }}{{ end }}</main>`,
		"layouts/_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ partial "meta.html" . }}{{ end }}`,
		"layouts/_default/list.html":   `<ul>{{ range .Items }}<li>{{ . }}</li>{{ end }}</ul>`,
		"layouts/partials/meta.html":   `<p title="{{ .Title }}">{{ len .Items }}</p>`,
		"layouts/shortcodes/note.html": `<aside>{{ .Title }}</aside>`,
	})
	data := struct {
		Title string
		Items []string
	}{`A "title" <b>`, []string{"x", "y&z"}}
	render := func(s *Set, kind string) string {
		t.Helper()
		tmpl, ok := s.Lookup(kind, "", "")
		if !ok {
			t.Fatalf("no %s template", kind)
		}
		var b bytes.Buffer
		if err := s.Execute(&b, tmpl, data); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	lazy, err := Load(Options{Theme: theme, ThemeName: "themes/t"})
	if err != nil {
		t.Fatal(err)
	}
	eager, err := Load(Options{Theme: theme, ThemeName: "themes/t"})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var alongside error // an execution while Prepare runs; t.Fatal belongs on the test's goroutine
	wg.Go(eager.Prepare)
	wg.Go(func() {
		if tmpl, ok := eager.Lookup("page", "", ""); ok {
			alongside = eager.Execute(new(bytes.Buffer), tmpl, data)
		}
	})
	wg.Wait()
	if alongside != nil {
		t.Fatal(alongside)
	}
	eager.Prepare()
	for _, c := range eager.composed {
		for _, tm := range append([]*Template{c.alone}, slices.Collect(maps.Values(c.inBase))...) {
			if tm != nil && tm.exec.status() == "not yet compiled" {
				t.Errorf("%s (in %q) not compiled by Prepare", tm.name, tm.base)
			}
		}
	}
	for name, e := range eager.entries {
		if name == "partials/meta.html" {
			continue // the page run alongside may have called it
		}
		if e.status() != "not yet compiled" {
			t.Errorf("entry %s compiled by Prepare, not on first use: %s", name, e.status())
		}
	}
	for _, kind := range []string{"page", "section"} {
		if got, want := render(eager, kind), render(lazy, kind); got != want {
			t.Errorf("%s: prepared %q, compiled on first use %q", kind, got, want)
		}
		if st := pageStatus(eager, kind); st != "compiled (0 fallbacks)" {
			t.Errorf("%s: %s", kind, st)
		}
	}
	if st := eager.entries["partials/meta.html"].status(); st == "not yet compiled" {
		t.Errorf("the partial the page calls: %s after the page ran", st)
	}
	if st := eager.entries["shortcodes/note.html"].status(); st != "not yet compiled" {
		t.Errorf("the shortcode nothing ran: %s", st)
	}
}
