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
	// copy of it for that context, so this page shares nothing (and stays
	// on html/template, as the compiler runs no such copies).
	"_default/list.html": `<a title="{{ template "partials/card.html" . }}">{{ .Title }}</a>` +
		`{{ template "partials/foot.html" . }}`,
	// Redefines "inner", which wrap calls: wrap is not the partials' wrap
	// here, while foot still is.
	"_default/term.html": `<p>{{ template "partials/wrap.html" . }}</p>{{ template "partials/foot.html" . }}` +
		`{{ define "inner" }}page's inner {{ .Title }}{{ end }}`,
	// head calls meta, whose own "meta-inner" this page redefines: neither
	// head nor meta is the partials' here, while foot is.
	"index.html": `{{ template "partials/head.html" . }}{{ template "partials/foot.html" . }}` +
		`{{ define "meta-inner" }}PAGE {{ .Title }}{{ end }}`,
	// p and q call each other: their entries must not wait for each other.
	"_default/taxonomy.html": `<ol>{{ template "partials/p.html" .Chain }}</ol>`,

	"partials/head.html": `<title>{{ .Title }}</title>{{ template "partials/meta.html" . }}`,
	"partials/meta.html": `<meta name="description" content="{{ .Title }}">{{ template "meta-inner" . }}` +
		`{{ define "meta-inner" }}<i>partial's {{ .Title }}</i>{{ end }}`,
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
	case <-time.After(10 * time.Second):
		t.Fatal("compiling did not finish: compilations wait for each other")
	}

	data := sharePage{Title: `Tom & "Jerry" <b>`, Chain: &shareLink{1, &shareLink{2, &shareLink{3, nil}}}}
	for _, kind := range []string{"page", "section", "term", "taxonomy", "home"} {
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
		if kind == "home" && !strings.Contains(got, "PAGE Tom") {
			t.Errorf("home page does not use its own meta-inner: %s", got)
		}
	}
}

// sharedBy returns the partials the entry name of ns shares, or nil when
// it compiles whole.
func sharedBy(s *Set, ns *namespace, name string) []string {
	sh := ns.newSharing(s, name)
	esc, own := ns.escapingCopy(s, name, sh.stub)
	if !sh.sharesAny() {
		return nil
	}
	if code, _ := sh.compile(esc, own); code == nil {
		return nil
	}
	var names []string
	for n, se := range sh.shared {
		if se != nil {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

// checkShares checks which partials the entries of shareSite share, and
// that an entry's compilation runs the shared partial's escaped trees.
func checkShares(t *testing.T, comp *Set) {
	pageEntry := func(rel string) *entry {
		c := comp.composed[rel]
		if c.alone != nil {
			return c.alone.exec
		}
		return c.inBase[defaultBase].exec
	}
	for rel, want := range map[string][]string{
		"_default/single.html":   {"partials/card.html", "partials/foot.html", "partials/head.html"},
		"_default/list.html":     nil,
		"_default/term.html":     {"partials/foot.html"},
		"_default/taxonomy.html": {"partials/p.html"},
		"index.html":             {"partials/foot.html"},
	} {
		e := pageEntry(rel)
		if got := sharedBy(comp, e.ns, e.name); !slices.Equal(got, want) {
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
		if got := sharedBy(comp, e.ns, rel); !slices.Equal(got, want) {
			t.Errorf("%s shares %q, want %q", rel, got, want)
		}
	}
	// A build's compilation shares: the single page's code runs card's
	// escaped tree as card's own entry escaped it.
	e := pageEntry("_default/single.html")
	code, trees, err := e.ns.compile(comp, e.name)
	if err != nil || code == nil {
		t.Fatalf("compile single: %v", err)
	}
	card := comp.entries["partials/card.html"]
	if _, cardTrees := card.compiled(comp); trees["partials/card.html"] == nil || trees["partials/card.html"] != cardTrees["partials/card.html"] {
		t.Error("the single page's compilation does not run card's shared code")
	}
}
