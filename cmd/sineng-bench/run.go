package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// runResult is the outcome of one child process run.
type runResult struct {
	wall   time.Duration
	maxRSS int64  // peak resident memory in KiB, 0 when unknown
	err    error  // nil on exit status 0
	output []byte // what the child wrote, stdout and stderr together
	reason string // the first error line of output when err is not nil
}

// runCmd runs name with args to completion and measures its wall time and
// peak resident memory (the child's rusage, KiB on Linux; resetPeakRSS
// keeps the benchmark's own out of it).
func runCmd(ctx context.Context, name string, args ...string) runResult {
	_ = resetPeakRSS() // the benchmark says once, at start, when it cannot
	cmd := exec.CommandContext(ctx, name, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	err := cmd.Run()
	res := runResult{wall: time.Since(start), output: out.Bytes()}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			res.maxRSS = int64(ru.Maxrss)
		}
	}
	if err != nil {
		res.err = fmt.Errorf("run %s: %w", name, err)
		res.reason = firstErrorLine(out.Bytes())
	}
	return res
}

// firstErrorLine returns the first output line that mentions an error, or
// else the first non-empty line, trimmed to at most 160 bytes.
func firstErrorLine(out []byte) string {
	lines := strings.Split(string(out), "\n")
	pick := ""
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if pick == "" {
			pick = l
		}
		if strings.Contains(strings.ToLower(l), "error") {
			pick = l
			break
		}
	}
	if pick == "" {
		return "no output"
	}
	if len(pick) > 160 {
		pick = strings.ToValidUTF8(pick[:160], "") + "…"
	}
	return pick
}

// countFiles returns the number of regular files under dir.
func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n
}
