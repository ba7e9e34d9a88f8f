package layout

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
)

// stableSite is a site whose T is stable, counting its calls.
type stableSite struct {
	lang  string
	calls *atomic.Int64
}

func (s *stableSite) T(key string, args ...any) string {
	s.calls.Add(1)
	return fmt.Sprintf("%s:%s<%d>", s.lang, key, len(args))
}
func (s *stableSite) StableTextKey() any              { return s }
func (s *stableSite) IsStableText(method string) bool { return method == "T" }

// stablePage is a page whose T is its site's, and whose Title, though a
// method without arguments, is not stable.
type stablePage struct {
	Site *stableSite
	n    int
}

func (p *stablePage) T(key string, args ...any) string { return p.Site.T(key, args...) }
func (p *stablePage) Title() string                    { return fmt.Sprintf("title %d", p.n) }
func (p *stablePage) StableTextKey() any               { return p.Site }
func (p *stablePage) IsStableText(method string) bool  { return method == "T" }

// TestStableTextEqualsCalls runs pages of two sites, in changing orders,
// through stable calls printed and used as values, calls with arguments
// that are not constant, and a method that is not stable, and wants
// html/template's output; the stable calls with constant arguments run
// once per site and call site.
func TestStableTextEqualsCalls(t *testing.T) {
	opts := Options{SiteLayouts: mapFS(map[string]string{
		"_default/single.html": `{{ range . }}<p title="{{ .T "a" }}">{{ .T "a" }}|{{ .Site.T "b" 1 }}|{{ .T "c" .Title }}|{{ .Title }}` +
			`|{{ $x := .T "d" }}{{ $x }}|{{ printf "%s" (.T "e") }}</p>{{ end }}`,
	})}
	var calls atomic.Int64
	zh := &stableSite{lang: "zh", calls: &calls}
	en := &stableSite{lang: "en", calls: &calls}
	for _, p := range []setPair{loadPair(t, opts), loadBuildPair(t, opts)} {
		for round := range 4 {
			var pages []*stablePage
			for i := range 30 {
				site := zh
				if round > 0 && (i/round)%2 == 1 {
					site = en
				}
				pages = append(pages, &stablePage{Site: site, n: i})
			}
			want := executePage(p.interp, "page", pages)
			calls.Store(0)
			got := executePage(p.comp, "page", pages)
			if !want.same(got) {
				t.Fatalf("round %d:\ncompiled:    %s\ninterpreted: %s", round, got, want)
			}
			if want.err != nil || !strings.Contains(want.out, "zh:a") || !strings.Contains(want.out, "zh:d") {
				t.Fatalf("round %d: unexpected output %s", round, want)
			}
			// Every page calls .T "c" .Title; the five stable calls run
			// once per site, also when pages of the two sites take turns.
			sites := int64(1)
			if round > 0 {
				sites = 2
			}
			if n, want := calls.Load(), int64(len(pages))+5*sites; n != want {
				t.Errorf("round %d: %d calls of T for %d pages of %d sites, want %d", round, n, len(pages), sites, want)
			}
			p.comp.ClearFragments()
		}
		if status := pageStatus(p.comp, "page"); status != "compiled (0 fallbacks)" {
			t.Errorf("status %q, want every run compiled", status)
		}
	}
}

// changingSite claims T is stable, and tests that ClearFragments, the
// promise's end, drops what was kept.
type changingSite struct{ word string }

func (s *changingSite) T(key string) string             { return s.word + key }
func (s *changingSite) StableTextKey() any              { return s }
func (s *changingSite) IsStableText(method string) bool { return method == "T" }

func TestStableTextClearedWithFragments(t *testing.T) {
	opts := Options{SiteLayouts: mapFS(map[string]string{
		"_default/single.html": `{{ .T "a" }}{{ with .T "b" }}{{ . }}{{ end }}`,
	})}
	set, err := Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	site := &changingSite{word: "old"}
	if got := executePage(set, "page", site); got.out != "oldaoldb" {
		t.Fatalf("first run: %s", got)
	}
	site.word = "new"
	set.ClearFragments()
	if got := executePage(set, "page", site); got.out != "newanewb" {
		t.Fatalf("after ClearFragments: %s, want the new text", got)
	}
}
