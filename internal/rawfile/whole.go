package rawfile

import (
	"errors"
	"io"
	"io/fs"
)

// ReadFile reads the whole file name into buf, which it grows as needed,
// and returns the bytes read; they share buf's memory when they fit. Like
// Open it does not follow a symlink in the last component where the
// platform has bare system calls.
func ReadFile(name string, buf []byte) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	n, err := f.size()
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	// One byte more than the size, so the end of the file is seen by the
	// first short read and a file that grew is still read whole.
	if want := int(n) + 1; cap(buf) < want {
		buf = make([]byte, 0, want)
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		k, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
	}
}

// WriteNew creates the file name, which must not exist, with mode 0644
// less the umask, and writes data to it.
func WriteNew(name string, data []byte) error {
	f, err := Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return &fs.PathError{Op: "write", Path: name, Err: err}
	}
	if err := f.Close(); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}
