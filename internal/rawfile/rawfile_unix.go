//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package rawfile

import (
	"io"
	"io/fs"
	"syscall"
)

// File is an open file descriptor used with bare system calls.
type File int

// Open opens name for reading. It does not follow a symlink in the last
// component, so a symlink swapped in after an Lstat is not read.
func Open(name string) (File, error) {
	fd, err := open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return -1, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return File(fd), nil
}

// Create creates the file name, which must not exist, for writing, with
// mode 0644 less the umask.
func Create(name string) (File, error) {
	fd, err := open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return -1, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return File(fd), nil
}

// Read reads up to len(p) bytes, returning io.EOF at the end of the file.
func (f File) Read(p []byte) (int, error) {
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

// Write writes all of p.
func (f File) Write(p []byte) (int, error) {
	done := 0
	for done < len(p) {
		n, err := syscall.Write(int(f), p[done:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return done, err
		}
		done += n
	}
	return done, nil
}

// Rewind empties the file and moves its offset back to the start.
func (f File) Rewind() error {
	if err := syscall.Ftruncate(int(f), 0); err != nil {
		return err
	}
	_, err := syscall.Seek(int(f), 0, io.SeekStart)
	return err
}

// Close closes the descriptor.
func (f File) Close() error { return syscall.Close(int(f)) }

// size returns the file's size as fstat reports it.
func (f File) size() (int64, error) {
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f), &st); err != nil {
		return 0, err
	}
	return st.Size, nil
}

// open calls open, retrying when a signal interrupts it.
func open(name string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(name, flags, perm)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
