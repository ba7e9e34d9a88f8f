package main

import (
	"runtime"
	"testing"
	"time"
)

func TestGCPercentFor(t *testing.T) {
	const mb = 1 << 20
	tests := []struct {
		live uint64
		want int
	}{
		{0, maxGCPercent},
		{1 * mb, maxGCPercent},   // goal 128 MiB would be GOGC 12700
		{16 * mb, 700},           // the floor: 128 MiB
		{32 * mb, 300},           // the floor still: 128 MiB
		{50 * mb, 200},           // three times the live heap
		{90 * mb, 113},           // the budget: 192 MiB
		{100 * mb, 92},           // still the budget
		{120 * mb, minGCPercent}, // past the budget's reach
		{255 * mb, minGCPercent},
		{256 * mb, largeGCPercent}, // a large site's heap
		{2000 * mb, largeGCPercent},
		{2048 * mb, minGCPercent}, // a huge site's heap: memory first again
		{8192 * mb, minGCPercent},
	}
	for _, tt := range tests {
		if got := gcPercentFor(tt.live); got != tt.want {
			t.Errorf("gcPercentFor(%d MiB) = %d, want %d", tt.live/mb, got, tt.want)
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
