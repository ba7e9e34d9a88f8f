package output

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// benchDir returns a fresh folder for benchmarks: under $SINENG_BENCH_DIR,
// else under /dev/shm (this machine's disk stalls under many small writes),
// else b.TempDir().
func benchDir(b *testing.B) string {
	b.Helper()
	parent := os.Getenv("SINENG_BENCH_DIR")
	if parent == "" {
		if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
			parent = "/dev/shm"
		}
	}
	if parent == "" {
		return b.TempDir()
	}
	dir, err := os.MkdirTemp(parent, "sineng-bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// benchPages is how many files one benchmark build writes.
const benchPages = 2000

// writeBenchBuild writes benchPages small pages into a Stage for out from
// GOMAXPROCS goroutines, the way a build's write stage does, and commits.
func writeBenchBuild(b *testing.B, out string, rels []string, data [][]byte) Stats {
	s, err := Open(out, Options{})
	if err != nil {
		b.Fatal(err)
	}
	workers := runtime.GOMAXPROCS(0)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(rels); i += workers {
				if err := s.WriteFile(rels[i], data[i], rels[i]); err != nil {
					errs[w] = err
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			b.Fatal(err)
		}
	}
	stats, err := s.Commit()
	if err != nil {
		b.Fatal(err)
	}
	return stats
}

func BenchmarkStageWrite(b *testing.B) {
	rels := make([]string, benchPages)
	data := make([][]byte, benchPages)
	for i := range rels {
		rels[i] = fmt.Sprintf("section%02d/page%04d/index.html", i%20, i)
		data[i] = fmt.Appendf(nil, "<!doctype html><title>page %d</title><p>%0400d</p>\n", i, i)
	}

	b.Run("fresh", func(b *testing.B) {
		dir := benchDir(b)
		for i := 0; i < b.N; i++ {
			out := filepath.Join(dir, "public")
			writeBenchBuild(b, out, rels, data)
			b.StopTimer()
			if err := os.RemoveAll(out); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		out := filepath.Join(benchDir(b), "public")
		writeBenchBuild(b, out, rels, data)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if stats := writeBenchBuild(b, out, rels, data); stats.Unchanged != benchPages {
				b.Fatalf("stats = %+v, want all %d unchanged", stats, benchPages)
			}
		}
	})
}
