package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/internal/rawfile"
)

// Options configures Open. The zero value works and skips the source checks.
type Options struct {
	// Source is the site's source folder. When set, Open refuses an output
	// folder equal to it, containing it, or inside one of the folders the
	// build reads (content/, layouts/, static/, themes/, data/).
	Source string
	// Marker, when set, is a file a build writes beside its output folder
	// (the publication log): an existing folder that holds anything is
	// replaced only when the marker is there too, so a folder sineng did
	// not make (~/Documents, a key folder given by mistake) is never
	// deleted by a build nor served by the dev server.
	Marker string
}

// Stats counts what a Stage did.
type Stats struct {
	Written   int   // files written from bytes because they were new or changed
	Unchanged int   // files hard-linked from the previous output because their bytes were equal
	Copied    int   // static files copied byte for byte
	Bytes     int64 // bytes written or copied; hard-linked files add nothing
	// Changed lists the files written or copied because they were new or
	// differed from the previous output, sorted; the dev server uses it to
	// tell a stylesheet-only change from one that needs a reload.
	Changed []string
}

// stageState is where a Stage is in its life.
type stageState int

const (
	stageOpen stageState = iota
	stageCommitted
	stageAborted
)

// Stage is one build's output, written into a folder beside the final output
// folder and swapped in on Commit. WriteFile, WriteFrom, CopyFile and Has
// are safe for concurrent use by many goroutines; Commit and Abort wait
// for writes in flight and end the Stage.
type Stage struct {
	out       string // the output folder: absolute, symlinks resolved
	dir       string // the stage folder beside out
	prev      string // out when it was a folder at Open, else ""
	rename    func(oldpath, newpath string) error
	calls     rawfile.Calls // how files in dir are made and read
	prevCalls rawfile.Calls // how files in prev are read

	mu    sync.RWMutex // writers hold it shared; Commit and Abort exclusively
	state stageState   // guarded by mu

	sources  pathMap[string]   // clean rel → from: what this build wrote, and who wrote it
	dirs     pathMap[struct{}] // rel folder: folders known to exist in the stage
	prevDirs pathMap[bool]     // rel folder → prev/folder is a folder reached without symlinks
	noLink   atomic.Bool       // set once hard links proved impossible (EXDEV, EPERM)
	bufs     sync.Pool         // *[]byte compare buffers
	streams  sync.Pool         // *bufio.Writer of writeFromBuffer bytes (WriteFrom)

	nWritten, nUnchanged, nCopied, nBytes atomic.Int64

	changedMu sync.Mutex
	changed   []string // rel paths written or copied, in no order
}

// recordChanged notes a file whose bytes are new in this build.
func (s *Stage) recordChanged(rel string) {
	s.changedMu.Lock()
	s.changed = append(s.changed, rel)
	s.changedMu.Unlock()
}

// Check reports, as Open would, whether out may be an output folder: nil,
// an error wrapping ErrRefused for a folder a build will not replace, or
// the error of resolving or examining the path. It creates nothing, so a
// command that serves the folder (sineng serve) can refuse it before it
// serves a byte.
func Check(out string, opts Options) error {
	_, _, err := checkOut(out, opts)
	return err
}

// checkOut applies Open's refusals to out and returns its canonical path
// and, when it exists, its permissions.
func checkOut(out string, opts Options) (abs string, info fs.FileInfo, err error) {
	if out == "" {
		return "", nil, fmt.Errorf("output: %w: no folder given", ErrRefused)
	}
	abs, err = canonical(out)
	if err != nil {
		return "", nil, err
	}
	if err := refuseDangerous(abs); err != nil {
		return "", nil, err
	}
	if opts.Source != "" {
		src, err := canonical(opts.Source)
		if err != nil {
			return "", nil, err
		}
		if err := refuseSource(abs, src); err != nil {
			return "", nil, err
		}
	}
	info, err = os.Lstat(abs)
	switch {
	case err == nil && !info.IsDir():
		return "", nil, refused(abs, "it exists and is not a folder")
	case err == nil:
		if _, err := os.Lstat(filepath.Join(abs, ".git")); err == nil {
			return "", nil, refused(abs, "it holds a .git entry, which a build would delete; publish from another folder")
		}
		if opts.Marker != "" && !emptyFolder(abs) {
			if _, err := os.Stat(opts.Marker); err != nil {
				return "", nil, refused(abs, "it holds files no sineng build wrote (there is no "+filepath.Base(opts.Marker)+" beside it), which a build would delete; empty it or choose another folder")
			}
		}
		return abs, info, nil
	case !errors.Is(err, fs.ErrNotExist):
		return "", nil, fmt.Errorf("output: open %s: %w", abs, err)
	}
	return abs, nil, nil
}

