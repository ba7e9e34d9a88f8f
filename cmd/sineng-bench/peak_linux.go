package main

import (
	"fmt"
	"os"
	"runtime/debug"
)

// resetPeakRSS makes the benchmark's own peak resident memory its current
// one, and that as small as it can be, before a child starts. On Linux a
// child's rusage maxrss starts at the high-water mark of the memory it
// was started from: os/exec starts a child sharing the parent's memory
// until exec, and exec records that memory's peak as the child's. A
// benchmark that had just generated the 50k site in process (≈650 MB)
// reported 648 MB for every later 1k and 10k build. Returning the free
// heap to the kernel and writing 5 to clear_refs (Linux 4.0 and later)
// leaves a mark of a few tens of megabytes, below any build's own. It
// fails where /proc is read-only or the kernel older.
func resetPeakRSS() error {
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		return fmt.Errorf("reset peak memory: %w", err)
	}
	return nil
}
