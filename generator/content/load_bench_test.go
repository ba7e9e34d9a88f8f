package content

import (
	"context"
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
	opts := Options{Source: src, Languages: []string{"zh", "en"}, Taxonomies: []string{"tags", "skills"}, LazyBodies: true}
	b.ReportAllocs()
	for b.Loop() {
		errs := &diag.List{}
		if _, err := Load(context.Background(), opts, errs); err != nil || errs.HasErrors() {
			b.Fatal(err, errs.Err())
		}
	}
}
