package search

import (
	"runtime"
	"testing"
)

// BenchmarkBuild indexes 10,000 documents of about 3 KB of body text each,
// one language at a time, and reports the most heap it had in use
// (peak-MB), the files included.
func BenchmarkBuild(b *testing.B) {
	for _, lang := range []string{"zh", "en"} {
		b.Run(lang, func(b *testing.B) {
			docs := synthetic(10000, 3000, lang, 1)
			b.ReportAllocs()
			b.ResetTimer()
			var peak uint64
			for b.Loop() {
				peak = heapPeak(func() {
					if _, err := Build(docs, Options{}); err != nil {
						b.Fatal(err)
					}
				})
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}

// BenchmarkIndexReplace edits one document of an index of 10,000 at a
// time, as serve does when a page is saved. "edit" inserts a few words in
// the middle of the body, or takes them out again; "title" changes the
// title; "rewrite" gives the page another page's whole text, which
// changes most shards. It reports the bytes of the files returned per
// edit as out-B/op.
func BenchmarkIndexReplace(b *testing.B) {
	for _, lang := range []string{"zh", "en"} {
		docs := synthetic(10000, 3000, lang, 1)
		x, err := NewIndex(docs, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, kind := range []string{"edit", "title", "rewrite"} {
			// Two versions of 64 documents spread over the index.
			var ids []int
			var versions [][2]Document
			for k := range 64 {
				i := k * len(docs) / 64
				d := docs[i]
				other := docs[(i+5000)%len(docs)]
				switch kind {
				case "edit":
					rs := []rune(d.Text)
					d.Text = string(rs[:len(rs)/2]) + other.Title + string(rs[len(rs)/2:])
				case "title":
					d.Title = other.Title
				case "rewrite":
					d.Title, d.Text, d.Tags = other.Title, other.Text, other.Tags
				}
				ids = append(ids, i)
				versions = append(versions, [2]Document{docs[i], d})
			}
			b.Run(lang+"/"+kind, func(b *testing.B) {
				b.ReportAllocs()
				out, n := 0, 0
				for b.Loop() {
					k := n % len(ids)
					files, err := x.Replace(ids[k], versions[k][1-n/len(ids)%2])
					if err != nil {
						b.Fatal(err)
					}
					for _, f := range files {
						out += len(f.Data)
					}
					n++
				}
				b.ReportMetric(float64(out)/float64(n), "out-B/op")
			})
		}
	}
}

// BenchmarkNewIndex builds an index of 10,000 documents and reports the
// heap it keeps alive, the documents not counted, as retained-MB.
func BenchmarkNewIndex(b *testing.B) {
	for _, lang := range []string{"zh", "en"} {
		b.Run(lang, func(b *testing.B) {
			docs := synthetic(10000, 3000, lang, 1)
			b.ReportAllocs()
			var x *Index
			var retained uint64
			for b.Loop() {
				var before, after runtime.MemStats
				x = nil
				runtime.GC()
				runtime.ReadMemStats(&before)
				var err error
				if x, err = NewIndex(docs, Options{}); err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				retained = after.HeapAlloc - before.HeapAlloc
			}
			runtime.KeepAlive(x)
			b.ReportMetric(float64(retained)/(1<<20), "retained-MB")
		})
	}
}
