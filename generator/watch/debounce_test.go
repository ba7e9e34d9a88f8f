package watch

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// TestBurstDue drives the burst with a fake clock: the batch is due a quiet
// spell after the last event, but never later than the cap after the first.
func TestBurstDue(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	const quiet, maxDelay = 100 * time.Millisecond, time.Second
	tests := []struct {
		name    string
		offsets []time.Duration // event times after t0
		due     time.Duration
	}{
		{"one event", []time.Duration{0}, 100 * time.Millisecond},
		{"two close events", []time.Duration{0, 50 * time.Millisecond}, 150 * time.Millisecond},
		{"a steady stream is capped", []time.Duration{0, 300 * time.Millisecond, 600 * time.Millisecond, 950 * time.Millisecond}, time.Second},
		{"late event after first", []time.Duration{0, 990 * time.Millisecond}, time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b burst
			for i, off := range tt.offsets {
				b.add(signal{path: fmt.Sprintf("/s/content/%d.md", i)}, t0.Add(off))
			}
			if got := b.due(quiet, maxDelay).Sub(t0); got != tt.due {
				t.Errorf("due after %v, want %v", got, tt.due)
			}
		})
	}
}

// TestBurstOfThousandIsOneBatch feeds a thousand events 50µs apart (a git
// checkout) into one burst: a single batch, due once they go quiet.
func TestBurstOfThousandIsOneBatch(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var b burst
	now := t0
	for i := range 1000 {
		now = t0.Add(time.Duration(i) * 50 * time.Microsecond)
		if !b.empty() && !now.Before(b.due(DefaultQuiet, DefaultMaxDelay)) {
			t.Fatalf("event %d: the burst was already due", i)
		}
		b.add(signal{path: fmt.Sprintf("/s/content/p%04d.md", i%600)}, now)
	}
	if got, want := b.due(DefaultQuiet, DefaultMaxDelay), now.Add(DefaultQuiet); !got.Equal(want) {
		t.Errorf("due at %v, want %v", got, want)
	}
	paths, full := b.take()
	if len(paths) != 600 || full {
		t.Errorf("took %d paths (full %v), want 600 distinct", len(paths), full)
	}
	if paths[0] != "/s/content/p0000.md" || paths[599] != "/s/content/p0599.md" {
		t.Errorf("paths not sorted: %s … %s", paths[0], paths[599])
	}
	if !b.empty() {
		t.Error("burst not empty after take")
	}
}

func TestBurstFull(t *testing.T) {
	var b burst
	b.add(signal{full: true}, time.Now())
	if b.empty() {
		t.Fatal("a full signal alone left the burst empty")
	}
	paths, full := b.take()
	if len(paths) != 0 || !full {
		t.Errorf("take() = %v, %v; want no paths, full", paths, full)
	}
}

func collect(out <-chan Batch) chan []Batch {
	done := make(chan []Batch, 1)
	go func() {
		var got []Batch
		for b := range out {
			got = append(got, b)
		}
		done <- got
	}()
	return done
}

func batchOf(paths []string, full bool) Batch { return Batch{Paths: paths, Full: full} }

// TestDebounceLoopOneBatch sends a thousand events into the real loop with
// a quiet spell longer than the test, then closes the input: the burst is
// flushed as exactly one batch.
func TestDebounceLoopOneBatch(t *testing.T) {
	in := make(chan signal)
	out := make(chan Batch)
	go debounce(context.Background(), in, out, time.Hour, time.Hour, batchOf)
	done := collect(out)
	for i := range 1000 {
		in <- signal{path: fmt.Sprintf("/s/content/%04d.md", i)}
	}
	close(in)
	got := <-done
	if len(got) != 1 {
		t.Fatalf("%d batches, want 1", len(got))
	}
	if len(got[0].Paths) != 1000 {
		t.Errorf("batch has %d paths, want 1000", len(got[0].Paths))
	}
}

// TestDebounceLoopQuiet checks that a burst is handed out once it goes
// quiet, without closing the input.
func TestDebounceLoopQuiet(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan signal)
	out := make(chan Batch)
	go debounce(ctx, in, out, time.Millisecond, time.Hour, batchOf)
	in <- signal{path: "/s/content/a.md"}
	in <- signal{path: "/s/content/b.md"}
	select {
	case b := <-out:
		if want := []string{"/s/content/a.md", "/s/content/b.md"}; !reflect.DeepEqual(b.Paths, want) && !reflect.DeepEqual(b.Paths, want[:1]) {
			t.Errorf("batch %v", b.Paths)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no batch after the burst went quiet")
	}
}

// TestDebounceHoldsWhileBusy: while a batch waits for its reader (a rebuild
// runs), the loop keeps taking events (a blocked loop would stall the
// sends below) and gathers them into the next batch, so nothing is lost and
// no more than one batch follows.
func TestDebounceHoldsWhileBusy(t *testing.T) {
	in := make(chan signal)
	out := make(chan Batch)
	go debounce(context.Background(), in, out, time.Millisecond, time.Millisecond, batchOf)
	send := func(p string) {
		select {
		case in <- signal{path: p}:
		case <-time.After(10 * time.Second):
			t.Fatalf("the loop stopped taking events while its batch was unread (sending %s)", p)
		}
	}
	send("/s/content/first.md")
	for i := range 200 {
		send(fmt.Sprintf("/s/content/later%03d.md", i))
	}
	close(in)
	var batches []Batch
	seen := map[string]bool{}
	for b := range out {
		batches = append(batches, b)
		for _, p := range b.Paths {
			seen[p] = true
		}
	}
	if len(seen) != 201 {
		t.Errorf("%d distinct paths handed out, want 201", len(seen))
	}
	if len(batches) > 2 {
		t.Errorf("%d batches, want at most 2 (the one waiting and one more)", len(batches))
	}
}

// TestDebounceStopsOnCancel: the loop ends and closes its output when the
// context ends.
func TestDebounceStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan signal)
	out := make(chan Batch)
	go debounce(ctx, in, out, time.Hour, time.Hour, batchOf)
	in <- signal{path: "/s/content/a.md"}
	cancel()
	for range out {
	}
}
