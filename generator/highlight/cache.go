package highlight

import (
	"crypto/sha256"
	"sync"
)

// Bounds of a Highlighter's cache of highlighted code. Sites repeat code
// blocks (a config snippet, a schedule) across many pages; chroma's lexers
// are slow enough that one lookup is far cheaper than a second pass.
const (
	maxCachedBlocks = 4096     // entries, over both generations
	maxCacheBytes   = 16 << 20 // bytes of HTML, over both generations
	maxCachedBlock  = 64 << 10 // a larger block is highlighted every time
)

// cacheKey identifies a block by its language and code.
type cacheKey [sha256.Size]byte

func newCacheKey(lang string, code []byte) cacheKey {
	h := sha256.New()
	h.Write([]byte(lang))
	h.Write([]byte{0})
	h.Write(code)
	var k cacheKey
	h.Sum(k[:0])
	return k
}

// blockCache maps a block to the HTML chroma made of its tokens. It keeps
// two generations: when the current one is full it becomes the previous
// one and the older entries are dropped, so memory stays bounded and blocks
// still in use survive by being promoted on a hit. It is safe for
// concurrent use.
type blockCache struct {
	mu        sync.Mutex
	cur, prev map[cacheKey][]byte
	curBytes  int
}

// get returns the cached HTML for k. The caller must not modify it.
func (c *blockCache) get(k cacheKey) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	v, ok := c.prev[k]
	if ok {
		c.addLocked(k, v)
	}
	return v, ok
}

// put stores html for k; html must not be modified afterwards.
func (c *blockCache) put(k cacheKey, html []byte) {
	if len(html) > maxCachedBlock {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.addLocked(k, html)
}

func (c *blockCache) addLocked(k cacheKey, html []byte) {
	if _, ok := c.cur[k]; ok {
		return
	}
	if c.cur == nil || len(c.cur) >= maxCachedBlocks/2 || c.curBytes+len(html) > maxCacheBytes/2 {
		c.prev, c.cur, c.curBytes = c.cur, make(map[cacheKey][]byte), 0
	}
	c.cur[k] = html
	c.curBytes += len(html)
}
