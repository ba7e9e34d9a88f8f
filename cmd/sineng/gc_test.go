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

// TestAfterEachGCRearms checks that the hook runs again after each of
// several collections, not only the first.
func TestAfterEachGCRearms(t *testing.T) {
	ran := make(chan struct{}, 1)
	afterEachGC(func() {
		select {
		case ran <- struct{}{}:
		default:
		}
	})
	for range 3 {
		select { // a call from an earlier collection proves nothing
		case <-ran:
		default:
		}
		runtime.GC()
		select {
		case <-ran:
		case <-time.After(time.Minute): // a guard against hanging, not a speed test
			t.Fatal("the hook did not run after a collection: afterEachGC did not re-arm")
		}
	}
}
