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
func (c Calls) ReadFile(name string, buf []byte) ([]byte, error) {
	return c.readFile(name, -1, buf)
}

// ReadFileSized is ReadFile for a file expected to be size bytes long,
// which it does not ask the system for: a file of that size is read with
// one read. A file that is longer or shorter by now is still read whole,
// to its end (a file that grows while reads come short may be cut at
// size bytes), so a caller that knows the file's checksum can tell it
// changed.
func (c Calls) ReadFileSized(name string, size int64, buf []byte) ([]byte, error) {
	return c.readFile(name, max(size, 0), buf)
}

// readFile reads the file name whole, given its size, or asking for it
// when size is negative.
func (c Calls) readFile(name string, size int64, buf []byte) ([]byte, error) {
	f, err := c.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if size < 0 {
		if size, err = f.size(); err != nil {
			return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
		}
	}
	buf, err = readAll(f, size, buf)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return buf, nil
}

// readAll reads r to its end into buf, which it grows as needed, given the
// size the file had when it was opened. It asks for one byte more than
// that size, so a read that stops short having brought exactly size bytes
// has met the end of the file, and no read is spent on seeing io.EOF; a
// file that grew is still read whole when its reads come in full (a file
// that grows while reads come short may be cut at the size it had), and
// one whose size says nothing (0 in /proc) is read until io.EOF.
func readAll[R io.Reader](r R, size int64, buf []byte) ([]byte, error) {
	if want := int(size) + 1; cap(buf) < want {
		buf = make([]byte, 0, want)
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		room := cap(buf) - len(buf)
		k, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		switch {
		case errors.Is(err, io.EOF):
			return buf, nil
		case err != nil:
			return nil, err
		case k < room && int64(len(buf)) == size && size > 0:
			return buf, nil
		}
	}
}

// WriteNew creates the file name, which must not exist, with mode 0644
// less the umask, and writes data to it.
func (c Calls) WriteNew(name string, data []byte) error {
	f, err := c.Create(name)
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
