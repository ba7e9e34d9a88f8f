package search

import (
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// heapPeak runs f and returns the most heap in use while it ran, sampled
// every millisecond, less the heap in use before, after a collection.
func heapPeak(f func()) uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base := m.HeapInuse
	var stop atomic.Bool
	peak := make(chan uint64)
	go func() {
		var m runtime.MemStats
		most := uint64(0)
		for !stop.Load() {
			runtime.ReadMemStats(&m)
			most = max(most, m.HeapInuse)
			time.Sleep(time.Millisecond)
		}
		peak <- most
	}()
	f()
	stop.Store(true)
	most := <-peak
	runtime.ReadMemStats(&m)
	return max(most, m.HeapInuse) - base
}

// livePeak is heapPeak with the collector run after every 5% of growth,
// so that the heap in use stays close to the live heap.
func livePeak(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(5))
	return heapPeak(f)
}

// writeAll writes bl's files to an emit that drops them, and returns
// their total size.
func writeAll(b *testing.B, bl *Builder) int {
	out := 0
	err := bl.WriteFiles(func(f File) error {
		out += len(f.Data)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// addAll adds docs to a new Builder from GOMAXPROCS goroutines, which take
// runs of 64 documents in turn, as conversion workers would.
func addAll(b *testing.B, docs []Document) *Builder {
	bl, err := NewBuilder(len(docs), Options{})
	if err != nil {
		b.Fatal(err)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				lo := int(next.Add(64)) - 64
				if lo >= len(docs) {
					return
				}
				for i := lo; i < min(lo+64, len(docs)); i++ {
					if err := bl.Add(i, docs[i]); err != nil {
						b.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
	return bl
}

// BenchmarkBuilder streams the 10,000 documents of BenchmarkBuild into a
// Builder. "add" times the Adds and reports what the Builder keeps once
// they are done, per document (retained-B/doc, with text-B/doc the body
// text for scale) and in all (retained-MB); "files" times Files and
// reports the most heap it had in use over what the Builder kept
// (peak-MB), the files included (out-MB); "write" times WriteFiles to an
// emit that drops each file, as a site that stages them does, and reports
// the same, and the most heap in use with the collector run often, about
// the most live heap (live-MB).
//
// "mixed" is the shape of a Chinese site's pages: Chinese prose with
// English paragraphs, half of each.
func BenchmarkBuilder(b *testing.B) {
	for _, lang := range []string{"zh", "en", "mixed"} {
		docs := benchDocs(lang)
		text := 0
		for _, d := range docs {
			text += len(d.Text)
		}
		b.Run(lang+"/add", func(b *testing.B) {
			b.ReportAllocs()
			var retained uint64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				bl := addAll(b, docs)
				b.StopTimer()
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(bl)
				retained = after.HeapAlloc - before.HeapAlloc
				b.StartTimer()
			}
			b.ReportMetric(float64(retained)/float64(len(docs)), "retained-B/doc")
			b.ReportMetric(float64(text)/float64(len(docs)), "text-B/doc")
			b.ReportMetric(float64(retained)/(1<<20), "retained-MB")
		})
		b.Run(lang+"/files", func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			var out int
			for b.Loop() {
				b.StopTimer()
				bl := addAll(b, docs)
				b.StartTimer()
				peak = heapPeak(func() {
					files, err := bl.Files()
					if err != nil {
						b.Fatal(err)
					}
					out = totalSize(files)
				})
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			b.ReportMetric(float64(out)/(1<<20), "out-MB")
		})
		b.Run(lang+"/write", func(b *testing.B) {
			b.ReportAllocs()
			var peak, live uint64
			var out int
			for b.Loop() {
				b.StopTimer()
				bl := addAll(b, docs)
				b.StartTimer()
				out = 0
				peak = heapPeak(func() { out = writeAll(b, bl) })
				b.StopTimer()
				bl = addAll(b, docs)
				live = livePeak(func() { writeAll(b, bl) })
				b.StartTimer()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			b.ReportMetric(float64(live)/(1<<20), "live-MB")
			b.ReportMetric(float64(out)/(1<<20), "out-MB")
		})
	}
}

// benchDocs returns the 10,000 documents of about 3 KB of body text each
// of BenchmarkBuilder's lang: "zh", "en", or "mixed", each document's
// Chinese text followed by English.
func benchDocs(lang string) []Document {
	if lang != "mixed" {
		return synthetic(10000, 3000, lang, 1)
	}
	docs, en := synthetic(10000, 1500, "zh", 1), synthetic(10000, 1500, "en", 2)
	for i := range docs {
		docs[i].Text += "\n\n" + en[i].Text
	}
	return docs
}
