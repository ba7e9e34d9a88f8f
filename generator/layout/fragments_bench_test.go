package layout

import (
	"html/template"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkFragmentsGet looks up kept outputs under keys shaped like the
// theme's item partials: a page, the site, a level and a summary, in a
// small set and in one as large as a 10k-page site's, in scattered order.
func BenchmarkFragmentsGet(b *testing.B) {
	for _, n := range []int{1000, 20000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var f fragments
			keys := benchFragmentKeys(b, n)
			for _, k := range keys {
				f.put(k, "<li>item</li>")
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, ok := f.get(keys[(i*7919)%len(keys)]); !ok {
					b.Fatal("missed")
				}
				i++
			}
		})
	}
}

// BenchmarkFragmentsPut keeps 20000 outputs in a fresh set, as a build
// fills it.
func BenchmarkFragmentsPut(b *testing.B) {
	keys := benchFragmentKeys(b, 20000)
	b.ReportAllocs()
	for b.Loop() {
		var f fragments
		for _, k := range keys {
			f.put(k, "<li>item</li>")
		}
	}
}

// BenchmarkFragmentsPutFull keeps 20000 outputs in a fresh set that
// holds at most 1000, as a site with more outputs than the limits fills
// it: past the limit, each put makes way for the oldest output.
func BenchmarkFragmentsPutFull(b *testing.B) {
	keys := benchFragmentKeys(b, 20000)
	b.ReportAllocs()
	for b.Loop() {
		f := fragments{maxCount: 1000}
		for _, k := range keys {
			f.put(k, "<li>item</li>")
		}
	}
}

// benchFragmentKeys makes n keys shaped like summary-list.html's.
func benchFragmentKeys(b *testing.B, n int) []fragmentKey {
	type page struct{ n int }
	site := new(int)
	keys := make([]fragmentKey, n)
	for i := range keys {
		k, err := newFragmentKey("partials/items/summary.html", []any{&page{i}, site, 2, template.HTML(strings.Repeat("摘要", 40) + strconv.Itoa(i))})
		if err != nil {
			b.Fatal(err)
		}
		keys[i] = k
	}
	return keys
}

// BenchmarkFragmentsGetParallel looks up kept outputs from every
// processor at once, as a build's render workers do.
func BenchmarkFragmentsGetParallel(b *testing.B) {
	var f fragments
	keys := benchFragmentKeys(b, 20000)
	for _, k := range keys {
		f.put(k, "<li>item</li>")
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, ok := f.get(keys[(i*7919)%len(keys)]); !ok {
				panic("missed")
			}
			i++
		}
	})
}
