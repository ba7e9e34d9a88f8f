package photo

import "testing"

// BenchmarkProcessJPEG measures a full Process of a 1600×1200 JPEG with the
// default widths (full size, 480 and 960). Each iteration uses a fresh
// Processor so the cache does not hide the work.
func BenchmarkProcessJPEG(b *testing.B) {
	src := encodeJPEG(b, gradient(1600, 1200))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(Options{}).Process("bench.jpg", src); err != nil {
			b.Fatal(err)
		}
	}
}
