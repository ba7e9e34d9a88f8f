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
	"github.com/sineng/sineng/generator/search"
)

// outFile is one output file of an incremental update.
type outFile struct {
	rel  string // slash path inside the output folder
	data []byte // nil: the file is no longer made and goes
	html bool   // counts as a page
	// same is true when data is known to equal the file on disk.
	same bool
}

func newErrs() *diag.List { return &diag.List{} }

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
// search indexes and returns the index files as they now are.
func (b *builder) updateSearch(edits []bodyEdit) ([]outFile, error) {
	touched := map[*searchState]bool{}
	for _, e := range edits {
		ss := b.search[e.st.lang.lang.Code]
		if ss == nil {
			continue
		}
		i, ok := ss.pos[e.st]
		if !ok {
			continue
		}
		ss.docs[i] = searchDocument(e.st.lang, e.st)
		touched[ss] = true
	}
	var files []outFile
	for ss := range touched {
		made, err := search.Build(ss.docs, search.Options{})
		if err != nil {
			return nil, &diag.Error{File: ss.from, Err: err}
		}
		now := make(map[string][]byte, len(made))
		for _, f := range made {
			now[f.Path] = f.Data
			b.scanLeaks(ss.dir+f.Path, ss.from, f.Data)
			files = append(files, outFile{rel: ss.dir + f.Path, data: f.Data, same: bytes.Equal(ss.files[f.Path], f.Data)})
		}
		for p := range ss.files {
			if _, ok := now[p]; !ok {
				files = append(files, outFile{rel: ss.dir + p})
			}
		}
		ss.files = now
	}
	return files, nil
}

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
	for range 4 {
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
		if !f.same {
			next <- f
		}
	}
	close(next)
	wg.Wait()
	sort.Strings(changed)
	if len(errs) > 0 {
		return changed, fmt.Errorf("write: %w", errors.Join(errs...))
	}
	return changed, nil
}
