package content

import (
	"context"
	"os"
	"testing"

	"github.com/sineng/sineng/generator/diag"
)

// BenchmarkLoadSite loads the site named by SINENG_BENCH_SITE as a build
// does, bodies dropped; it is skipped when the variable is unset.
func BenchmarkLoadSite(b *testing.B) {
	src := os.Getenv("SINENG_BENCH_SITE")
	if src == "" {
		b.Skip("SINENG_BENCH_SITE is not set")
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
