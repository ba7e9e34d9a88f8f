package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/output"
)

// outFile is one output file of an incremental update.
type outFile struct {
	rel  string // slash path inside the output folder
	data []byte // nil: the file is no longer made and goes
	html bool   // counts as a page
}

// renderSome renders the jobs at the given indexes on all cores, scanning
// each output for leaks like a full build does.
func (b *builder) renderSome(idx []int) ([]outFile, error) {
	files := make([]outFile, len(idx))
	tplErrs := &templateErrors{seen: map[string]bool{}}
	b.parallel(len(idx), func(i int) {
		j := b.jobs[idx[i]]
		var buf bytes.Buffer
		if err := j.make(&buf); err != nil {
			tplErrs.add(b, j.from, err)
			return
		}
		b.scanLeaks(j.out, j.from, buf.Bytes())
		files[i] = outFile{rel: j.out, data: buf.Bytes(), html: j.html}
	})
	if b.errs.HasErrors() {
		return nil, b.errs.Err()
	}
	return files, nil
}

// updateSearch puts the edited pages' new text into their languages'
// search indexes and returns the index files that changed (nil data: a
// shard that is no more).
func (b *builder) updateSearch(edits []bodyEdit) ([]outFile, error) {
	var files []outFile
	at := map[string]int{} // a file changed by two edits is written once, as it ends up
	for _, e := range edits {
		ss := b.search[e.st.lang.lang.Code]
		if ss == nil || ss.index == nil {
			continue
		}
		i, ok := ss.pos[e.st]
		if !ok {
			continue
		}
		changed, err := ss.index.Replace(i, searchDocument(e.st.lang, e.st))
		if err != nil {
			return nil, &diag.Error{File: ss.from, Err: err}
		}
		e.st.text = "" // the index holds what it needs of it
		for _, f := range changed {
			if f.Data != nil {
				b.scanLeaks(ss.dir+f.Path, ss.from, f.Data)
			}
			rel := ss.dir + f.Path
			if k, ok := at[rel]; ok {
				files[k].data = f.Data
				continue
			}
			at[rel] = len(files)
			files = append(files, outFile{rel: rel, data: f.Data})
		}
	}
	return files, nil
}

// updateWriters is how many files an incremental update writes at once:
// the work is small writes, bound by system calls rather than by cores.
const updateWriters = 4

// writeOut writes the files whose bytes differ from the output folder's
// and removes the ones no longer made, on all cores, each file replaced
// atomically. It returns the changed paths, sorted.
func writeOut(out string, files []outFile) ([]string, error) {
	var (
		mu      sync.Mutex
		changed []string
		errs    []error
		wg      sync.WaitGroup
	)
	next := make(chan outFile)
	for range updateWriters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				name := filepath.Join(out, filepath.FromSlash(f.rel))
				var wrote bool
				var err error
				if f.data == nil {
					err = os.Remove(name)
					wrote = err == nil
					if errors.Is(err, fs.ErrNotExist) {
						err = nil
					}
				} else {
					wrote, err = output.WriteIfChanged(name, f.data)
				}
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				}
				if wrote {
					changed = append(changed, f.rel)
				}
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	sort.Strings(changed)
	if len(errs) > 0 {
		return changed, fmt.Errorf("write: %w", errors.Join(errs...))
	}
	return changed, nil
}
