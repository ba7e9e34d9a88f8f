//go:build linux && (amd64 || arm64)

package rawfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMountedBelow(t *testing.T) {
	info := []byte(`22 1 0:21 / /proc rw,nosuid - proc proc rw
25 1 0:23 / /dev/shm rw,nosuid,nodev - tmpfs tmpfs rw
40 25 0:35 / /dev/shm/site/content/shared\040notes rw - fuse.sshfs host:/notes rw
41 1 8:1 / /srv/out rw - ext4 /dev/sda1 rw
`)
	tests := []struct {
		dir  string
		want bool
	}{
		{"/dev/shm", true},                            // the sshfs mount lies below
		{"/dev/shm/site/content", true},               // and below this
		{"/dev/shm/site/content/", true},              // however dir is written
		{"/dev/shm/site/public", false},               // a sibling folder
		{"/dev/shm/site/content/shared notes", false}, // the mount itself, not below it
		{"/dev/shm/site/contents", false},             // a prefix of the name is not a folder above
		{"/srv", true},
		{"/", true},
	}
	for _, tt := range tests {
		if got := mountedBelow(info, tt.dir); got != tt.want {
			t.Errorf("mountedBelow(%q) = %v, want %v", tt.dir, got, tt.want)
		}
	}
	for _, bad := range []string{"25 1 0:23 / /dev/shm/a\\04 rw - tmpfs tmpfs rw\n", "25 1 0:23 /\n"} {
		if !mountedBelow([]byte(bad), "/dev/shm") {
			t.Errorf("mountedBelow(%q) = false for a line it cannot read, want true", bad)
		}
	}
}

// TestForRefusesTreesWithMountsBelow checks For on the machine's own mount
// table: a tmpfs folder with a file system mounted below it gets announced
// calls, and /dev/shm (usually with nothing below it) direct ones.
func TestForRefusesTreesWithMountsBelow(t *testing.T) {
	info, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		t.Skip(err)
	}
	if mountedBelow(info, "/dev/shm") {
		if got := For("/dev/shm"); got != Announced {
			t.Errorf("For(/dev/shm), which has mounts below it, = %v, want announced", got)
		}
	}
	// A symlink to a tmpfs folder is judged by where it leads.
	if !inMemory("/dev/shm") {
		t.Skip("no tmpfs at /dev/shm without mounts below it")
	}
	dir, err := os.MkdirTemp("/dev/shm", "sineng-rawfile-test-")
	if err != nil {
		t.Skip(err)
	}
	defer os.RemoveAll(dir)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Skip(err)
	}
	if got := For(link); got != Direct {
		t.Errorf("For(symlink to a tmpfs folder) = %v, want direct", got)
	}
}
