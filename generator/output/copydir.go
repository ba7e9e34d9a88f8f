package output

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"sync"
)

// copyJob is one file CopyDir copies.
type copyJob struct {
	rel, src, from string
}

// CopyDir copies every regular file under srcDir to relPrefix/<path> in the
// output with CopyFile ("" or "." for the output root). skip, when not nil,
// gets each path relative to srcDir in slash form; true skips that file, or
// that whole folder. Symlinks inside srcDir are not followed and are skipped
// without error, as are devices, sockets and pipes; srcDir itself may be a
// symlink to a folder. from names the source for error messages and is
// joined with each file's path ("static" gives "static/css/site.css"); empty
// uses the file's own path.
//
// Files are copied by a pool of GOMAXPROCS goroutines. Every problem is
// reported, joined in walk order, not just the first.
func (s *Stage) CopyDir(srcDir, relPrefix, from string, skip func(rel string) bool) error {
	prefix := "."
	if relPrefix != "" && relPrefix != "." {
		clean, err := cleanRel(relPrefix)
		if err != nil {
			return fail("copy", relPrefix, from, err)
		}
		prefix = clean
	}
	root, err := filepath.EvalSymlinks(srcDir)
	if err != nil {
		return fail("copy", srcDir, from, err)
	}

	var jobs []copyJob
	var errs []error
	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, fail("copy", p, from, err))
			if d != nil && d.IsDir() && p != root {
				return fs.SkipDir
			}
			return nil
		}
		if p == root {
			return nil
		}
		r, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(r)
		if skip != nil && skip(rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		fileFrom := p
		if from != "" {
			fileFrom = path.Join(filepath.ToSlash(from), rel)
		}
		jobs = append(jobs, copyJob{rel: path.Join(prefix, rel), src: p, from: fileFrom})
		return nil
	})
	if walkErr != nil {
		errs = append(errs, fmt.Errorf("output: copy %s: %w", srcDir, walkErr))
	}

	results := make([]error, len(jobs)) // each job writes its own slot
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := range next {
				results[i] = s.CopyFile(jobs[i].rel, jobs[i].src, jobs[i].from)
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(append(errs, results...)...)
}
