package content

import (
	"context"
	"os"
	"runtime"
	"testing"

	"github.com/sineng/sineng/generator/corpus"
	"github.com/sineng/sineng/generator/diag"
)

// BenchmarkLoad loads a generated program site of 2000 pages as a build
// does, bodies dropped, and reports the time and allocations of one Load.
func BenchmarkLoad(b *testing.B) {
	src := b.TempDir()
	if _, err := corpus.Generate(src, corpus.Options{Pages: 2000, Seed: 5}); err != nil {
		b.Fatal(err)
	}
	benchLoad(b, src)
}

// BenchmarkLoadSite loads the site named by SINENG_BENCH_SITE as a build
// does, bodies dropped; it is skipped when the variable is unset.
func BenchmarkLoadSite(b *testing.B) {
	src := os.Getenv("SINENG_BENCH_SITE")
	if src == "" {
		b.Skip("SINENG_BENCH_SITE is not set")
	}
	benchLoad(b, src)
}

// benchLoad times Load of the site at src with a build's options, and
// reports the heap objects the tree keeps: "live-objs" as Load returns it,
// "kept-objs" once the key positions are dropped, as a build does before
// converting the pages.
func benchLoad(b *testing.B, src string) {
	opts := Options{Source: src, Languages: []string{"zh", "en"}, Taxonomies: []string{"tags", "skills"}, LazyBodies: true}
	live, kept := liveObjects(b, opts)
	b.ReportAllocs()
	for b.Loop() {
		errs := &diag.List{}
		if _, err := Load(context.Background(), opts, errs); err != nil || errs.HasErrors() {
			b.Fatal(err, errs.Err())
		}
	}
	b.ReportMetric(float64(live), "live-objs")
	b.ReportMetric(float64(kept), "kept-objs")
}

// liveObjects loads the site once and counts the heap objects its tree
// holds, with and without the pages' key positions.
func liveObjects(b *testing.B, opts Options) (live, kept uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	errs := &diag.List{}
	t, err := Load(context.Background(), opts, errs)
	if err != nil || errs.HasErrors() {
		b.Fatal(err, errs.Err())
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	live = after.HeapObjects - before.HeapObjects
	for _, p := range t.Pages {
		p.Matter.Pos = nil
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	kept = after.HeapObjects - before.HeapObjects
	runtime.KeepAlive(t)
	return live, kept
}
