//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package rawfile

import (
	"io"
	"io/fs"
	"os"
)

// directCalls says that this platform has no direct calls: For never picks
// Direct.
const directCalls = false

func inMemory(string) bool { return false }

// File is an open file.
type File struct{ f *os.File }

// Open opens name for reading. Unlike the bare system call version it
// follows symlinks.
func (Calls) Open(name string) (File, error) {
	f, err := os.Open(name)
	return File{f}, err
}

// Create creates the file name, which must not exist, for writing, with
// mode 0644 less the umask.
func (Calls) Create(name string) (File, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	return File{f}, err
}

// Mkdir creates the folder name with mode perm less the umask.
func (Calls) Mkdir(name string, perm fs.FileMode) error { return os.Mkdir(name, perm) }

// Read reads up to len(p) bytes, returning io.EOF at the end of the file.
func (f File) Read(p []byte) (int, error) { return f.f.Read(p) }

// Write writes all of p.
func (f File) Write(p []byte) (int, error) { return f.f.Write(p) }

// Rewind empties the file and moves its offset back to the start.
func (f File) Rewind() error {
	if err := f.f.Truncate(0); err != nil {
		return err
	}
	_, err := f.f.Seek(0, io.SeekStart)
	return err
}

// Close closes the file.
func (f File) Close() error { return f.f.Close() }

// size returns the file's size.
func (f File) size() (int64, error) {
	st, err := f.f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}
