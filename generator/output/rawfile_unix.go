//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package output

import (
	"io"
	"io/fs"
	"syscall"
)

// This file does the two hot file operations of a build with bare system
// calls. os.Open and os.OpenFile also try to register every file with the
// runtime's network poller, which costs five extra calls per regular file
// (four fcntl and a failing epoll_ctl on Linux): about half of all the calls
// for a small unchanged page.

// rawFile is an open file descriptor read with bare system calls.
type rawFile int

// openForCompare opens name for reading. It does not follow a symlink in
// the last component, so a symlink swapped in after an Lstat is not read.
func openForCompare(name string) (io.ReadCloser, error) {
	fd, err := openRetry(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return rawFile(fd), nil
}

// Read reads up to len(p) bytes, returning io.EOF at the end of the file.
func (f rawFile) Read(p []byte) (int, error) {
	for {
		n, err := syscall.Read(int(f), p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, err
		case n == 0 && len(p) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

// Close closes the descriptor.
func (f rawFile) Close() error { return syscall.Close(int(f)) }

// writeNew creates the file name, which must not exist, with mode 0644 (less
// the umask) and writes data to it.
func writeNew(name string, data []byte) error {
	fd, err := openRetry(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// openRetry calls open, retrying when a signal interrupts it.
func openRetry(name string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(name, flags, perm)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
