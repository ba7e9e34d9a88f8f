//go:build (linux || darwin || freebsd || netbsd || openbsd || dragonfly) && !(linux && (amd64 || arm64))

package rawfile

import "syscall"

// directCalls says that this platform has no direct calls: For never picks
// Direct, and Direct, when asked for, makes the announced calls below.
const directCalls = false

func inMemory(string) bool { return false }

func directOpen(name string, flags int, perm uint32) (int, error) {
	return syscall.Open(name, flags, perm)
}
func directRead(fd int, b []byte) (int, error)     { return syscall.Read(fd, b) }
func directWrite(fd int, b []byte) (int, error)    { return syscall.Write(fd, b) }
func directClose(fd int) error                     { return syscall.Close(fd) }
func directFstat(fd int, st *syscall.Stat_t) error { return syscall.Fstat(fd, st) }
func directMkdir(name string, perm uint32) error   { return syscall.Mkdir(name, perm) }
