package content

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
)

// sortPagesBySlice is the general sort sortPages must match: sort.Slice
// with the language ranks looked up at each comparison.
func sortPagesBySlice(pages []*Page, opts Options) {
	rank := map[string]int{}
	for i, l := range opts.Languages {
		rank[l] = i + 1
	}
	rank[opts.DefaultLanguage] = 0
	sort.Slice(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		if a.Lang != b.Lang {
			return rank[a.Lang] < rank[b.Lang]
		}
		return a.Path < b.Path
	})
}

// TestSortPagesMatchesSortSlice sorts shuffled pages, with repeated
// language and Path pairs and languages the options do not list, both
// ways and checks that every page lands at the same index.
func TestSortPagesMatchesSortSlice(t *testing.T) {
	tests := []struct {
		name  string
		opts  Options
		langs []string
		pages int
	}{
		{"one language", Options{Languages: []string{"zh"}, DefaultLanguage: "zh"}, []string{"zh"}, 500},
		{"default listed last", Options{Languages: []string{"en", "fr", "zh"}, DefaultLanguage: "zh"}, []string{"zh", "en", "fr"}, 700},
		{"unlisted languages", Options{Languages: []string{"zh", "en"}, DefaultLanguage: "zh"}, []string{"zh", "en", "de", "ja"}, 900},
		{"few pages", Options{Languages: []string{"zh", "en"}, DefaultLanguage: "zh"}, []string{"en", "zh"}, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(tt.pages)))
			pages := make([]*Page, tt.pages)
			for i := range pages {
				// Few distinct paths, so many pages tie on both keys;
				// File tells the tied ones apart.
				pages[i] = &Page{
					Lang: tt.langs[rng.IntN(len(tt.langs))],
					Path: fmt.Sprintf("s%d/p%d", rng.IntN(4), rng.IntN(tt.pages/3+1)),
					File: fmt.Sprint(i),
				}
			}
			want := append([]*Page(nil), pages...)
			sortPagesBySlice(want, tt.opts)
			got := append([]*Page(nil), pages...)
			sortPages(got, tt.opts)
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("index %d: got %s %s (file %s), want %s %s (file %s)", i,
						got[i].Lang, got[i].Path, got[i].File, want[i].Lang, want[i].Path, want[i].File)
				}
			}
		})
	}
}

// TestSectionCacheMatchesLookup checks every page's parent in a loaded
// tree, with nested sections, bundles and two languages, against a fresh
// lookup, and that a cache which saw another folder or language last
// does not answer for it.
func TestSectionCacheMatchesLookup(t *testing.T) {
	tree, errs := load(t, map[string]string{
		"content/_index.md":                  "+++\ntitle = \"首页\"\n+++\n",
		"content/news/_index.md":             "+++\ntitle = \"News\"\n+++\n",
		"content/news/a.md":                  "+++\ntitle = \"a\"\n+++\n",
		"content/news/b.en.md":               "+++\ntitle = \"b\"\n+++\n",
		"content/news/2024/_index.md":        "+++\ntitle = \"2024\"\n+++\n",
		"content/news/2024/c.md":             "+++\ntitle = \"c\"\n+++\n",
		"content/news/2024/deep/d.md":        "+++\ntitle = \"d\"\n+++\n",
		"content/news/2024/deep/e.en.md":     "+++\ntitle = \"e\"\n+++\n",
		"content/news/2024/z/index.md":       "+++\ntitle = \"z\"\n+++\n",
		"content/leaders/li/index.md":        "+++\ntitle = \"li\"\n+++\n",
		"content/leaders/li/index.en.md":     "+++\ntitle = \"Li\"\n+++\n",
		"content/leaders/wang/_index.md":     "+++\ntitle = \"wang\"\n+++\n",
		"content/leaders/wang/notes/x.md":    "+++\ntitle = \"x\"\n+++\n",
		"content/leaders/wang/notes/y.md":    "+++\ntitle = \"y\"\n+++\n",
		"content/leaders/wang/notes/y.en.md": "+++\ntitle = \"y\"\n+++\n",
		"content/top.md":                     "+++\ntitle = \"top\"\n+++\n",
	}, Options{Languages: []string{"zh", "en"}, DefaultLanguage: "zh"})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	checked := 0
	for _, p := range tree.Pages {
		if p.Kind == KindHome {
			continue
		}
		want := tree.sectionIn(p.Lang, parentDir(p))
		if p.Parent != want {
			t.Errorf("%s %s: parent %v, want %v", p.Lang, p.Path, p.Parent.Path, want.Path)
		}
		// A cache that last answered for every other page must answer
		// for this one as a lookup does.
		for _, before := range tree.Pages {
			if before.Kind == KindHome {
				continue
			}
			var c sectionCache
			c.of(tree, before)
			if got := c.of(tree, p); got != want {
				t.Errorf("%s %s after %s %s: %v, want %v", p.Lang, p.Path, before.Lang, before.Path, got.Path, want.Path)
			}
		}
		checked++
	}
	if checked < 15 {
		t.Fatalf("only %d pages checked", checked)
	}
}
