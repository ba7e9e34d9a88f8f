package main

import (
	"strings"
	"testing"
	"time"
)

// runs makes successful runs of the given seconds, each with rss KiB.
func runs(rss int64, secs ...float64) []runResult {
	var out []runResult
	for _, s := range secs {
		out = append(out, runResult{wall: time.Duration(s * float64(time.Second)), maxRSS: rss})
	}
	return out
}

// find returns the row whose measure starts with prefix.
func find(t *testing.T, rows []row, prefix string) row {
	t.Helper()
	for _, r := range rows {
		if strings.HasPrefix(r.measure, prefix) {
			return r
		}
	}
	t.Fatalf("no row starts with %q", prefix)
	return row{}
}

func TestRows(t *testing.T) {
	b := &benchmark{ref: 10000, results: []*sizeResult{
		{size: 1000, pages: 1000, sineng: runs(100000, 1, 1.1, 0.9), hugo: runs(200000, 2, 2, 2)},
		{size: 10000, pages: 10000, sineng: runs(250000, 12, 11, 13), hugo: runs(900000, 40, 40, 40),
			floor: []time.Duration{8 * time.Second},
			disk:  &runResult{wall: 24 * time.Second},
			serve: &serveResult{written: []time.Duration{20 * time.Millisecond, 25 * time.Millisecond, 40 * time.Millisecond}, reload: []time.Duration{30 * time.Millisecond}, misses: 1}},
		{size: 100000, pages: 100000, sineng: runs(2000000, 200), hugoFail: "hugo failed: Error: out of memory"},
	}}
	rows := b.rows()
	tests := []struct {
		prefix                              string
		sineng, hugo, ratioCell, targetCell string
	}{
		{"cold build 1k", "1.00", "2.00", "0.50", "—"},
		{"cold build 10k", "12.0", "40.0", "0.30", "—"},
		{"cold build 100k", "200.0", "hugo failed: Error: out of memory", "—", "—"},
		{"per-page time flatness 1k→10k", "1.20", "2.00", "—", "≤ 1.25: met"},
		{"floor 10k", "8.00", "", "—", "—"},
		{"build/floor at 10k", "1.50", "5.00", "—", "≤ 1.6: met"},
		{"sineng/hugo at 10k", "12.00", "40.00", "0.30", "≤ 0.4: met"},
		{"edit→written at 10k", "25.0 (3 edits, 1 timed out)", "—", "—", "≤ 30 ms: met"},
		{"edit→reload at 10k", "30.0 (1 edits, 1 timed out)", "—", "—", "—"},
		{"peak RSS 10k", "256", "922", "0.28", "≤ 300 MB: met"},
		{"build 100k vs 10k", "200.0 (16.7×)", "hugo failed: Error: out of memory", "—", "≤ 25× 10k = 300 s: met"},
		{"peak RSS 100k", "2048", "hugo failed: Error: out of memory", "—", "≤ 3000 MB: met"},
		{"cold build 10k, output on disk", "24.0", "—", "2.00× the /dev/shm time", "—"},
	}
	for _, tt := range tests {
		r := find(t, rows, tt.prefix)
		got := row{"", r.sineng, r.hugo, r.ratio, r.target}
		want := row{"", tt.sineng, tt.hugo, tt.ratioCell, tt.targetCell}
		if got != want {
			t.Errorf("%s:\n got %q\nwant %q", tt.prefix, got.cells(), want.cells())
		}
	}
}

func TestRowsNotes(t *testing.T) {
	b := &benchmark{ref: 1000, hugoNote: "skipped (-skip-hugo)", results: []*sizeResult{
		{size: 1000, pages: 1000, sinengFail: "sineng failed: error: bad template", serve: &serveResult{note: "n/a (serve not built)"}, floorFail: "floor failed: disk full"},
	}}
	rows := b.rows()
	tests := []struct{ prefix, sineng, hugo, target string }{
		{"cold build 1k", "sineng failed: error: bad template", "skipped (-skip-hugo)", "—"},
		{"per-page time flatness", "n/a (needs 2 sizes ≤ 50k)", "n/a (needs 2 sizes ≤ 50k)", "≤ 1.25"},
		{"build/floor at 1k", "floor failed: disk full", "", "≤ 1.6"},
		{"sineng/hugo at 1k", "sineng failed: error: bad template", "skipped (-skip-hugo)", "≤ 0.4"},
		{"edit→written at 1k", "n/a (serve not built)", "—", "≤ 30 ms"},
		{"build 100k vs 1k", "not run", "not run", "≤ 25× 1k"},
		{"cold build 1k, output on disk", "", "—", "—"},
	}
	for _, tt := range tests {
		r := find(t, rows, tt.prefix)
		if r.sineng != tt.sineng || r.hugo != tt.hugo || r.target != tt.target {
			t.Errorf("%s: got %q | %q | %q, want %q | %q | %q", tt.prefix, r.sineng, r.hugo, r.target, tt.sineng, tt.hugo, tt.target)
		}
	}
}

func TestBuildFloorPairRange(t *testing.T) {
	r := &sizeResult{size: 10000, pages: 10000, sineng: runs(250000, 1.6, 1.5, 1.7),
		floor: []time.Duration{800 * time.Millisecond, 1000 * time.Millisecond, 850 * time.Millisecond}}
	b := &benchmark{ref: 10000, hugoNote: "skipped (-skip-hugo)", results: []*sizeResult{r}}
	got := find(t, b.rows(), "build/floor at 10k")
	// Medians 1.6 / 0.85; pairs 1.6/0.8 = 2.00, 1.5/1.0 = 1.50, 1.7/0.85 = 2.00.
	if want := "1.88 (pairs 1.50–2.00)"; got.sineng != want {
		t.Errorf("build/floor cell %q, want %q", got.sineng, want)
	}
}
