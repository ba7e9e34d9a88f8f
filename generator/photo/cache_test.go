package photo

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

// sized returns a compute function producing a result of n data bytes and
// counting its calls.
func sized(n int, calls *atomic.Int32) func() (*result, error) {
	return func() (*result, error) {
		calls.Add(1)
		return &result{dataSize: n}, nil
	}
}

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	c := newCache(2, 1000)
	var calls atomic.Int32
	key := func(b byte) [32]byte { return [32]byte{b} }
	c.do(key(1), sized(10, &calls))
	c.do(key(2), sized(10, &calls))
	c.do(key(1), sized(10, &calls)) // 1 is now the most recent
	c.do(key(3), sized(10, &calls)) // evicts 2
	if got := calls.Load(); got != 3 {
		t.Fatalf("%d computations, want 3", got)
	}
	c.do(key(1), sized(10, &calls))
	if got := calls.Load(); got != 3 {
		t.Errorf("key 1 was evicted; want key 2 evicted")
	}
	c.do(key(2), sized(10, &calls))
	if got := calls.Load(); got != 4 {
		t.Errorf("key 2 was still cached")
	}
	if len(c.entries) != 2 || c.recent.Len() != 2 || c.size != 20 {
		t.Errorf("entries %d, list %d, size %d; want 2, 2, 20", len(c.entries), c.recent.Len(), c.size)
	}
}

func TestCacheBoundedByBytes(t *testing.T) {
	c := newCache(10, 100)
	var calls atomic.Int32
	c.do([32]byte{1}, sized(60, &calls))
	c.do([32]byte{2}, sized(60, &calls))  // over 100 bytes: evicts 1
	c.do([32]byte{3}, sized(500, &calls)) // larger than the cache: not kept
	if c.size != 60 || len(c.entries) != 1 {
		t.Errorf("size %d with %d entries, want 60 with 1", c.size, len(c.entries))
	}
	c.do([32]byte{3}, sized(500, &calls))
	if got := calls.Load(); got != 4 {
		t.Errorf("%d computations, want 4", got)
	}
}

func TestCacheDoesNotKeepErrors(t *testing.T) {
	c := newCache(4, 100)
	fail := errors.New("boom")
	calls := 0
	compute := func() (*result, error) { calls++; return nil, fail }
	for range 2 {
		if _, err := c.do([32]byte{9}, compute); !errors.Is(err, fail) {
			t.Fatalf("err %v, want %v", err, fail)
		}
	}
	if calls != 2 {
		t.Errorf("%d computations, want 2 (errors are not cached)", calls)
	}
}

func TestCacheSharesComputationInFlight(t *testing.T) {
	c := newCache(4, 100)
	var calls atomic.Int32
	release := make(chan struct{})
	started := make(chan struct{})
	slow := func() (*result, error) {
		calls.Add(1)
		close(started)
		<-release
		return &result{dataSize: 1}, nil
	}
	var wg sync.WaitGroup
	results := make([]*result, 8)
	wg.Go(func() { results[0], _ = c.do([32]byte{7}, slow) })
	<-started
	for i := 1; i < len(results); i++ {
		wg.Go(func() { results[i], _ = c.do([32]byte{7}, slow) })
	}
	close(release)
	wg.Wait()
	if got := calls.Load(); got != 1 {
		t.Errorf("%d computations, want 1", got)
	}
	for i, r := range results {
		if r != results[0] {
			t.Errorf("caller %d got a different result", i)
		}
	}
}
