package watch

import (
	"context"
	"sort"
	"time"
)

// Default timings of a Watcher.
const (
	DefaultQuiet        = 10 * time.Millisecond  // a burst ends after this long without events: an editor's save is one burst
	DefaultMaxDelay     = time.Second            // a burst that never goes quiet is cut after this long
	DefaultPollInterval = 500 * time.Millisecond // the polling fallback's stat walk period
)

// Batch is one burst of changes, handed out once it went quiet.
type Batch struct {
	// Paths are the absolute paths that changed (written, created, removed
	// or renamed from or to), sorted, without duplicates.
	Paths []string
	// Changes says what the paths touched: Classify(root, Paths).
	Changes Changes
	// Full says the watcher may have missed changes (the event queue
	// overflowed, it switched to polling): only a build from scratch is
	// safe.
	Full bool
}

// signal is one change reported by a source: a path, or "lost track".
type signal struct {
	path string
	full bool
}

// burst gathers the changes of one burst. It is a plain value owned by one
// goroutine; every method takes the time, so tests drive it with any clock.
type burst struct {
	paths       map[string]struct{}
	full        bool
	first, last time.Time
}

// add records a change seen at now.
func (b *burst) add(s signal, now time.Time) {
	if b.empty() {
		b.first = now
	}
	b.last = now
	if s.full {
		b.full = true
	}
	if s.path != "" {
		if b.paths == nil {
			b.paths = map[string]struct{}{}
		}
		b.paths[s.path] = struct{}{}
	}
}

// empty reports whether no change is waiting.
func (b *burst) empty() bool { return len(b.paths) == 0 && !b.full }

// due returns when the burst should be handed out: quiet after its last
// change, but no later than maxDelay after its first.
func (b *burst) due(quiet, maxDelay time.Duration) time.Time {
	d := b.last.Add(quiet)
	if limit := b.first.Add(maxDelay); limit.Before(d) {
		return limit
	}
	return d
}

// take returns the burst's paths, sorted, and whether it asks for a full
// build, and empties it.
func (b *burst) take() ([]string, bool) {
	paths := make([]string, 0, len(b.paths))
	for p := range b.paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	full := b.full
	*b = burst{}
	return paths, full
}

// debounce turns the signals read from in into batches sent on out, one per
// burst, until ctx ends or in is closed; a burst still waiting when in is
// closed is sent before out is closed. While a batch waits for its reader
// (a rebuild is running), new signals gather into the next burst, so a
// rebuild never overlaps another and the changes made during one give
// exactly one more. The batch is built by makeBatch.
func debounce(ctx context.Context, in <-chan signal, out chan<- Batch, quiet, maxDelay time.Duration, makeBatch func([]string, bool) Batch) {
	defer close(out)
	var (
		cur   burst
		ready *Batch // handed out, not yet received
		timer = time.NewTimer(time.Hour)
	)
	defer timer.Stop()
	timer.Stop()
	for {
		var sendTo chan<- Batch
		var send Batch
		if ready != nil {
			sendTo, send = out, *ready
		}
		var fire <-chan time.Time
		if ready == nil && !cur.empty() {
			timer.Reset(time.Until(cur.due(quiet, maxDelay)))
			fire = timer.C
		}
		select {
		case <-ctx.Done():
			return
		case s, ok := <-in:
			if !ok {
				if ready != nil {
					select {
					case out <- *ready:
					case <-ctx.Done():
						return
					}
				}
				if !cur.empty() {
					select {
					case out <- makeBatch(cur.take()):
					case <-ctx.Done():
					}
				}
				return
			}
			cur.add(s, time.Now())
		case <-fire:
			b := makeBatch(cur.take())
			ready = &b
		case sendTo <- send:
			ready = nil
		}
		timer.Stop()
	}
}
