package main

import (
	"context"
	"slices"
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

// TestSizesInterleaved runs the benchmark's rounds with a stand-in sineng
// and Hugo and checks that the sizes flatness compares, below and above
// the reference, run round by round (run i of every size before run i+1
// of any), with the floor right after the reference size's build, Hugo
// after sineng in even rounds and before it in odd ones, and that the
// results come in size order.
func TestSizesInterleaved(t *testing.T) {
	var log strings.Builder
	b := &benchmark{
		cfg:  config{runs: 2, skipServe: true},
		base: t.TempDir(), log: &log, ref: 40,
		bin: fakeTool(t, "build"),
	}
	b.floorBin = b.bin // the test binary is the floor too (TestMain)
	b.hugo = b.bin     // and Hugo (fakeBuild)
	b.hugoSite, b.hugoCache = hugoDirs(b.base)
	if err := b.runSizes(context.Background(), []int{20, 40, 60}); err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, line := range strings.Split(log.String(), "\n") {
		if i := strings.Index(line, " run "); i > 0 {
			order = append(order, line[:strings.Index(line, "/")])
		}
	}
	want := []string{
		"20: sineng run 1", "20: hugo run 1", "40: sineng run 1", "40: floor run 1", "40: hugo run 1", "60: sineng run 1", "60: hugo run 1",
		"20: hugo run 2", "20: sineng run 2", "40: hugo run 2", "40: sineng run 2", "40: floor run 2", "60: hugo run 2", "60: sineng run 2",
	}
	if !slices.Equal(order, want) {
		t.Errorf("run order\n%v\nwant\n%v\nlog:\n%s", order, want, log.String())
	}
	if len(b.results) != 3 || b.results[0].size != 20 || b.results[1].size != 40 || b.results[2].size != 60 {
		t.Fatalf("results %v, want sizes 20, 40 and 60", b.results)
	}
	for _, r := range b.results {
		if len(r.sineng) != 2 || r.sinengFail != "" {
			t.Errorf("size %d: %d sineng runs, fail %q", r.size, len(r.sineng), r.sinengFail)
		}
		if len(r.hugo) != 2 || r.hugoFail != "" {
			t.Errorf("size %d: %d hugo runs, fail %q", r.size, len(r.hugo), r.hugoFail)
		}
	}
}

// TestRunRound checks how a size's runs spread over the rounds: evenly,
// each in the middle of its share, every round used when runs and
// rounds agree.
func TestRunRound(t *testing.T) {
	tests := []struct {
		runs, rounds int
		want         []int
	}{
		{3, 9, []int{1, 4, 7}},
		{9, 9, []int{0, 1, 2, 3, 4, 5, 6, 7, 8}},
		{1, 9, []int{4}},
		{2, 3, []int{0, 2}},
		{1, 1, []int{0}},
	}
	for _, tt := range tests {
		var got []int
		for j := range tt.runs {
			got = append(got, runRound(j, tt.runs, tt.rounds))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("runRound of %d runs in %d rounds: %v, want %v", tt.runs, tt.rounds, got, tt.want)
		}
	}
}
