package parallel

import (
	"slices"
	"sync"
	"sync/atomic"
	"testing"
)

func TestRunsCoverEachIndexOnce(t *testing.T) {
	for _, tc := range []struct{ n, workers, maxRun int }{
		{0, 4, 8}, {1, 4, 8}, {5, 1, 2}, {5, 0, 0}, {1000, 2, 64}, {1000, 8, 512}, {3, 8, 1}, {10000, 2, 512},
	} {
		seen := make([]int32, tc.n)
		var running, most atomic.Int32
		var mu sync.Mutex
		var runs [][2]int
		Runs(tc.n, tc.workers, tc.maxRun, func(lo, hi int) {
			r := running.Add(1)
			for {
				m := most.Load()
				if r <= m || most.CompareAndSwap(m, r) {
					break
				}
			}
			for i := lo; i < hi; i++ {
				atomic.AddInt32(&seen[i], 1)
			}
			mu.Lock()
			runs = append(runs, [2]int{lo, hi})
			mu.Unlock()
			running.Add(-1)
		})
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("%+v: index %d covered %d times", tc, i, c)
			}
		}
		if limit := int32(max(tc.workers, 1)); most.Load() > limit {
			t.Errorf("%+v: %d calls ran at once", tc, most.Load())
		}
		for _, r := range runs {
			if r[1] <= r[0] || r[1]-r[0] > max(tc.maxRun, 1) {
				t.Errorf("%+v: run [%d, %d) empty or longer than the maximum", tc, r[0], r[1])
			}
		}
		// The runs shrink as the range runs out: the last is never longer
		// than the first, and a long range ends in short runs.
		slices.SortFunc(runs, func(a, b [2]int) int { return a[0] - b[0] })
		if len(runs) > 1 {
			first, last := runs[0][1]-runs[0][0], runs[len(runs)-1][1]-runs[len(runs)-1][0]
			if last > first || tc.n >= 1000 && last > 8 {
				t.Errorf("%+v: first run %d long, last %d", tc, first, last)
			}
		}
	}
}

func TestRunsRunInOrderWithOneWorker(t *testing.T) {
	var got []int
	Runs(10, 1, 4, func(lo, hi int) { // no lock: one goroutine
		for i := lo; i < hi; i++ {
			got = append(got, i)
		}
	})
	if want := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}; !slices.Equal(got, want) {
		t.Fatalf("indices %v, want %v", got, want)
	}
}
