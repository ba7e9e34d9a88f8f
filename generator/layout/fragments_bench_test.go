package layout

import (
	"html/template"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkFragmentsGet looks up kept outputs under keys shaped like the
// theme's item partials: a page, the site, a level and a summary.
func BenchmarkFragmentsGet(b *testing.B) {
	type page struct{ n int }
	site := new(int)
	var f fragments
	keys := make([]fragmentKey, 1000)
	for i := range keys {
		k, err := newFragmentKey("partials/items/summary.html", []any{&page{i}, site, 2, template.HTML(strings.Repeat("摘要", 40) + strconv.Itoa(i))})
		if err != nil {
			b.Fatal(err)
		}
		keys[i] = k
		f.put(k, "<li>item</li>")
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, ok := f.get(keys[i%len(keys)]); !ok {
			b.Fatal("missed")
		}
		i++
	}
}
