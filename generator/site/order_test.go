package site

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/internal/stablesort"
)

// randomPages makes n pages whose weights, dates, titles and paths repeat
// often, so every tie-break of the orders is exercised, including full
// ties that only stability decides.
func randomPages(n int, seed uint64) []*pageState {
	r := rand.New(rand.NewPCG(seed, 1))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*pageState, n)
	for i := range out {
		p := &content.Page{
			Weight: r.IntN(3),
			Date:   base.Add(time.Duration(r.IntN(4)) * 24 * time.Hour),
			Title:  "t" + strconv.Itoa(r.IntN(3)),
			Path:   "p" + strconv.Itoa(r.IntN(n/2+1)),
			File:   strconv.Itoa(i), // identity, to tell equal pages apart
		}
		if r.IntN(4) == 0 {
			p.Kind, p.Dir = content.KindSection, fmt.Sprintf("s/%d", r.IntN(3))
		} else if r.IntN(50) == 0 {
			p.Kind = content.KindHome
		} else {
			p.Kind = content.KindPage
		}
		out[i] = &pageState{page: p, view: &render.Page{Date: p.Date, RelPermalink: "/" + p.Path + "/"}}
	}
	return out
}

// The general orders: the stable library sorts with the less functions the
// fast orders replace.
func lessPages(ps []*pageState) func(i, j int) bool {
	return func(i, j int) bool {
		a, c := ps[i].page, ps[j].page
		aw, cw := a.Weight, c.Weight
		if (aw == 0) != (cw == 0) {
			return aw != 0
		}
		if aw != cw {
			return aw < cw
		}
		if !a.Date.Equal(c.Date) {
			return a.Date.After(c.Date)
		}
		if a.Title != c.Title {
			return a.Title < c.Title
		}
		return a.Path < c.Path
	}
}

func lessNewest(ps []*pageState) func(i, j int) bool {
	return func(i, j int) bool {
		a, c := ps[i].page, ps[j].page
		if !a.Date.Equal(c.Date) {
			return a.Date.After(c.Date)
		}
		return a.Path < c.Path
	}
}

func lessNewerViews(ps []*pageState) func(i, j int) bool {
	return func(i, j int) bool {
		a, c := ps[i].view, ps[j].view
		if !a.Date.Equal(c.Date) {
			return a.Date.After(c.Date)
		}
		return a.RelPermalink < c.RelPermalink
	}
}

func files(ps []*pageState) []string {
	out := make([]string, len(ps))
	for i, st := range ps {
		out[i] = st.page.File
	}
	return out
}

func TestSortStableEqualsLibraryStableSort(t *testing.T) {
	orders := []struct {
		name string
		fast func([]*pageState)
		less func([]*pageState) func(i, j int) bool
	}{
		{"pages", sortPages, lessPages},
		{"newest", sortNewest, lessNewest},
		{"newer views", func(ps []*pageState) {
			stablesort.Func(ps, func(a, c *pageState) int { return compareNewerViews(a.view, c.view) })
		}, lessNewerViews},
	}
	for _, o := range orders {
		for _, n := range []int{0, 1, 2, 5, 16, 17, 100, 2000} {
			for seed := range uint64(3) {
				t.Run(fmt.Sprintf("%s/%d/%d", o.name, n, seed), func(t *testing.T) {
					want := randomPages(n, seed)
					got := slices.Clone(want)
					sort.SliceStable(want, o.less(want))
					o.fast(got)
					if w, g := files(want), files(got); !slices.Equal(w, g) {
						t.Fatalf("order differs from sort.SliceStable:\n got %v\nwant %v", g, w)
					}
				})
			}
		}
	}
}

func TestDecideOrderEqualsStableRankSort(t *testing.T) {
	for _, n := range []int{0, 1, 7, 40, 3000} {
		for seed := range uint64(3) {
			states := randomPages(n, seed)
			want := slices.Clone(states)
			sort.SliceStable(want, func(i, j int) bool { return rank(want[i].page) < rank(want[j].page) })
			got := decideOrder(states)
			if w, g := files(want), files(got); !slices.Equal(w, g) {
				t.Fatalf("n=%d seed=%d: decide order differs:\n got %v\nwant %v", n, seed, g, w)
			}
		}
	}
}

// pagerLinksScan is the general form: every page number of the list
// checked against the rule.
func pagerLinksScan(k, total int, urlOf func(int) string) []render.PagerLink {
	var links []render.PagerLink
	for i := 1; i <= total; i++ {
		if i == 1 || i == total || (i >= k-2 && i <= k+2) {
			links = append(links, render.PagerLink{Number: i, URL: urlOf(i), Current: i == k})
		}
	}
	return links
}

func TestPagerLinksEqualScan(t *testing.T) {
	urlOf := func(i int) string { return "/l/page/" + strconv.Itoa(i) + "/" }
	for total := 1; total <= 12; total++ {
		for k := 1; k <= total; k++ {
			got, want := pagerLinks(k, total, urlOf), pagerLinksScan(k, total, urlOf)
			if !slices.Equal(got, want) {
				t.Errorf("pagerLinks(%d, %d) = %v, want %v", k, total, got, want)
			}
		}
	}
	if got := pagerLinks(500, 1000, urlOf); len(got) != 7 {
		t.Errorf("pagerLinks(500, 1000) has %d links, want 7", len(got))
	}
}

func BenchmarkSortNewest(b *testing.B) {
	pages := randomPages(50000, 1)
	work := make([]*pageState, len(pages))
	for b.Loop() {
		copy(work, pages)
		sortNewest(work)
	}
}

func BenchmarkSortNewestLibraryStable(b *testing.B) {
	pages := randomPages(50000, 1)
	work := make([]*pageState, len(pages))
	for b.Loop() {
		copy(work, pages)
		sort.SliceStable(work, lessNewest(work))
	}
}

// TestNewestUnderIsTheSortedPrefix checks newestUnder against sorting every
// regular page under a section, on random trees whose pages often tie.
func TestNewestUnderIsTheSortedPrefix(t *testing.T) {
	for seed := range uint64(40) {
		pages := randomPages(300, seed)
		r := rand.New(rand.NewPCG(seed, 2))
		root := &pageState{}
		secs := []*pageState{root}
		for range 6 {
			s := &pageState{}
			parent := secs[r.IntN(len(secs))]
			parent.subs = append(parent.subs, s)
			secs = append(secs, s)
		}
		for _, p := range pages {
			s := secs[r.IntN(len(secs))]
			s.children = append(s.children, p)
		}
		var all []*pageState
		var walk func(s *pageState)
		walk = func(s *pageState) {
			all = append(all, s.children...)
			for _, c := range s.subs {
				walk(c)
			}
		}
		walk(root)
		sortNewest(all)
		for _, limit := range []int{1, 5, 20, 299, 300, 400} {
			want := all[:min(limit, len(all))]
			got := newestUnder(root, limit)
			if !slices.Equal(got, want) {
				t.Fatalf("seed %d, limit %d: newestUnder differs from the sorted prefix", seed, limit)
			}
		}
	}
}
