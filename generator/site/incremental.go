package site

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"

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
// each output for leaks like a full build does, and keeps their bytes.
func (b *builder) renderSome(idx []int) ([]outFile, error) {
	files := make([]outFile, len(idx))
	slot := make(map[int]int, len(idx))
	for k, i := range idx {
		slot[i] = k
	}
	r := newJobRunner(b, b.jobs)
	r.direct = false
	r.emit = func(i int, data []byte) error {
		j := b.jobs[i]
		files[slot[i]] = outFile{rel: j.out, data: bytes.Clone(data), html: j.html}
		return nil
	}
	b.parallel(len(idx), func(k int) { r.run(idx[k]) })
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
		i, ok := e.st.searchID()
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

// writeOut writes the files whose bytes differ from the output folder's
// and removes the ones no longer made, each file replaced atomically. It
// returns the changed paths, sorted.
func (b *builder) writeOut(files []outFile) ([]string, error) {
	wrote := make([]bool, len(files))
	errs := make([]error, len(files))
	b.parallel(len(files), func(i int) {
		f := files[i]
		if f.data == nil {
			wrote[i], errs[i] = output.Remove(b.opts.Out, f.rel)
			return
		}
		wrote[i], errs[i] = output.WriteIfChanged(filepath.Join(b.opts.Out, filepath.FromSlash(f.rel)), f.data)
	})
	var changed []string
	for i, f := range files {
		if wrote[i] {
			changed = append(changed, f.rel)
		}
	}
	sort.Strings(changed)
	if err := errors.Join(errs...); err != nil {
		return changed, fmt.Errorf("write: %w", err)
	}
	return changed, nil
}
