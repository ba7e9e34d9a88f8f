package layout

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

// freshNav is a view returned as a new pointer by every call.
type freshNav struct {
	Site *stableSite
	Home string
}

// stableNilPage is a page whose T is stable and whose Nav is a fresh
// pointer; a nil *stableNilPage fails T as html/template calls it.
type stableNilPage struct{ Site *stableSite }

func (p *stableNilPage) Nav(root string) *freshNav        { return &freshNav{Site: p.Site, Home: root} }
func (p *stableNilPage) T(key string, args ...any) string { return p.Site.T(key, args...) }
func (p *stableNilPage) StableTextKey() any               { return p.Site }
func (p *stableNilPage) IsStableText(method string) bool  { return method == "T" }

// TestStableTextNilReceivers runs stable calls over nil pages and pages
// without a site between pages of two sites, and compares pointer
// results, and wants html/template's output or error.
func TestStableTextNilReceivers(t *testing.T) {
	var calls atomic.Int64
	zh := &stableSite{lang: "zh", calls: &calls}
	en := &stableSite{lang: "en", calls: &calls}
	for _, tmpl := range []string{
		`{{ range . }}[{{ .T "a" }}]{{ end }}`,
		`{{ range . }}[{{ with .T "a" }}{{ . }}{{ end }}]{{ end }}`,
		`{{ range . }}[{{ if eq (.Nav "/") (.Nav "/") }}eq{{ else }}ne{{ end }}|{{ (.Nav "/").Home }}]{{ end }}`,
	} {
		opts := Options{SiteLayouts: mapFS(map[string]string{"_default/single.html": tmpl})}
		for _, p := range []setPair{loadPair(t, opts), loadBuildPair(t, opts)} {
			for _, pages := range [][]*stableNilPage{
				{{Site: zh}, nil, {Site: en}},
				{{Site: zh}, {Site: nil}},
				{{Site: zh}, {Site: en}, {Site: zh}},
			} {
				want := executePage(p.interp, "page", pages)
				got := executePage(p.comp, "page", pages)
				if !want.same(got) {
					t.Errorf("%s:\ncompiled:    %s\ninterpreted: %s", tmpl, got, want)
				}
			}
		}
	}
}

// TestStableTextParallelSites runs pages of two sites through one Set
// from several goroutines, clearing the fragments now and then, as a
// bilingual build does; run with -race.
func TestStableTextParallelSites(t *testing.T) {
	var calls atomic.Int64
	sites := []*stableSite{{lang: "zh", calls: &calls}, {lang: "en", calls: &calls}}
	set, err := Load(Options{SiteLayouts: mapFS(map[string]string{
		"_default/single.html": `{{ .T "a" }}|{{ .Site.T "b" 1 }}|{{ with .T "c" }}{{ . }}{{ end }}|{{ printf "%s" (.T "d") }}`,
	})})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 300 {
				site := sites[(g+i)%2]
				got := executePage(set, "page", &stablePage{Site: site})
				want := fmt.Sprintf("%[1]s:a&lt;0&gt;|%[1]s:b&lt;1&gt;|%[1]s:c&lt;0&gt;|%[1]s:d&lt;0&gt;", site.lang)
				if got.err != nil || got.out != want {
					errs <- fmt.Sprintf("got %s, want %s", got, want)
					return
				}
				if i%50 == 0 {
					set.ClearFragments()
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
