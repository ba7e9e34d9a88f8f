package main

import (
	"fmt"
	"os"
	"time"

	"github.com/sineng/sineng/bench/floor"
)

// timeFloor runs the floor (read, convert with goldmark, write one HTML file
// per page, on GOMAXPROCS workers) from contentDir into a fresh out folder
// and returns its wall time.
func timeFloor(contentDir, out string) (time.Duration, floor.Stats, error) {
	if err := os.RemoveAll(out); err != nil {
		return 0, floor.Stats{}, fmt.Errorf("empty floor output: %w", err)
	}
	start := time.Now()
	st, err := floor.Run(contentDir, out, 0)
	return time.Since(start), st, err
}
