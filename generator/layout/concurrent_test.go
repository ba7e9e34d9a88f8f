package layout

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestConcurrentExecute(t *testing.T) {
	site := mapFS(map[string]string{
		"_default/baseof.html": `<main>{{ block "main" . }}{{ end }}</main>{{ partial "foot.html" . }}`,
		"_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ partial "tags.html" .Tags }}{{ end }}`,
		"_default/list.html":   `{{ define "main" }}{{ range sortBy .Pages "Title" }}{{ .Title }}{{ end }}{{ end }}`,
		"partials/foot.html":   `<footer>{{ .Title | upper }}</footer>`,
		"partials/tags.html":   `{{ delimit . ", " }}`,
		"shortcodes/note.html": `<div>{{ .Args.type }}</div>`,
	})
	set, err := Load(Options{SiteLayouts: site})
	if err != nil {
		t.Fatal(err)
	}
	type page struct {
		Title string
		Tags  []string
		Pages []page
	}
	const workers, rounds = 8, 50
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				p := page{Title: fmt.Sprintf("p%d-%d", w, r), Tags: []string{"a", "b"}}
				kind := "page"
				want := fmt.Sprintf("<main><h1>%s</h1>a, b</main><footer>%s</footer>", p.Title, strings.ToUpper(p.Title))
				if r%2 == 1 {
					kind = "section"
					p.Pages = []page{{Title: "z"}, {Title: "y"}}
					want = fmt.Sprintf("<main>yz</main><footer>%s</footer>", strings.ToUpper(p.Title))
				}
				tmpl, _ := set.Lookup(kind, "", "")
				var b strings.Builder
				if err := set.Execute(&b, tmpl, p); err != nil {
					errs[w] = err
					return
				}
				if b.String() != want {
					errs[w] = fmt.Errorf("got %q, want %q", b.String(), want)
					return
				}
				out, err := set.Shortcode("note", map[string]any{"Args": map[string]string{"type": p.Title}})
				if err != nil || out != "<div>"+p.Title+"</div>" {
					errs[w] = fmt.Errorf("shortcode = %q, %v", out, err)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Errorf("worker %d: %v", w, err)
		}
	}
}

func BenchmarkExecute(b *testing.B) {
	site := mapFS(map[string]string{
		"_default/baseof.html": `<main>{{ block "main" . }}{{ end }}</main>{{ partial "foot.html" . }}`,
		"_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Tags }}<a href="{{ relURL . }}">{{ . }}</a>{{ end }}{{ end }}`,
		"partials/foot.html":   `<footer>{{ .Title | upper }}</footer>`,
	})
	set, err := Load(Options{SiteLayouts: site, BaseURL: "https://x.org/sub/"})
	if err != nil {
		b.Fatal(err)
	}
	data := map[string]any{"Title": "社区领袖", "Tags": []string{"tags/a/", "tags/b/"}}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		var sb strings.Builder
		for pb.Next() {
			sb.Reset()
			tmpl, _ := set.Lookup("page", "projects", "")
			if err := set.Execute(&sb, tmpl, data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
