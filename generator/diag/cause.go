package diag

import (
	"errors"
	"io/fs"
)

// PathCause returns what went wrong in err without the path an
// *fs.PathError puts before it ("permission denied" for "open
// /abs/site/content/x.md: permission denied"), or err itself: for an
// *Error whose File already names the file, relative to the site.
func PathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
