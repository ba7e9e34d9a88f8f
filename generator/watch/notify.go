package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// errNoNotify marks the errors after which the system's file notifications
// cannot be used and the Watcher polls instead.
var errNoNotify = errors.New("the system's limit on file notifications was reached (raise fs.inotify.max_user_watches)")

// notifyHooks replaces parts of the notifier in tests; the zero value uses
// fsnotify.
type notifyHooks struct {
	add func(w *fsnotify.Watcher, dir string) error // default w.Add
}

// notifier turns fsnotify events into signals. Every folder a build reads
// is watched on its own (inotify is not recursive); the site folder is
// watched for site.toml and for source folders created later.
type notifier struct {
	scope
	fsw  *fsnotify.Watcher
	add  func(w *fsnotify.Watcher, dir string) error
	log  io.Writer
	dirs map[string]struct{} // watched folders; owned by newNotifier, then by run's goroutine
}

// newNotifier watches the site folder and every source folder in it. It
// returns an error wrapping errNoNotify when a system limit was reached.
func newNotifier(sc scope, hooks notifyHooks, log io.Writer) (*notifier, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		if isLimit(err) {
			return nil, fmt.Errorf("%w: %v", errNoNotify, err)
		}
		return nil, fmt.Errorf("watch: %w", err)
	}
	n := &notifier{scope: sc, fsw: fsw, add: hooks.add, log: log, dirs: map[string]struct{}{}}
	if n.add == nil {
		n.add = func(w *fsnotify.Watcher, dir string) error { return w.Add(dir) }
	}
	if err := n.watch(sc.root); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, name := range sourceFolders() {
		if err := n.addTree(context.Background(), filepath.Join(sc.root, name), nil); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	return n, nil
}

// watch adds one folder. A folder gone meanwhile is no error; a system
// limit is errNoNotify; other problems are logged and the folder skipped.
func (n *notifier) watch(dir string) error {
	err := n.add(n.fsw, dir)
	switch {
	case err == nil:
		n.dirs[dir] = struct{}{}
		return nil
	case isLimit(err):
		return fmt.Errorf("%w: %v", errNoNotify, err)
	case errors.Is(err, fs.ErrNotExist):
		return nil
	}
	fmt.Fprintf(n.log, "watch: %s: %v\n", dir, err)
	return nil
}

// addTree watches dir and every folder below it that matters, and passes
// each file found to emit when emit is set (files created in a new folder
// before its watch was in place).
func (n *notifier) addTree(ctx context.Context, dir string, emit func(string) bool) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			fmt.Fprintf(n.log, "watch: %v\n", err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if _, ok := n.rel(p); !ok {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if emit != nil && p != dir && !emit(p) {
				return ctx.Err()
			}
			return nil
		}
		return n.watch(p)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// forget drops the watches of p and of every folder below it: p was
// removed or renamed, and a renamed folder's watches would report their
// old paths.
func (n *notifier) forget(p string) {
	for d := range n.dirs {
		if d == p || strings.HasPrefix(d, p+string(filepath.Separator)) {
			_ = n.fsw.Remove(d) // already gone with its folder, most of the time
			delete(n.dirs, d)
		}
	}
}

// run forwards events as signals until ctx ends. It returns an error
// wrapping errNoNotify when a system limit was reached while adding a
// folder; the notifications are closed when it returns.
func (n *notifier) run(ctx context.Context, out chan<- signal) error {
	defer n.fsw.Close()
	send := func(s signal) bool {
		select {
		case out <- s:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-n.fsw.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				fmt.Fprintln(n.log, "watch: too many changes at once; rebuilding everything")
				if !send(signal{full: true}) {
					return nil
				}
				continue
			}
			fmt.Fprintf(n.log, "watch: %v\n", err)
		case ev, ok := <-n.fsw.Events:
			if !ok {
				return nil
			}
			if err := n.handle(ctx, ev, send); err != nil {
				return err
			}
		}
	}
}

// handle forwards one event. Permission and timestamp changes alone are
// dropped: they change no output.
func (n *notifier) handle(ctx context.Context, ev fsnotify.Event, send func(signal) bool) error {
	if _, ok := n.rel(ev.Name); !ok || ev.Op == fsnotify.Chmod {
		return nil
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		n.forget(ev.Name)
	}
	if !send(signal{path: ev.Name}) {
		return nil
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			return n.addTree(ctx, ev.Name, func(p string) bool { return send(signal{path: p}) })
		}
	}
	return nil
}
