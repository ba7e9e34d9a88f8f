package main

import (
	"context"
	"strings"
	"testing"
)

func TestFirstErrorLine(t *testing.T) {
	tests := []struct {
		name, out, want string
	}{
		{"error line wins", "Start building sites …\nError: boom\nmore\n", "Error: boom"},
		{"lower case", "\n  build failed: error in a.md\n", "build failed: error in a.md"},
		{"no error word", "\n\nfirst\nsecond\n", "first"},
		{"empty", "", "no output"},
		{"long", strings.Repeat("é", 200), strings.Repeat("é", 80) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstErrorLine([]byte(tt.out)); got != tt.want {
				t.Errorf("firstErrorLine = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRunCmd(t *testing.T) {
	bin := fakeTool(t, "fail")
	r := runCmd(context.Background(), bin)
	if r.err == nil {
		t.Fatal("a failing command gave no error")
	}
	if r.reason != "Error: boom at content/a.md:3:1" {
		t.Errorf("reason = %q", r.reason)
	}
	if r.maxRSS <= 0 || r.wall <= 0 {
		t.Errorf("maxRSS %d KiB, wall %v; want both positive", r.maxRSS, r.wall)
	}
}
