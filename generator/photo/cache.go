package photo

import (
	"container/list"
	"sync"
)

// Cache bounds: a build rarely shows one photo on more than a few pages, so a
// small window of recent results catches the repeats without holding every
// image of a large site in memory.
const (
	cacheEntries = 64
	cacheBytes   = 256 << 20
)

// result is what processing one source image yields, independent of the
// name it was published under.
type result struct {
	out      format
	full     encoded
	resized  []encoded // ascending width
	dataSize int
}

// encoded is one encoded picture of a result.
type encoded struct {
	width, height int
	data          []byte
}

// cache remembers recent results by the SHA-256 of their source bytes, least
// recently used first out, bounded by entry count and encoded size. Callers
// asking for a key already being computed wait for that computation instead
// of repeating it. Every field is guarded by mu; entries are never changed
// after their done channel is closed.
type cache struct {
	mu         sync.Mutex
	entries    map[[32]byte]*cacheEntry
	recent     *list.List // of *cacheEntry, most recently used at the front
	size       int        // sum of dataSize over the entries in recent
	maxEntries int
	maxBytes   int
}

// cacheEntry is one key's result, or a computation of it in progress.
type cacheEntry struct {
	key  [32]byte
	done chan struct{} // closed when res and err are set
	res  *result
	err  error
	elem *list.Element // nil while computing, and for results kept out
}

// newCache returns an empty cache with the given bounds.
func newCache(maxEntries, maxBytes int) *cache {
	return &cache{
		entries:    make(map[[32]byte]*cacheEntry),
		recent:     list.New(),
		maxEntries: maxEntries,
		maxBytes:   maxBytes,
	}
}

// do returns the result for key, calling compute only if no result is
// cached or being computed. Errors are returned to the waiting callers but
// not kept, so a later call tries again.
func (c *cache) do(key [32]byte, compute func() (*result, error)) (*result, error) {
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		if e.elem != nil {
			c.recent.MoveToFront(e.elem)
		}
		c.mu.Unlock()
		<-e.done
		return e.res, e.err
	}
	e := &cacheEntry{key: key, done: make(chan struct{})}
	c.entries[key] = e
	c.mu.Unlock()

	e.res, e.err = compute()

	c.mu.Lock()
	if e.err != nil || e.res.dataSize > c.maxBytes {
		delete(c.entries, key)
	} else {
		e.elem = c.recent.PushFront(e)
		c.size += e.res.dataSize
		for c.recent.Len() > c.maxEntries || c.size > c.maxBytes {
			old := c.recent.Remove(c.recent.Back()).(*cacheEntry)
			old.elem = nil
			c.size -= old.res.dataSize
			delete(c.entries, old.key)
		}
	}
	c.mu.Unlock()
	close(e.done)
	return e.res, e.err
}
