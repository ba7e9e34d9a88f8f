package search

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestKeyCacheMatchesTable looks up random CJK keys, more than the cache
// has slots so that keys evict one another, through an adder's keyCache
// and straight from the shared table, and requires the same id each time.
// It counts the lookups the cache answered, so that the test shows it
// holds keys at all.
func TestKeyCacheMatchesTable(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	table := newSharedTable()
	c := new(keyCache)
	keys := []cjkKey{pairKey(utf8.MaxRune, utf8.MaxRune), pairKey(0x4E00, 0), pairKey(1, 1)}
	for len(keys) < 3<<keyCacheBits {
		keys = append(keys, pairKey(rune(1+r.IntN(utf8.MaxRune)), rune(r.IntN(0x10000))))
	}
	hits := 0
	for round := range 3 {
		for range len(keys) {
			k := keys[r.IntN(len(keys))]
			if round == 0 {
				k = keys[r.IntN(1<<keyCacheBits/4)] // few keys: most are answered by the cache
			}
			h := keyHash(k)
			got, ok := c.hit(k, h)
			if ok {
				hits++
			} else {
				var err error
				if got, err = c.miss(table, k, h); err != nil {
					t.Fatal(err)
				}
			}
			want, err := table.key(k, h)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("round %d: key %x: id %d from the cache (hit %v), %d from the table", round, k, got, ok, want)
			}
		}
	}
	if hits < len(keys)/2 {
		t.Errorf("%d of %d lookups hit the cache", hits, 3*len(keys))
	}
}
