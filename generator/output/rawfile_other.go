//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package output

import (
	"io"
	"os"
)

// openForCompare opens name for reading.
func openForCompare(name string) (io.ReadCloser, error) { return os.Open(name) }

// writeNew creates the file name, which must not exist, with mode 0644 and
// writes data to it.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
