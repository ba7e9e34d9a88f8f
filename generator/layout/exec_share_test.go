package layout

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// shareSite is a layouts/ folder whose page templates call partials in
// each of the ways sharing must tell apart.
var shareSite = map[string]string{
	"_default/baseof.html": `<!doctype html><head>{{ template "partials/head.html" . }}</head>` +
		`<body>{{ block "main" . }}{{ end }}{{ template "partials/foot.html" . }}</body>`,
	// Shares head, foot and card: all called in HTML text.
	"_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ template "partials/card.html" . }}{{ end }}`,
	// card is called inside an attribute here: html/template escapes a
	// copy of it for that context, so this page compiles whole.
	"_default/list.html": `<a title="{{ template "partials/card.html" . }}">{{ .Title }}</a>` +
		`{{ template "partials/foot.html" . }}`,
	// Redefines "inner", which wrap calls: wrap is not the partials' wrap
	// here, while foot still is.
	"_default/term.html": `<p>{{ template "partials/wrap.html" . }}</p>{{ template "partials/foot.html" . }}` +
		`{{ define "inner" }}page's inner {{ .Title }}{{ end }}`,
	// p and q call each other: their entries must not wait for each other.
	"_default/taxonomy.html": `<ol>{{ template "partials/p.html" .Chain }}</ol>`,

	"partials/head.html": `<title>{{ .Title }}</title>{{ template "partials/meta.html" . }}`,
	"partials/meta.html": `<meta name="description" content="{{ .Title }}">`,
	"partials/foot.html": `<footer>{{ .Title }} &copy;</footer>`,
	"partials/card.html": `{{ .Title }} <card>`,
	"partials/wrap.html": `<div>{{ template "inner" . }}</div>{{ define "inner" }}partial's inner {{ .Title }}{{ end }}`,
	"partials/p.html":    `<li>p {{ .N }}{{ with .Next }}{{ template "partials/q.html" . }}{{ end }}</li>`,
	"partials/q.html":    `<li>q {{ .N }}{{ with .Next }}{{ template "partials/p.html" . }}{{ end }}</li>`,
}

type shareLink struct {
	N    int
	Next *shareLink
}

type sharePage struct {
	Title string
	Chain *shareLink
}

// TestPageTemplatesSharePartials checks which partials each page template
// shares and that every page renders as html/template renders it.
func TestPageTemplatesSharePartials(t *testing.T) {
	opts := Options{SiteLayouts: mapFS(shareSite)}
	comp, err := Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Interpret = true
	interp, err := Load(opts)
	if err != nil {
		t.Fatal(err)
	}

	// A compilation waiting for another that waits for it would hang:
	// everything that compiles runs under a deadline.
	done := make(chan struct{})
	go func() {
		defer close(done)
		checkShares(t, comp)
		comp.Prepare()
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("compiling did not finish: compilations wait for each other")
	}

	data := sharePage{Title: `Tom & "Jerry" <b>`, Chain: &shareLink{1, &shareLink{2, &shareLink{3, nil}}}}
	for _, kind := range []string{"page", "section", "term", "taxonomy"} {
		run := func(s *Set) string {
			tmpl, ok := s.Lookup(kind, "", "")
			if !ok {
				t.Fatalf("Lookup(%q) missed", kind)
			}
			var b strings.Builder
			if err := s.Execute(&b, tmpl, data); err != nil {
				t.Fatalf("%s: %v", kind, err)
			}
			return b.String()
		}
		got, want := run(comp), run(interp)
		if got != want {
			t.Errorf("%s: compiled\n%s\nhtml/template\n%s", kind, got, want)
		}
		if kind == "term" && !strings.Contains(got, "page's inner") {
			t.Errorf("term page does not use its own inner: %s", got)
		}
	}
}

// checkShares checks which partials the entries of shareSite share.
func checkShares(t *testing.T, comp *Set) {
	shares := func(rel string) []string {
		c := comp.composed[rel]
		e := c.alone
		if e == nil {
			e = c.inBase[defaultBase]
		}
		code, _, names := e.exec.ns.compileSharing(comp, e.exec.name)
		if code == nil {
			return nil
		}
		return names
	}
	for rel, want := range map[string][]string{
		"_default/single.html":   {"partials/card.html", "partials/foot.html", "partials/head.html"},
		"_default/list.html":     nil,
		"_default/term.html":     {"partials/foot.html"},
		"_default/taxonomy.html": {"partials/p.html"},
	} {
		if got := shares(rel); !slices.Equal(got, want) {
			t.Errorf("%s shares %q, want %q", rel, got, want)
		}
	}
	// Among the partials: head shares meta; p and q call each other, so
	// neither waits for the other's code.
	for rel, want := range map[string][]string{
		"partials/head.html": {"partials/meta.html"},
		"partials/p.html":    nil,
	} {
		e := comp.entries[rel]
		code, _, names := e.ns.compileSharing(comp, rel)
		if code == nil {
			names = nil
		}
		if !slices.Equal(names, want) {
			t.Errorf("%s shares %q, want %q", rel, names, want)
		}
	}

}
