package main

import (
	"os"
	"syscall"
)

// tmpfsMagic is the file system type of tmpfs in statfs(2).
const tmpfsMagic = 0x01021994

// diskFolder returns a temp folder backed by a real disk (not tmpfs): the
// system temp folder, /var/tmp or bench/, the first that is; "" when none is.
func diskFolder() string {
	for _, d := range []string{os.TempDir(), "/var/tmp", "bench"} {
		var st syscall.Statfs_t
		if err := syscall.Statfs(d, &st); err == nil && st.Type != tmpfsMagic {
			return d
		}
	}
	return ""
}
