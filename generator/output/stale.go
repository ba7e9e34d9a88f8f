package output

import (
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
)

// removeStale deletes every file under root for which keep returns false,
// then removes the folders that deleting emptied. keep gets each file's path
// relative to root in slash form ("projects/x/index.html"); a symlink counts
// as a file and is removed itself, never followed, and all changes go
// through root, so nothing outside it is touched even if a symlink is
// swapped in meanwhile. Folders that were empty before are left alone. It
// returns what it removed, sorted, with folders ending in "/". Commit in
// place uses it to drop what a build no longer produces.
func removeStale(root *os.Root, keep func(rel string) bool) ([]string, error) {
	var removed, dirs []string
	touched := map[string]bool{} // folders that lost an entry
	err := fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p == ".":
			return nil
		case d.IsDir():
			dirs = append(dirs, p)
			return nil
		case keep(p):
			return nil
		}
		if err := root.Remove(p); err != nil {
			return err
		}
		removed = append(removed, p)
		for dir := path.Dir(p); dir != "." && !touched[dir]; dir = path.Dir(dir) {
			touched[dir] = true
		}
		return nil
	})
	// WalkDir lists a folder before its contents, so going backwards
	// reaches every folder after all of its subfolders.
	for i := len(dirs) - 1; i >= 0 && err == nil; i-- {
		dir := dirs[i]
		if !touched[dir] {
			continue
		}
		var empty bool
		if empty, err = isEmptyDir(root, dir); err == nil && empty {
			if err = root.Remove(dir); err == nil {
				removed = append(removed, dir+"/")
			}
		}
	}
	sort.Strings(removed)
	return removed, err
}

// isEmptyDir reports whether the folder dir inside root has no entries.
func isEmptyDir(root *os.Root, dir string) (bool, error) {
	f, err := root.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	if _, err := f.Readdirnames(1); err == io.EOF {
		return true, nil
	} else if err != nil {
		return false, err
	}
	return false, nil
}
