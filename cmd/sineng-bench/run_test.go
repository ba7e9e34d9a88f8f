package main

import (
	"context"
	"os/exec"
	"runtime"
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

// TestChildPeakIsItsOwn checks that a child's peak memory does not carry
// the benchmark's: after the test process has touched 256 MiB and let it
// go, a run of true(1) must report a few megabytes, not 256.
func TestChildPeakIsItsOwn(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the inherited high-water mark is Linux's")
	}
	tru, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true(1)")
	}
	touch(256 << 20)
	r := runCmd(context.Background(), tru)
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.maxRSS > 64<<10 {
		t.Errorf("true(1) peaked at %d MiB: the benchmark's own memory leaked into the child's measure", r.maxRSS>>10)
	}
}

// touch allocates n bytes and writes to each of their pages, raising the
// process's resident memory by n until the memory is handed back.
func touch(n int) {
	big := make([]byte, n)
	for i := 0; i < len(big); i += 4096 {
		big[i] = 1
	}
	runtime.KeepAlive(big)
}
