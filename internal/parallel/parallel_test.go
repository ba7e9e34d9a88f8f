package parallel

import (
	"sync/atomic"
	"testing"
)

func TestForCallsEachIndexOnce(t *testing.T) {
	for _, tc := range []struct{ n, workers int }{{0, 4}, {1, 4}, {5, 1}, {5, 0}, {1000, 2}, {1000, 8}, {3, 8}} {
		seen := make([]int32, tc.n)
		var running, most atomic.Int32
		For(tc.n, tc.workers, func(i int) {
			r := running.Add(1)
			for {
				m := most.Load()
				if r <= m || most.CompareAndSwap(m, r) {
					break
				}
			}
			atomic.AddInt32(&seen[i], 1)
			running.Add(-1)
		})
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d workers=%d: index %d called %d times", tc.n, tc.workers, i, c)
			}
		}
		if limit := int32(max(tc.workers, 1)); most.Load() > limit {
			t.Errorf("n=%d workers=%d: %d calls ran at once", tc.n, tc.workers, most.Load())
		}
	}
}

func TestForRunsInlineWithOneWorker(t *testing.T) {
	var order []int
	For(4, 1, func(i int) { order = append(order, i) }) // no lock: one goroutine
	for i, v := range order {
		if v != i {
			t.Fatalf("order %v, want 0 1 2 3", order)
		}
	}
	if len(order) != 4 {
		t.Fatalf("order %v, want 0 1 2 3", order)
	}
}
