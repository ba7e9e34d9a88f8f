//go:build linux && (amd64 || arm64)

package rawfile

import (
	"syscall"
	"testing"
)

// TestForMemoryFileSystems checks the file systems For tells apart on
// Linux: tmpfs (where /dev/shm usually is) gets direct calls, procfs does
// not.
func TestForMemoryFileSystems(t *testing.T) {
	if got := For("/proc"); got != Announced {
		t.Errorf("For(/proc) = %v, want announced", got)
	}
	if !inMemoryType(tmpfsMagic) || !inMemoryType(ramfsMagic) || inMemoryType(0xEF53) {
		t.Error("inMemoryType does not tell tmpfs and ramfs from ext4")
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs("/dev/shm", &st); err != nil || st.Type != tmpfsMagic {
		t.Skip("no tmpfs at /dev/shm")
	}
	if got := For("/dev/shm"); got != Direct {
		t.Errorf("For(/dev/shm) on tmpfs = %v, want direct", got)
	}
}
