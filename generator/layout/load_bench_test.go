package layout

import "testing"

// BenchmarkLoad reads and parses the built-in theme's templates: part of
// every build's fixed cost.
func BenchmarkLoad(b *testing.B) {
	opts := themeOptions()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadPrepare loads the built-in theme and compiles its page
// templates, as a build does before its first page renders.
func BenchmarkLoadPrepare(b *testing.B) {
	opts := themeOptions()
	b.ReportAllocs()
	for b.Loop() {
		set, err := Load(opts)
		if err != nil {
			b.Fatal(err)
		}
		set.Prepare()
	}
}
