//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package rawfile

import (
	"io"
	"io/fs"
	"os"
	"syscall"
)

// File is an open file descriptor used with bare system calls, made the
// way the Calls that opened it say.
type File struct {
	fd     int
	direct bool
}

// Open opens name for reading. It does not follow a symlink in the last
// component, so a symlink swapped in after an Lstat is not read, and a
// FIFO swapped in does not block the open (O_NONBLOCK, which regular files
// ignore).
func (c Calls) Open(name string) (File, error) {
	return c.open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}

// Create creates the file name, which must not exist, for writing, with
// mode 0644 less the umask.
func (c Calls) Create(name string) (File, error) {
	return c.open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
}

// open calls open, retrying when a signal interrupts it.
func (c Calls) open(name string, flags int, perm uint32) (File, error) {
	for {
		var fd int
		var err error
		if c == Direct {
			fd, err = directOpen(name, flags, perm)
		} else {
			fd, err = syscall.Open(name, flags, perm)
		}
		switch {
		case err == nil:
			return File{fd: fd, direct: c == Direct}, nil
		case err != syscall.EINTR:
			return File{fd: -1}, &fs.PathError{Op: "open", Path: name, Err: err}
		}
	}
}

// Mkdir creates the folder name with the permission bits of perm less the
// umask (Direct calls drop setuid, setgid and sticky; callers ask for
// none).
func (c Calls) Mkdir(name string, perm fs.FileMode) error {
	if c != Direct {
		return os.Mkdir(name, perm)
	}
	for {
		err := directMkdir(name, uint32(perm.Perm()))
		switch {
		case err == nil:
			return nil
		case err != syscall.EINTR:
			return &fs.PathError{Op: "mkdir", Path: name, Err: err}
		}
	}
}

// Read reads up to len(p) bytes, returning io.EOF at the end of the file.
func (f File) Read(p []byte) (int, error) {
	for {
		var n int
		var err error
		if f.direct {
			n, err = directRead(f.fd, p)
		} else {
			n, err = syscall.Read(f.fd, p)
		}
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
		var n int
		var err error
		if f.direct {
			n, err = directWrite(f.fd, p[done:])
		} else {
			n, err = syscall.Write(f.fd, p[done:])
		}
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
	if err := syscall.Ftruncate(f.fd, 0); err != nil {
		return err
	}
	_, err := syscall.Seek(f.fd, 0, io.SeekStart)
	return err
}

// Close closes the descriptor.
func (f File) Close() error {
	if f.direct {
		return directClose(f.fd)
	}
	return syscall.Close(f.fd)
}

// size returns the file's size as fstat reports it.
func (f File) size() (int64, error) {
	var st syscall.Stat_t
	var err error
	if f.direct {
		err = directFstat(f.fd, &st)
	} else {
		err = syscall.Fstat(f.fd, &st)
	}
	if err != nil {
		return 0, err
	}
	return st.Size, nil
}
