package main

import (
	"io"
	"slices"
	"testing"
)

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		env       string
		wantSizes []int
		wantErr   bool
	}{
		{"defaults add 100k", nil, "", []int{1000, 10000, 50000, 100000}, false},
		{"env turns 100k off", nil, "0", []int{1000, 10000, 50000}, false},
		{"flag turns 100k off", []string{"-100k=false"}, "", []int{1000, 10000, 50000}, false},
		{"sizes override", []string{"-sizes", "10k,1000"}, "", []int{1000, 10000}, false},
		{"sizes override the 100k flag", []string{"-100k", "-sizes", "1000"}, "", []int{1000}, false},
		{"bad size", []string{"-sizes", "1000,lots"}, "", nil, true},
		{"zero size", []string{"-sizes", "0"}, "", nil, true},
		{"negative runs", []string{"-runs", "-1"}, "", nil, true},
		{"stray argument", []string{"extra"}, "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("SINENG_BENCH_100K", tt.env)
			cfg, err := parseFlags(tt.args, io.Discard)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if !tt.wantErr && !slices.Equal(cfg.sizes, tt.wantSizes) {
				t.Errorf("sizes = %v, want %v", cfg.sizes, tt.wantSizes)
			}
		})
	}
}

func TestRunsFor(t *testing.T) {
	tests := []struct {
		runs, size, want int
	}{
		{0, 1000, 9}, {0, 10000, 9}, {0, 50000, 3}, {0, 100000, 1}, {2, 100000, 2},
	}
	for _, tt := range tests {
		if got := (config{runs: tt.runs}).runsFor(tt.size); got != tt.want {
			t.Errorf("runs %d, size %d: runsFor = %d, want %d", tt.runs, tt.size, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	tests := []struct {
		sizes []int
		want  int
	}{
		{[]int{1000, 10000, 50000}, 10000},
		{[]int{1000}, 1000},
		{[]int{1000, 30000}, 1000},
		{[]int{50000, 100000}, 50000},
	}
	for _, tt := range tests {
		if got := closest(tt.sizes, 10000); got != tt.want {
			t.Errorf("closest(%v) = %d, want %d", tt.sizes, got, tt.want)
		}
	}
}
