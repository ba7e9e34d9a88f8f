package main

import (
	"runtime"
	"testing"
	"time"
)

func TestGCPercentFor(t *testing.T) {
	const mb = 1 << 20
	tests := []struct {
		live  uint64
		floor uint64
		want  int
	}{
		// serve: the floor is heapFloor, 128 MiB
		{0, heapFloor, 3200},
		{1 * mb, heapFloor, 3200}, // goal 128 MiB would be GOGC 12700
		{16 * mb, heapFloor, 700}, // the floor: 128 MiB
		{32 * mb, heapFloor, 300}, // the floor still: 128 MiB
		{50 * mb, heapFloor, 200}, // three times the live heap
		{90 * mb, heapFloor, 113}, // the budget: 192 MiB
		{100 * mb, heapFloor, 92},
		{140 * mb, heapFloor, minGCPercent}, // past the budget's reach
		{255 * mb, heapFloor, minGCPercent},
		{256 * mb, heapFloor, largeGCPercent}, // a large site's heap
		{2000 * mb, heapFloor, largeGCPercent},
		{2048 * mb, heapFloor, minGCPercent}, // a huge site's heap: memory first again
		{8192 * mb, heapFloor, minGCPercent},
		// build and check: the floor is the budget, 192 MiB
		{0, oneShotFloor, 4800},
		{1 * mb, oneShotFloor, 4800},
		{16 * mb, oneShotFloor, 1100}, // the budget from the start
		{50 * mb, oneShotFloor, 284},
		{75 * mb, oneShotFloor, 156}, // a 10k site's live heap
		{100 * mb, oneShotFloor, 92},
		{140 * mb, oneShotFloor, minGCPercent},
		{256 * mb, oneShotFloor, largeGCPercent},
		{2048 * mb, oneShotFloor, minGCPercent},
	}
	for _, tt := range tests {
		if got := gcPercentFor(tt.live, tt.floor); got != tt.want {
			t.Errorf("gcPercentFor(%d MiB, floor %d MiB) = %d, want %d", tt.live/mb, tt.floor/mb, got, tt.want)
		}
	}
}

// TestWatchCollectionsCallsAfterEach checks that fn runs after each of
// several collections, the first of them finished before the watcher ran,
// and not without one.
func TestWatchCollectionsCallsAfterEach(t *testing.T) {
	ran := make(chan struct{}, 1)
	stop := make(chan struct{})
	defer close(stop)
	wait := func(what string) {
		select {
		case <-ran:
		case <-time.After(time.Minute): // a guard against hanging, not a speed test
			t.Fatalf("fn did not run after %s", what)
		}
	}
	since := gcCycles()
	runtime.GC()
	go watchCollections(since, func() {
		select {
		case ran <- struct{}{}:
		default:
		}
	}, stop)
	wait("a collection that finished before the watcher started")
	for range 2 {
		runtime.GC()
		wait("a collection")
	}
	select { // no collection since the last: no call may come
	case <-ran:
		t.Fatal("fn ran without a collection")
	case <-time.After(2 * watchIdle):
	}
}
