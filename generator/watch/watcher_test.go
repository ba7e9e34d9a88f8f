package watch

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// lockedBuffer is a log a Watcher's goroutines may write to.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// newSite writes a tiny site source into a temp folder.
func newSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for rel, text := range map[string]string{
		"site.toml":                    "title = \"T\"\n",
		"content/_index.md":            "+++\ntitle = \"Home\"\n+++\n",
		"content/news/a.md":            "+++\ntitle = \"A\"\n+++\n",
		"layouts/_default/single.html": "x",
		"static/css/extra.css":         "a{}",
	} {
		write(t, filepath.Join(root, rel), text)
	}
	return root
}

func write(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits for the next batch; the long timeout only guards against a
// hang, it is not what the test measures.
func next(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b, ok := <-w.Batches():
		if !ok {
			t.Fatal("batches closed")
		}
		return b
	case <-time.After(20 * time.Second):
		t.Fatal("no batch")
	}
	return Batch{}
}

// waitFor reads batches until one holds every wanted path and returns every
// path seen until then.
func waitFor(t *testing.T, w *Watcher, want ...string) []string {
	t.Helper()
	var seen []string
	for {
		b := next(t, w)
		seen = append(seen, b.Paths...)
		ok := true
		for _, p := range want {
			if !slices.Contains(seen, p) {
				ok = false
			}
		}
		if ok {
			return seen
		}
	}
}

func startWatcher(t *testing.T, opts Options, hooks notifyHooks) *Watcher {
	t.Helper()
	opts.Quiet = 20 * time.Millisecond
	opts.PollInterval = 20 * time.Millisecond
	w, err := start(context.Background(), opts, hooks)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// TestWatcherScenarios edits a site the way people and editors do and
// checks each change is reported, ignored files never are, and one burst is
// one batch; in notification mode and in polling mode.
func TestWatcherScenarios(t *testing.T) {
	for _, poll := range []bool{false, true} {
		t.Run(fmt.Sprintf("poll=%v", poll), func(t *testing.T) {
			root := newSite(t)
			out := filepath.Join(root, "public")
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			w := startWatcher(t, Options{Root: root, Ignore: []string{out}, Poll: poll}, notifyHooks{})
			if w.Polling() != poll {
				t.Fatalf("Polling() = %v", w.Polling())
			}
			p := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }

			// Editor files and the output folder alone are never reported:
			// the first batch after them holds only the real change.
			write(t, p("content/.a.md.swp"), "swap")
			write(t, p("content/4913"), "")
			write(t, p("content/a.md~"), "backup")
			write(t, p("public/index.html"), "out")
			write(t, p(".public.sineng-1/index.html"), "stage")
			write(t, p("README.md"), "not read by builds")
			write(t, p("content/news/a.md"), "+++\ntitle = \"A2\"\n+++\n")
			seen := waitFor(t, w, p("content/news/a.md"))
			for _, s := range seen {
				if s != p("content/news/a.md") {
					t.Errorf("reported %s", s)
				}
			}

			// site.toml, saved by writing a temp file and renaming it.
			write(t, p("site.toml.tmp"), "title = \"T2\"\n")
			if err := os.Rename(p("site.toml.tmp"), p("site.toml")); err != nil {
				t.Fatal(err)
			}
			b := next(t, w)
			for !b.Changes.Config {
				b = next(t, w)
			}

			// A folder created after start, with files, then a file in it.
			write(t, p("content/new/deep/x.md"), "x")
			waitFor(t, w, p("content/new/deep/x.md"))
			write(t, p("content/new/deep/y.md"), "y")
			waitFor(t, w, p("content/new/deep/y.md"))

			// A renamed folder: both names reported, and files in the new
			// place are seen with their new paths.
			if err := os.Rename(p("content/new"), p("content/moved")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, w, p("content/moved/deep/y.md"))
			write(t, p("content/moved/deep/z.md"), "z")
			waitFor(t, w, p("content/moved/deep/z.md"))

			// A source folder that did not exist at start.
			write(t, p("data/team.toml"), "a = 1\n")
			b = next(t, w)
			for len(b.Changes.Data) == 0 {
				b = next(t, w)
			}

			// Deletion.
			if err := os.Remove(p("content/_index.md")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, w, p("content/_index.md"))

			// A burst of many files: every one is reported (that a burst
			// is one batch is TestBurstOfThousandIsOneBatch's job).
			burst := make([]string, 300)
			for i := range burst {
				burst[i] = p(fmt.Sprintf("content/burst/%03d.md", i))
				write(t, burst[i], "b")
			}
			waitFor(t, w, burst...)
		})
	}
}

