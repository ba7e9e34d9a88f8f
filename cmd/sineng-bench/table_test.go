package main

import (
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	s := time.Second
	tests := []struct {
		name string
		in   []time.Duration
		want time.Duration
	}{
		{"empty", nil, 0},
		{"one", []time.Duration{3 * s}, 3 * s},
		{"odd unsorted", []time.Duration{5 * s, 1 * s, 3 * s}, 3 * s},
		{"even", []time.Duration{4 * s, 1 * s, 2 * s, 10 * s}, 3 * s},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := median(tt.in); got != tt.want {
				t.Errorf("median = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMedianKeepsInput(t *testing.T) {
	in := []time.Duration{3, 1, 2}
	median(in)
	if in[0] != 3 || in[1] != 1 || in[2] != 2 {
		t.Errorf("median reordered its input: %v", in)
	}
}

func TestFlatness(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{2}, 0},
		{[]float64{2, 2.5, 2.2}, 1.25},
	}
	for _, tt := range tests {
		if got := flatness(tt.in); got != tt.want {
			t.Errorf("flatness(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestPeakMB(t *testing.T) {
	runs := []runResult{{maxRSS: 1000}, {maxRSS: 292969}, {maxRSS: 5}}
	if got := peakMB(runs); got < 299.9 || got > 300.1 {
		t.Errorf("peakMB = %v, want about 300", got)
	}
}

func TestFormats(t *testing.T) {
	tests := []struct{ got, want string }{
		{sizeLabel(1000), "1k"},
		{sizeLabel(100000), "100k"},
		{sizeLabel(1500), "1500"},
		{sizeLabel(500), "500"},
		{secs(950 * time.Millisecond), "0.95"},
		{secs(12340 * time.Millisecond), "12.3"},
		{millis(12345 * time.Microsecond), "12.3"},
		{ratio(1, 4), "0.25"},
		{ratio(1, 0), "—"},
		{ratio(0, 4), "—"},
		{verdict("≤ 30 ms", 29.9, 30), "≤ 30 ms: met"},
		{verdict("≤ 30 ms", 30, 30), "≤ 30 ms: met"},
		{verdict("≤ 30 ms", 30.1, 30), "≤ 30 ms: NOT met"},
		{verdict("≤ 30 ms", 0, 30), "≤ 30 ms"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestRenderText(t *testing.T) {
	text := renderText([]row{{"cold build 1k", "0.95", "1.20", "0.79", "—"}, {"x", "n/a (serve not built)", "—", "—", "≤ 30 ms"}})
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines, want 4:\n%s", len(lines), text)
	}
	// Every row puts its column separators at the same character offsets.
	seps := func(l string) []int {
		var at []int
		for i, r := range []rune(l) {
			if r == '|' || r == '+' {
				at = append(at, i)
			}
		}
		return at
	}
	want := seps(lines[0])
	if len(want) != 4 {
		t.Fatalf("header has %d separators, want 4: %q", len(want), lines[0])
	}
	for _, l := range lines[1:] {
		if got := seps(l); len(got) != 4 || got[0] != want[0] || got[3] != want[3] {
			t.Errorf("misaligned line %q (separators %v, header %v)", l, got, want)
		}
	}
}

func TestRenderMarkdown(t *testing.T) {
	md := renderMarkdown([]row{{"a|b", "1", "2", "0.50", "—"}})
	want := "| measure | sineng | hugo | ratio | target |\n|---|---:|---:|---:|---|\n| a\\|b | 1 | 2 | 0.50 | — |\n"
	if md != want {
		t.Errorf("renderMarkdown =\n%s\nwant\n%s", md, want)
	}
}
