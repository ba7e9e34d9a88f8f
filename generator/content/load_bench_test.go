package content

import (
	"context"
	"os"
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

// benchLoad times Load of the site at src with a build's options.
func benchLoad(b *testing.B, src string) {
	opts := Options{Source: src, Languages: []string{"zh", "en"}, Taxonomies: []string{"tags", "skills"}, LazyBodies: true}
	b.ReportAllocs()
	for b.Loop() {
		errs := &diag.List{}
		if _, err := Load(context.Background(), opts, errs); err != nil || errs.HasErrors() {
			b.Fatal(err, errs.Err())
		}
	}
}
