//go:build linux && (amd64 || arm64)

package rawfile

import (
	"os"
	"path/filepath"
	"syscall"
	"unsafe"
)

// directCalls says that this platform has the direct system calls below.
const directCalls = true

// Magic numbers of statfs(2) for the file systems held in memory.
const (
	tmpfsMagic = 0x01021994
	ramfsMagic = 0x858458f6
)

// inMemory reports whether dir is on tmpfs or ramfs with no other file
// system mounted below it; false when it cannot tell.
func inMemory(dir string) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil || !inMemoryType(int64(st.Type)) {
		return false
	}
	real, err := filepath.Abs(dir)
	if err == nil {
		real, err = filepath.EvalSymlinks(real)
	}
	if err != nil {
		return false
	}
	info, err := os.ReadFile("/proc/self/mountinfo")
	return err == nil && !mountedBelow(info, real)
}

// inMemoryType reports whether a statfs type is that of tmpfs or ramfs.
func inMemoryType(t int64) bool { return t == tmpfsMagic || t == ramfsMagic }

// atFDCWD is AT_FDCWD, as the uintptr the calls take: relative names are
// relative to the working folder.
const atFDCWD = ^uintptr(99) // -100

// errno returns e as an error, nil for 0.
func errno(e syscall.Errno) error {
	if e == 0 {
		return nil
	}
	return e
}

// directOpen is open(2) with syscall.RawSyscall6.
func directOpen(name string, flags int, perm uint32) (int, error) {
	p, err := syscall.BytePtrFromString(name)
	if err != nil {
		return -1, err
	}
	fd, _, e := syscall.RawSyscall6(syscall.SYS_OPENAT, atFDCWD, uintptr(unsafe.Pointer(p)), uintptr(flags), uintptr(perm), 0, 0)
	if e != 0 {
		return -1, e
	}
	return int(fd), nil
}

// directRead is read(2) with syscall.RawSyscall.
func directRead(fd int, b []byte) (int, error) {
	n, _, e := syscall.RawSyscall(syscall.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b)))
	if e != 0 {
		return -1, e
	}
	return int(n), nil
}

// directWrite is write(2) with syscall.RawSyscall.
func directWrite(fd int, b []byte) (int, error) {
	n, _, e := syscall.RawSyscall(syscall.SYS_WRITE, uintptr(fd), uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b)))
	if e != 0 {
		return -1, e
	}
	return int(n), nil
}

// directClose is close(2) with syscall.RawSyscall.
func directClose(fd int) error {
	_, _, e := syscall.RawSyscall(syscall.SYS_CLOSE, uintptr(fd), 0, 0)
	return errno(e)
}

// directFstat is fstat(2) with syscall.RawSyscall; on amd64 and arm64
// syscall.Fstat makes the same call.
func directFstat(fd int, st *syscall.Stat_t) error {
	_, _, e := syscall.RawSyscall(syscall.SYS_FSTAT, uintptr(fd), uintptr(unsafe.Pointer(st)), 0)
	return errno(e)
}

// directMkdir is mkdir(2) with syscall.RawSyscall.
func directMkdir(name string, perm uint32) error {
	p, err := syscall.BytePtrFromString(name)
	if err != nil {
		return err
	}
	_, _, e := syscall.RawSyscall(syscall.SYS_MKDIRAT, atFDCWD, uintptr(unsafe.Pointer(p)), uintptr(perm))
	return errno(e)
}
