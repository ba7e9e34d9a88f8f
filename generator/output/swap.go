package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"syscall"

	"github.com/sineng/sineng/internal/parallel"
)

// swap puts the stage in place of s.out; Commit documents the steps.
func (s *Stage) swap() error {
	info, err := os.Lstat(s.out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := s.rename(s.dir, s.out); err != nil {
			return s.discard(fmt.Errorf("output: commit: move stage %s to %s: %w", s.dir, s.out, err))
		}
		return nil
	case err != nil:
		return s.discard(fmt.Errorf("output: commit %s: %w", s.out, err))
	case !info.IsDir():
		return s.discard(refused(s.out, "it exists and is not a folder"))
	}

	parent, base := filepath.Dir(s.out), filepath.Base(s.out)
	old, err := os.MkdirTemp(parent, "."+base+".sineng-old-")
	if err != nil {
		return s.discard(fmt.Errorf("output: commit %s: %w", s.out, err))
	}
	// The name was reserved by creating it; free it so the rename does not
	// depend on replacing an empty folder, which not every system allows.
	if err := os.Remove(old); err != nil {
		return s.discard(fmt.Errorf("output: commit %s: %w", s.out, err))
	}
	if err := s.rename(s.out, old); err != nil {
		if errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV) {
			if err := s.syncInPlace(); err != nil {
				return s.discard(err)
			}
			return nil
		}
		return s.discard(fmt.Errorf("output: commit: move previous output %s aside: %w", s.out, err))
	}
	if err := s.rename(s.dir, s.out); err != nil {
		if rerr := s.rename(old, s.out); rerr != nil {
			// Neither folder is removed: the new build is in s.dir and
			// the previous output in old, for the user to recover.
			return fmt.Errorf("output: commit: move stage %s to %s: %w; putting the previous output back also failed, it is at %s: %v", s.dir, s.out, err, old, rerr)
		}
		return s.discard(fmt.Errorf("output: commit: move stage %s to %s (previous output restored): %w", s.dir, s.out, err))
	}
	if err := removeTree(old); err != nil {
		return fmt.Errorf("output: commit: the new output is in place, but removing the previous one at %s failed: %w", old, err)
	}
	return nil
}

// removeTree removes the folder dir and everything in it, without following
// symlinks, its top-level entries in parallel on GOMAXPROCS goroutines:
// removing the previous output is a large part of an unchanged rebuild.
func removeTree(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	errs := make([]error, len(ents)) // each entry's call writes its own slot
	parallel.For(len(ents), runtime.GOMAXPROCS(0), func(i int) {
		errs[i] = os.RemoveAll(filepath.Join(dir, ents[i].Name()))
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return os.Remove(dir)
}

// discard removes the stage folder after a failed commit and returns err,
// joined with any removal error.
func (s *Stage) discard(err error) error {
	if rerr := os.RemoveAll(s.dir); rerr != nil {
		return errors.Join(err, fmt.Errorf("output: remove stage %s: %w", s.dir, rerr))
	}
	return err
}

// syncInPlace makes s.out hold exactly the staged files without renaming
// s.out itself, for an output folder that is a mount point. Every change
// inside s.out goes through an os.Root, so no symlink can lead it outside.
func (s *Stage) syncInPlace() error {
	root, err := os.OpenRoot(s.out)
	if err != nil {
		return fmt.Errorf("output: commit in place %s: %w", s.out, err)
	}
	defer root.Close()

	var rels []string
	s.sources.Range(func(rel, _ string) bool {
		rels = append(rels, rel)
		return true
	})
	sort.Strings(rels)
	keep := make(map[string]bool, len(rels))
	made := map[string]bool{".": true}
	for _, rel := range rels {
		keep[rel] = true
		if err := ensureRootDir(root, path.Dir(rel), made); err != nil {
			return fmt.Errorf("output: commit in place %s: %w", rel, err)
		}
		if err := s.place(root, rel); err != nil {
			return fmt.Errorf("output: commit in place %s: %w", rel, err)
		}
	}
	if _, err := removeStale(root, func(rel string) bool { return keep[rel] }); err != nil {
		return fmt.Errorf("output: commit in place %s: %w", s.out, err)
	}
	if err := os.RemoveAll(s.dir); err != nil {
		return fmt.Errorf("output: commit in place: remove stage %s: %w", s.dir, err)
	}
	return nil
}

// ensureRootDir makes dir a real folder inside root, replacing a file or
// symlink that stands in the way of any of its components.
func ensureRootDir(root *os.Root, dir string, made map[string]bool) error {
	if made[dir] {
		return nil
	}
	if err := ensureRootDir(root, path.Dir(dir), made); err != nil {
		return err
	}
	info, err := root.Lstat(dir)
	switch {
	case err == nil && info.IsDir():
	case err == nil:
		if err := root.Remove(dir); err != nil {
			return err
		}
		fallthrough
	case errors.Is(err, fs.ErrNotExist):
		if err := root.Mkdir(dir, 0o755); err != nil {
			return err
		}
	default:
		return err
	}
	made[dir] = true
	return nil
}

// place puts the staged file rel into root: left alone when root already has
// it (the same inode, or equal bytes), else moved there by rename, or copied
// through a temporary file when rename cannot cross devices.
func (s *Stage) place(root *os.Root, rel string) error {
	src := filepath.Join(s.dir, filepath.FromSlash(rel))
	sinfo, err := os.Lstat(src)
	if err != nil {
		return err
	}
	dinfo, err := root.Lstat(rel)
	switch {
	case err == nil && dinfo.IsDir():
		if err := root.RemoveAll(rel); err != nil {
			return err
		}
	case err == nil && os.SameFile(sinfo, dinfo):
		return nil
	case err == nil && dinfo.Mode().IsRegular() && dinfo.Size() == sinfo.Size():
		if same, err := s.sameContent(root, rel, src); err != nil || same {
			return err
		}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	if err := os.Rename(src, filepath.Join(s.out, filepath.FromSlash(rel))); err == nil {
		return nil
	}
	return copyIntoRoot(root, rel, src)
}

// sameContent reports whether root's rel and the file src hold equal bytes.
func (s *Stage) sameContent(root *os.Root, rel, src string) (bool, error) {
	a, err := root.Open(rel)
	if err != nil {
		return false, err
	}
	defer a.Close()
	b, err := os.Open(src)
	if err != nil {
		return false, err
	}
	defer b.Close()
	info, err := b.Stat()
	if err != nil {
		return false, err
	}
	return s.equalFiles(a, b, info.Size()), nil
}

// copyIntoRoot copies src to rel inside root through a temporary file in the
// same folder, so a reader never sees a half-written file.
func copyIntoRoot(root *os.Root, rel, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := path.Join(path.Dir(rel), "."+path.Base(rel)+".sineng-tmp")
	out, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, rel)
	}
	if err != nil {
		_ = root.Remove(tmp)
	}
	return err
}
