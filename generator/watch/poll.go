package watch

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// fileState is what polling compares of a file between two walks.
type fileState struct {
	size  int64
	mtime int64 // UnixNano
}

// poller finds changes by walking the source folders every interval and
// comparing each file's size and modification time with the walk before.
// A file rewritten with the same size within the filesystem's timestamp
// granularity is missed; that is the price of polling.
type poller struct {
	scope
	interval time.Duration
	prev     map[string]fileState // owned by the goroutine in run
}

// newPoller takes the first walk, so that changes made after it returns
// are reported.
func newPoller(sc scope, interval time.Duration) *poller {
	p := &poller{scope: sc, interval: interval}
	p.prev = p.scan()
	return p
}

// scan walks site.toml and the source folders.
func (p *poller) scan() map[string]fileState {
	files := map[string]fileState{}
	note := func(path string, info fs.FileInfo) {
		if info.Mode().IsRegular() || info.Mode()&fs.ModeSymlink != 0 {
			files[path] = fileState{size: info.Size(), mtime: info.ModTime().UnixNano()}
		}
	}
	if info, err := os.Stat(filepath.Join(p.root, ConfigFile)); err == nil {
		note(filepath.Join(p.root, ConfigFile), info)
	}
	for _, name := range sourceFolders() {
		_ = filepath.WalkDir(filepath.Join(p.root, name), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() && path != filepath.Join(p.root, name) {
					return fs.SkipDir
				}
				return nil
			}
			if _, ok := p.rel(path); !ok {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				note(path, info)
			}
			return nil
		})
	}
	return files
}

// diffStates returns the paths added, removed or changed between two walks,
// sorted.
func diffStates(old, cur map[string]fileState) []string {
	var out []string
	for p, s := range cur {
		if o, ok := old[p]; !ok || o != s {
			out = append(out, p)
		}
	}
	for p := range old {
		if _, ok := cur[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// run walks every interval until ctx ends, sending each changed path.
func (p *poller) run(ctx context.Context, out chan<- signal) {
	tick := time.NewTicker(p.interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		cur := p.scan()
		for _, path := range diffStates(p.prev, cur) {
			select {
			case out <- signal{path: path}:
			case <-ctx.Done():
				return
			}
		}
		p.prev = cur
	}
}
