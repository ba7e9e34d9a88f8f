// Package rawfiletest helps tests of packages that read and write through
// internal/rawfile run on a file system held in memory, where rawfile
// makes direct system calls.
package rawfiletest

import (
	"os"
	"testing"

	"github.com/sineng/sineng/internal/rawfile"
)

// MemoryDir returns a new folder on tmpfs (/dev/shm) for which rawfile.For
// picks direct calls, removed when the test ends; it skips the test where
// there is none.
func MemoryDir(t testing.TB) string {
	t.Helper()
	if rawfile.For("/dev/shm") != rawfile.Direct {
		t.Skip("no tmpfs at /dev/shm without mounts below it, or no direct calls on this platform")
	}
	dir, err := os.MkdirTemp("/dev/shm", "sineng-test-")
	if err != nil {
		t.Skip("cannot write to /dev/shm:", err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
