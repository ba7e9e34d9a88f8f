package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/sineng/sineng/bench/floor"
)

// timeFloor runs the floor (cmd/sineng-floor: read, convert with goldmark,
// write one HTML file per page, on all cores) from contentDir into a fresh
// out folder, and returns the run, timed as a build is, and the floor's
// counts. The floor runs in a process of its own, as each build does, so
// that its collector paces itself by its own heap alone: until 2026-12-01
// it ran inside the benchmark, whose live heap (1 MB while it held the 1k
// and 10k sites' lists, 3.8 MB with the 50k site's too) doubled the
// floor's first collection goal and made it 15–20% faster in the full runs
// (0.75 against 0.90 s at 10k, the same day) than in runs of 1k and 10k
// alone, which is no state a program of its own is in. The benchmark hands
// its free memory back first, as before each build.
func (b *benchmark) timeFloor(ctx context.Context, contentDir, out string) (runResult, floor.Stats, error) {
	if err := os.RemoveAll(out); err != nil {
		return runResult{}, floor.Stats{}, fmt.Errorf("empty floor output: %w", err)
	}
	debug.FreeOSMemory()
	r := runCmd(ctx, b.floorBin, "-content", contentDir, "-out", out)
	if r.err != nil {
		return r, floor.Stats{}, fmt.Errorf("%w: %s", r.err, r.reason)
	}
	st, err := floor.ParseStats(string(bytes.TrimSpace(r.output)))
	return r, st, err
}
