package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Options configures Start. Root is required; every other field's zero
// value works.
type Options struct {
	// Root is the site folder, the one holding site.toml.
	Root string
	// Ignore lists folders never watched and whose changes are dropped,
	// such as the output folder when it lies inside a watched folder.
	Ignore []string
	// Quiet is how long a burst must be without events to end; default
	// DefaultQuiet.
	Quiet time.Duration
	// MaxDelay caps how long a burst that never goes quiet is held;
	// default DefaultMaxDelay.
	MaxDelay time.Duration
	// PollInterval is the period of the polling fallback; default
	// DefaultPollInterval.
	PollInterval time.Duration
	// Poll polls from the start instead of using the system's file
	// notifications (for network filesystems, where they are not sent).
	Poll bool
	// Log receives one line when the Watcher falls back to polling and one
	// per notification error; nil discards them.
	Log io.Writer
}

// Watcher reports batches of changes to a site's source files until it is
// closed. Its methods are safe for concurrent use.
type Watcher struct {
	root    string
	batches chan Batch
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	polling atomic.Bool
}

// Start begins watching opts.Root. The watches are in place when Start
// returns, so a change made after it is reported. The Watcher stops when
// ctx ends or Close is called.
func Start(ctx context.Context, opts Options) (*Watcher, error) {
	return start(ctx, opts, notifyHooks{})
}

// start is Start with replaceable notification hooks, for tests.
func start(ctx context.Context, opts Options, hooks notifyHooks) (*Watcher, error) {
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	if info, err := os.Stat(root); err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	} else if !info.IsDir() {
		return nil, fmt.Errorf("watch: %s is not a folder", root)
	}
	opts.Root = root
	if opts.Quiet <= 0 {
		opts.Quiet = DefaultQuiet
	}
	if opts.MaxDelay <= 0 {
		opts.MaxDelay = DefaultMaxDelay
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = DefaultPollInterval
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	ignore := make([]string, 0, len(opts.Ignore))
	for _, d := range opts.Ignore {
		if abs, err := filepath.Abs(d); err == nil {
			ignore = append(ignore, abs)
		}
	}
	sc := scope{root: root, ignore: ignore}

	ctx, cancel := context.WithCancel(ctx)
	w := &Watcher{root: root, batches: make(chan Batch), cancel: cancel}
	signals := make(chan signal, 256)

	var n *notifier
	if !opts.Poll {
		n, err = newNotifier(sc, hooks, opts.Log)
		if err != nil && !errors.Is(err, errNoNotify) {
			cancel()
			return nil, err
		}
		if err != nil {
			fmt.Fprintf(opts.Log, "watch: %v; polling for changes every %s instead\n", err, opts.PollInterval)
			n = nil
		}
	}
	var p *poller
	if n == nil {
		w.polling.Store(true)
		p = newPoller(sc, opts.PollInterval)
	}

	w.wg.Add(2)
	go func() {
		defer w.wg.Done()
		defer close(signals)
		if n != nil {
			err := n.run(ctx, signals)
			if !errors.Is(err, errNoNotify) {
				return
			}
			fmt.Fprintf(opts.Log, "watch: %v; polling for changes every %s instead\n", err, opts.PollInterval)
			w.polling.Store(true)
			p = newPoller(sc, opts.PollInterval)
			select {
			case signals <- signal{full: true}:
			case <-ctx.Done():
				return
			}
		}
		p.run(ctx, signals)
	}()
	go func() {
		defer w.wg.Done()
		debounce(ctx, signals, w.batches, opts.Quiet, opts.MaxDelay, func(paths []string, full bool) Batch {
			return Batch{Paths: paths, Changes: Classify(root, paths), Full: full}
		})
	}()
	return w, nil
}

// Batches returns the channel of batches. It is closed when the Watcher
// stops. Read it promptly: while a batch waits, changes gather into the
// next one.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Polling reports whether the Watcher polls instead of using the system's
// file notifications.
func (w *Watcher) Polling() bool { return w.polling.Load() }

// Root returns the absolute site folder being watched.
func (w *Watcher) Root() string { return w.root }

// Close stops the Watcher, waits for its goroutines and closes Batches. A
// batch not yet read is dropped.
func (w *Watcher) Close() error {
	w.cancel()
	w.wg.Wait()
	return nil
}

// scope decides which paths under the site matter.
type scope struct {
	root   string   // absolute site folder
	ignore []string // absolute folders never watched
}

// rel returns p relative to the root in slash form, and whether a change
// there can matter to a build: site.toml, or a path inside a source folder
// that is not ignored.
func (s scope) rel(p string) (string, bool) {
	rel, ok := relative(s.root, p)
	if !ok || rel == "." {
		return "", false
	}
	for _, d := range s.ignore {
		if p == d || strings.HasPrefix(p, d+string(filepath.Separator)) {
			return "", false
		}
	}
	if rel == ConfigFile {
		return rel, true
	}
	top, _, _ := strings.Cut(rel, "/")
	if !SourceFolder(top) || IgnoredPath(rel) {
		return "", false
	}
	return rel, true
}

// isLimit reports whether err says a system limit on notifications was
// reached: inotify watches (ENOSPC) or instances and descriptors (EMFILE).
func isLimit(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE)
}