// Open starts a build of the output folder out. It creates the stage folder
// "<parent>/.<base>.sineng-<random>" beside out (creating parent if needed),
// so Commit can swap it in with a rename on one filesystem.
//
// Open refuses a filesystem root, the user's home folder or a folder
// containing it, a path that exists but is not a folder, a folder holding a
// .git entry (a build replaces the whole folder and would delete it), a
// non-empty folder without opts.Marker beside it when that is set, and,
// when opts.Source is set, the folders Options.Source describes. A symlink
// at out is resolved, and its target is what gets replaced.
func Open(out string, opts Options) (*Stage, error) {
	abs, info, err := checkOut(out, opts)
	if err != nil {
		return nil, err
	}
	prev, perm := "", fs.FileMode(0o755)
	if info != nil {
		prev, perm = abs, info.Mode().Perm()
	}

	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output: open %s: %w", abs, err)
	}
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".sineng-")
	if err != nil {
		return nil, fmt.Errorf("output: open %s: create stage: %w", abs, err)
	}
	if err := os.Chmod(dir, perm); err != nil {
		_ = os.Remove(dir)
		return nil, fmt.Errorf("output: open %s: create stage: %w", abs, err)
	}
	s := &Stage{out: abs, dir: dir, prev: prev, rename: os.Rename, calls: rawfile.For(dir)}
	if prev != "" {
		s.prevCalls = rawfile.For(prev)
	}
	return s, nil
}

// Out returns the output folder the Stage will replace: absolute, with
// symlinks resolved.
func (s *Stage) Out() string { return s.out }

// Has reports whether rel was written in this Stage.
func (s *Stage) Has(rel string) bool {
	clean, err := cleanRel(rel)
	if err != nil {
		return false
	}
	_, ok := s.sources.Load(clean)
	return ok
}

// Commit swaps the stage in as the output folder and ends the Stage.
//
// When out does not exist the stage is renamed to it. Otherwise out is
// renamed to "<parent>/.<base>.sineng-old-<random>", the stage is renamed to
// out and the old folder is removed; if the second rename fails the old
// folder is renamed back, so out is as it was, and the error says so.
//
// When out cannot be renamed because it is a mount point (EBUSY) or on
// another device than its parent (EXDEV), Commit falls back to syncing in
// place: each new or changed file is moved (or copied) into out, files equal
// to the staged ones are left alone, then files this build did not write are
// removed and emptied folders pruned. That fallback is not atomic: a failure
// part way leaves out holding a mix of both builds.
//
// On any error but the last step (removing the old folder, reported with the
// new output already in place) the stage is removed. The Stats are returned
// either way.
func (s *Stage) Commit() (Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stageOpen {
		return s.stats(), fmt.Errorf("output: commit %s: the stage was already committed or aborted", s.out)
	}
	s.state = stageCommitted
	return s.stats(), s.swap()
}

// Abort removes the stage folder and ends the Stage; the previous output is
// untouched. It is a no-op after Commit or a first Abort.
func (s *Stage) Abort() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stageOpen {
		return nil
	}
	s.state = stageAborted
	if err := os.RemoveAll(s.dir); err != nil {
		return fmt.Errorf("output: abort: remove stage %s: %w", s.dir, err)
	}
	return nil
}

// stats reads the counters.
func (s *Stage) stats() Stats {
	return Stats{
		Written:   int(s.nWritten.Load()),
		Unchanged: int(s.nUnchanged.Load()),
		Copied:    int(s.nCopied.Load()),
		Bytes:     s.nBytes.Load(),
		Changed:   s.sortedChanged(),
	}
}

func (s *Stage) sortedChanged() []string {
	s.changedMu.Lock()
	defer s.changedMu.Unlock()
	out := append([]string(nil), s.changed...)
	sort.Strings(out)
	return out
}

// fail wraps err with the operation and output path, and, when from is set,
// places it at from as a *diag.Error so a diag.List prints the source file.
func fail(op, rel, from string, err error) error {
	e := fmt.Errorf("output: %s %s: %w", op, rel, err)
	if from == "" {
		return e
	}
	return &diag.Error{File: from, Err: e}
}

// sourceName returns from, or a placeholder for an unnamed source.
func sourceName(from string) string {
	if from == "" {
		return "an unnamed source"
	}
	return from
}

// emptyFolder reports whether the folder dir holds nothing (or cannot be
// read, which the build then reports itself).
func emptyFolder(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return true
	}
	defer f.Close()
	names, _ := f.Readdirnames(1)
	return len(names) == 0
}
