package layout

import (
	"fmt"
	"sync"
	"testing"
)

// TestCompiledConcurrent executes one Set from many goroutines at once,
// from its first execution on, so first executions, compiling and
// compiled executions overlap; every output must be the interpreted one.
// Run with -race.
func TestCompiledConcurrent(t *testing.T) {
	p := loadPair(t, Options{SiteLayouts: mapFS(map[string]string{
		"_default/baseof.html": `<main>{{ block "main" . }}{{ end }}</main>{{ partial "foot.html" . }}`,
		"_default/single.html": `{{ define "main" }}<h1 title="{{ .Title }}">{{ .Title }}</h1>{{ range $i, $t := .Tags }}{{ partial "tag.html" (dict "i" $i "t" $t) }}{{ end }}{{ partial "keyed.html" .Kind .Kind }}{{ end }}`,
		"_default/list.html":   `{{ define "main" }}{{ range sortBy .Pages "Title" }}{{ template "partials/item.html" . }}{{ end }}{{ end }}`,
		"partials/foot.html":   `<footer>{{ .Title | upper }}</footer>`,
		"partials/tag.html":    `<a href="/tags/{{ .t }}/">{{ .i }}: {{ .t }}</a>`,
		"partials/item.html":   `<li>{{ .Title }}</li>`,
		"partials/keyed.html":  `<p>{{ . }}</p>`,
		"shortcodes/note.html": `<div class="{{ .type }}">{{ .text }}</div>`,
	})})
	type page struct {
		Kind, Title string
		Tags        []string
		Pages       []page
	}
	const workers, rounds = 8, 60
	data := func(w, r int) (string, page) {
		p := page{Kind: "single", Title: fmt.Sprintf("p<%d>-%d", w, r), Tags: []string{"a&b", fmt.Sprint(r)}}
		if r%2 == 1 {
			p.Kind = "list"
			p.Pages = []page{{Title: fmt.Sprint("z", w)}, {Title: "y&"}}
			return "section", p
		}
		return "page", p
	}
	want := make([][]string, workers)
	for w := range workers {
		for r := range rounds {
			kind, d := data(w, r)
			o := executePage(p.interp, kind, d)
			sc, err := p.interp.Shortcode("note", map[string]string{"type": kind, "text": d.Title})
			if o.err != nil || err != nil {
				t.Fatal(o.err, err)
			}
			want[w] = append(want[w], o.out+sc)
		}
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for r := range rounds {
				kind, d := data(w, r)
				o := executePage(p.comp, kind, d)
				sc, err := p.comp.Shortcode("note", map[string]string{"type": kind, "text": d.Title})
				if o.err != nil || err != nil {
					errs[w] = fmt.Errorf("round %d: %v, %v", r, o.err, err)
					return
				}
				if got := o.out + sc; got != want[w][r] {
					errs[w] = fmt.Errorf("round %d: got %q, want %q", r, got, want[w][r])
					return
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Errorf("worker %d: %v", w, err)
		}
	}
	for _, kind := range []string{"page", "section"} {
		if status := pageStatus(p.comp, kind); status != "compiled (0 fallbacks)" {
			t.Errorf("%s: %s", kind, status)
		}
	}
}