// TestWatcherFallsBackToPolling makes the system's watch limit run out
// while adding folders: the Watcher says so, polls, and still sees changes.
func TestWatcherFallsBackToPolling(t *testing.T) {
	root := newSite(t)
	var log lockedBuffer
	calls := 0
	hooks := notifyHooks{add: func(w *fsnotify.Watcher, dir string) error {
		calls++
		if calls > 2 {
			return fmt.Errorf("add watch %s: %w", dir, syscall.ENOSPC)
		}
		return w.Add(dir)
	}}
	w := startWatcher(t, Options{Root: root, Log: &log}, hooks)
	if !w.Polling() {
		t.Fatal("not polling after ENOSPC")
	}
	if !strings.Contains(log.String(), "polling for changes") {
		t.Errorf("no message about polling: %q", log.String())
	}
	target := filepath.Join(root, "content", "news", "a.md")
	write(t, target, "+++\ntitle = \"changed, longer\"\n+++\n")
	waitFor(t, w, target)
}

// TestWatcherFallsBackWhenGrowing hits the limit while adding a folder
// created after start: the Watcher switches to polling, asks for a full
// build, and keeps reporting changes.
func TestWatcherFallsBackWhenGrowing(t *testing.T) {
	root := newSite(t)
	var log lockedBuffer
	var mu sync.Mutex
	limit := false
	hooks := notifyHooks{add: func(w *fsnotify.Watcher, dir string) error {
		mu.Lock()
		defer mu.Unlock()
		if limit {
			return syscall.ENOSPC
		}
		return w.Add(dir)
	}}
	w := startWatcher(t, Options{Root: root, Log: &log}, hooks)
	if w.Polling() {
		t.Fatal("polling from the start")
	}
	mu.Lock()
	limit = true
	mu.Unlock()
	if err := os.MkdirAll(filepath.Join(root, "content", "grown"), 0o755); err != nil {
		t.Fatal(err)
	}
	for {
		if b := next(t, w); b.Full {
			break
		}
	}
	if !w.Polling() || !strings.Contains(log.String(), "polling for changes") {
		t.Fatalf("polling %v, log %q", w.Polling(), log.String())
	}
	target := filepath.Join(root, "content", "grown", "g.md")
	write(t, target, "g")
	waitFor(t, w, target)
}

func TestDiffStates(t *testing.T) {
	old := map[string]fileState{"/a": {1, 1}, "/b": {2, 2}, "/c": {3, 3}}
	cur := map[string]fileState{"/a": {1, 1}, "/b": {2, 5}, "/d": {4, 4}}
	if got, want := diffStates(old, cur), []string{"/b", "/c", "/d"}; !slices.Equal(got, want) {
		t.Errorf("diffStates = %v, want %v", got, want)
	}
}

func TestStartErrors(t *testing.T) {
	if _, err := Start(context.Background(), Options{Root: filepath.Join(t.TempDir(), "missing")}); err == nil {
		t.Error("Start on a missing folder succeeded")
	}
}

// TestCloseStops checks Close ends the goroutines and closes Batches.
func TestCloseStops(t *testing.T) {
	w, err := Start(context.Background(), Options{Root: newSite(t)})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if _, ok := <-w.Batches(); ok {
		t.Error("Batches still open after Close")
	}
}
