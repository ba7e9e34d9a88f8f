package main

import "testing"

func TestGCPercentFor(t *testing.T) {
	const mb = 1 << 20
	tests := []struct {
		live uint64
		want int
	}{
		{0, maxGCPercent},
		{1 * mb, maxGCPercent},   // goal 64 MiB would be GOGC 6300
		{16 * mb, 300},           // the floor: 64 MiB
		{32 * mb, 200},           // three times the live heap
		{90 * mb, 113},           // the budget: 192 MiB
		{100 * mb, 92},           // still the budget
		{120 * mb, minGCPercent}, // past the budget's reach
		{2000 * mb, minGCPercent},
	}
	for _, tt := range tests {
		if got := gcPercentFor(tt.live); got != tt.want {
			t.Errorf("gcPercentFor(%d MiB) = %d, want %d", tt.live/mb, got, tt.want)
		}
	}
}
