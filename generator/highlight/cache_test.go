package highlight

import (
	"bytes"
	"fmt"
	"testing"
)

func TestCachedBlockMatchesFresh(t *testing.T) {
	h := New("")
	tests := []struct{ code, lang string }{
		{"func main() {}\n", "go"},
		{"func main() {}\n", " go "}, // trimmed to the same language
		{"func main() {}\n", "python"},
		{"title = \"x\"\n", "toml"},
		{"", "go"},
	}
	for _, tt := range tests {
		first := block(t, h, tt.code, tt.lang)
		again := block(t, h, tt.code, tt.lang)
		fresh := block(t, New(""), tt.code, tt.lang)
		if first != fresh || again != fresh {
			t.Errorf("%s %q: cached output differs from a fresh highlighter:\n%s\n%s\nwant\n%s", tt.lang, tt.code, first, again, fresh)
		}
	}
}

func TestCacheKeySeparatesLanguageAndCode(t *testing.T) {
	if newCacheKey("go", []byte("x")) == newCacheKey("gox", nil) || newCacheKey("g", []byte("ox")) == newCacheKey("go", []byte("x")) {
		t.Error("language and code run together in the cache key")
	}
}

func TestCacheIsBounded(t *testing.T) {
	var c blockCache
	for i := range maxCachedBlocks * 3 {
		c.put(newCacheKey("go", []byte(fmt.Sprint(i))), []byte("<span>x</span>"))
	}
	if n := len(c.cur) + len(c.prev); n > maxCachedBlocks {
		t.Errorf("cache holds %d blocks, more than %d", n, maxCachedBlocks)
	}
	big := bytes.Repeat([]byte("x"), maxCachedBlock+1)
	k := newCacheKey("go", big)
	c.put(k, big)
	if _, ok := c.get(k); ok {
		t.Error("a block over the size limit was cached")
	}
	var sized blockCache
	chunk := bytes.Repeat([]byte("y"), maxCachedBlock)
	for i := range 2 * maxCacheBytes / maxCachedBlock {
		sized.put(newCacheKey("go", []byte(fmt.Sprint(i))), chunk)
	}
	if sized.curBytes > maxCacheBytes/2 || (len(sized.cur)+len(sized.prev))*maxCachedBlock > maxCacheBytes {
		t.Errorf("cache holds %d + %d blocks of %d bytes, more than %d bytes", len(sized.cur), len(sized.prev), maxCachedBlock, maxCacheBytes)
	}
}

func TestCacheHitSurvivesRotation(t *testing.T) {
	var c blockCache
	keep := newCacheKey("go", []byte("keep"))
	c.put(keep, []byte("kept"))
	for i := range maxCachedBlocks * 2 {
		if _, ok := c.get(keep); !ok {
			t.Fatalf("block in use dropped after %d other blocks", i)
		}
		c.put(newCacheKey("go", []byte(fmt.Sprint(i))), []byte("z"))
	}
}
