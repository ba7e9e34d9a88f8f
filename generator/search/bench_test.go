package search

import "testing"

// BenchmarkBuild indexes 10,000 documents of about 3 KB of body text each,
// one language at a time.
func BenchmarkBuild(b *testing.B) {
	for _, lang := range []string{"zh", "en"} {
		b.Run(lang, func(b *testing.B) {
			docs := synthetic(10000, 3000, lang, 1)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Build(docs, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
