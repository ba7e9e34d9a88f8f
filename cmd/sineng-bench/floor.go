package main

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"github.com/sineng/sineng/bench/floor"
)

// timeFloor runs the floor (cmd/sineng-floor: read, convert with goldmark,
// write one HTML file per page, on all cores) from contentDir into a fresh
// out folder, and returns the run, timed as a build is (runCmd, which also
// hands the benchmark's free memory back first), and the floor's counts.
// Why the floor is a process of its own: floor.Main.
func (b *benchmark) timeFloor(ctx context.Context, contentDir, out string) (runResult, floor.Stats, error) {
	if err := os.RemoveAll(out); err != nil {
		return runResult{}, floor.Stats{}, fmt.Errorf("empty floor output: %w", err)
	}
	r := runCmd(ctx, b.floorBin, "-content", contentDir, "-out", out)
	if r.err != nil {
		return r, floor.Stats{}, fmt.Errorf("%w: %s", r.err, r.reason)
	}
	st, err := floor.ParseStats(string(bytes.TrimSpace(r.output)))
	return r, st, err
}
