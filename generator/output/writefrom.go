package output

import (
	"bufio"
	"errors"
	"io"
	"os"

	"github.com/sineng/sineng/internal/rawfile"
)

// writeFromBuffer is the buffer between a WriteFrom writer and the file.
const writeFromBuffer = 64 << 10

// WriteFrom writes the output file rel from what write writes to w, through
// a small buffer: an output of any size (the printable handbook of a big
// program) is never held in memory whole. from names the source for error
// messages, as in WriteFile.
//
// When check is not nil it gets the finished file's bytes, read back from
// the stage, before anything else happens to them (the leak scan of a
// public build); a build that wants no check pays no read. As in WriteFile,
// a previous output file with the same bytes is hard-linked instead and
// counted as unchanged.
//
// The writer write gets can also be rewound (a Rewind() error method drops
// everything written), which lets a template executor stream a page and
// start it again. An error returned by write is returned as it is, so
// callers can tell a failed template from a failed disk; the partial file
// is removed.
func (s *Stage) WriteFrom(rel, from string, write func(w io.Writer) error, check func(data []byte)) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	clean, dst, err := s.reserve(rel, from)
	if err != nil {
		return err
	}
	size, err := s.writeStreamed(dst, write)
	if err != nil {
		os.Remove(dst)
		var we writerError
		if errors.As(err, &we) {
			return we.err
		}
		return fail("write", clean, from, s.explain(clean, err))
	}
	var data []byte // the finished file, when check needed it read back
	if check != nil {
		if data, err = s.calls.ReadFile(dst, nil); err != nil {
			return fail("write", clean, from, err)
		}
		check(data)
	}
	if s.replaceUnchanged(clean, dst, size, data) {
		s.nUnchanged.Add(1)
		return nil
	}
	s.nWritten.Add(1)
	s.nBytes.Add(size)
	s.recordChanged(clean)
	return nil
}

// writerError marks an error returned by a WriteFrom writer, as opposed to
// one of the file.
type writerError struct{ err error }

func (e writerError) Error() string { return e.err.Error() }

// writeStreamed creates the file name, which must not exist, with mode
// 0644 and fills it from write. It returns the bytes written.
func (s *Stage) writeStreamed(name string, write func(w io.Writer) error) (int64, error) {
	f, err := s.calls.Create(name)
	if err != nil {
		return 0, err
	}
	sw := &streamWriter{f: f}
	sw.cw.w = f
	sw.bw = s.streamBuffer(&sw.cw)
	werr := write(sw)
	ferr := sw.bw.Flush()
	sw.bw.Reset(nil)
	s.streams.Put(sw.bw)
	cerr := f.Close()
	switch {
	case werr != nil && sw.cw.err == nil:
		return 0, writerError{werr} // the writer's own failure
	case sw.cw.err != nil:
		return 0, sw.cw.err
	case ferr != nil:
		return 0, ferr
	case cerr != nil:
		return 0, cerr
	}
	return sw.cw.n, nil
}

// streamBuffer returns a writeFromBuffer-sized writer onto w, reusing one
// a finished WriteFrom gave back.
func (s *Stage) streamBuffer(w io.Writer) *bufio.Writer {
	if bw, ok := s.streams.Get().(*bufio.Writer); ok {
		bw.Reset(w)
		return bw
	}
	return bufio.NewWriterSize(w, writeFromBuffer)
}

// streamWriter is what a WriteFrom writer writes to: a buffered file that
// can be rewound, so a template executor may stream a page and start it
// again (layout.Rewinder).
type streamWriter struct {
	f  rawfile.File
	bw *bufio.Writer
	cw countingWriter
}

func (w *streamWriter) Write(p []byte) (int, error) { return w.bw.Write(p) }

// Rewind drops everything written so far.
func (w *streamWriter) Rewind() error {
	w.bw.Reset(&w.cw)
	if err := w.f.Rewind(); err != nil {
		return err
	}
	w.cw.n, w.cw.err = 0, nil
	return nil
}

// countingWriter counts the bytes written through it and keeps the first
// write error, so a file error is not mistaken for the writer's.
type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// replaceUnchanged replaces the staged file dst by a hard link to the
// previous output's file at clean when that holds the same bytes. data is
// dst's bytes when the caller has them already (nil: dst is read). It
// reports whether it did; on false dst is as it was.
func (s *Stage) replaceUnchanged(clean, dst string, size int64, data []byte) bool {
	tmp := dst + ".sineng-link"
	same := s.linkUnchanged(clean, tmp, size, func(prev io.Reader) bool {
		if data != nil {
			return s.equalBytes(prev, data)
		}
		f, err := s.calls.Open(dst)
		if err != nil {
			return false
		}
		defer f.Close()
		return s.equalFiles(prev, f, size)
	})
	if !same {
		return false
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return false
	}
	return true
}
