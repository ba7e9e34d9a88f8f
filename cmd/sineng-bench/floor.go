package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/sineng/sineng/bench/floor"
)

// timeFloor runs the floor (read, convert with goldmark, write one HTML file
// per page, on GOMAXPROCS workers) from contentDir into a fresh out folder
// and returns its wall time. Each run starts with the benchmark's free heap
// handed back to the kernel, as each build starts in a new process with
// no heap: the floor is what any build must do, and a build's heap pages
// are never warm. (Until the benchmark handed its memory back before every
// child, runs 2 to 9 reused the pages the run before had faulted in.)
func timeFloor(contentDir, out string) (time.Duration, floor.Stats, error) {
	if err := os.RemoveAll(out); err != nil {
		return 0, floor.Stats{}, fmt.Errorf("empty floor output: %w", err)
	}
	debug.FreeOSMemory()
	start := time.Now()
	st, err := floor.Run(contentDir, out, 0)
	return time.Since(start), st, err
}
