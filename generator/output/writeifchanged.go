package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteIfChanged writes data to the file name, creating its folders, only
// when the file's current bytes differ, and reports whether it wrote. The
// bytes go to a temporary file in the same folder that is then renamed over
// name, so a reader never sees a half-written file. An existing file keeps
// its permission bits; a new one gets 0644. A symlink at name is compared
// through, and replaced (not written through) when the bytes differ.
func WriteIfChanged(name string, data []byte) (bool, error) {
	perm := fs.FileMode(0o644)
	info, err := os.Stat(name)
	switch {
	case err == nil && info.IsDir():
		return false, fmt.Errorf("output: write %s: it is a folder", name)
	case err == nil:
		perm = info.Mode().Perm()
		if info.Size() == int64(len(data)) {
			cur, err := os.ReadFile(name)
			if err == nil && bytes.Equal(cur, data) {
				return false, nil
			}
		}
	case !errors.Is(err, fs.ErrNotExist):
		return false, fmt.Errorf("output: write %s: %w", name, err)
	}

	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("output: write %s: %w", name, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".sineng-tmp-*")
	if err != nil {
		return false, fmt.Errorf("output: write %s: %w", name, err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return false, fmt.Errorf("output: write %s: %w", name, err)
	}
	return true, nil
}

// Remove deletes the file rel (a slash path inside the output folder out)
// and reports whether there was one to delete. It goes through an os.Root
// of out, so a symlinked folder on the way can never lead it outside.
func Remove(out, rel string) (bool, error) {
	root, err := os.OpenRoot(out)
	if err != nil {
		return false, fmt.Errorf("output: remove %s: %w", rel, err)
	}
	defer root.Close()
	err = root.Remove(filepath.FromSlash(rel))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	}
	return false, fmt.Errorf("output: remove %s: %w", rel, err)
}
