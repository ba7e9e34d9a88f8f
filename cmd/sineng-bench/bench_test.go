package main

import (
	"strings"
	"testing"
)

func TestMemoryNote(t *testing.T) {
	if memAvailableMB() == 0 {
		t.Skip("no /proc/meminfo")
	}
	sineng := func(r *sizeResult) []runResult { return r.sineng }
	tests := []struct {
		name   string
		rss    int64 // KiB at 1k pages
		n      int
		skip   bool
		reason string
	}{
		{"small", 100 << 10, 10000, false, ""},
		{"far past the machine", 1 << 30, 100000, true, "skipped: would need about"},
		{"smaller size never skipped", 1 << 30, 500, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &benchmark{results: []*sizeResult{{size: 1000, sineng: []runResult{{maxRSS: tt.rss}}}}}
			note := b.memoryNote(tt.n, sineng)
			if (note != "") != tt.skip || !strings.HasPrefix(note, tt.reason) {
				t.Errorf("memoryNote = %q, want skip %v", note, tt.skip)
			}
		})
	}
}
