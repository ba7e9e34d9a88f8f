package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
)

// TestSharedTable has goroutines add overlapping CJK keys and words at
// once and wants one id for each term, the same in every goroutine, the
// ids distinct and below idLimit, and each to list every term once.
func TestSharedTable(t *testing.T) {
	tab := newSharedTable()
	const n, goroutines = 20000, 6 // enough for every shard's tables to grow
	key := func(i int) cjkKey { return pairKey(0x4E00+rune(i%5000), 0x4E00+rune(i/5000)) }
	word := func(i int) []byte { return fmt.Appendf(nil, "w%d", i) }
	keyIDs := make([][]uint32, goroutines)
	wordIDs := make([][]uint32, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			keyIDs[g], wordIDs[g] = make([]uint32, n), make([]uint32, n)
			for _, i := range rand.New(rand.NewPCG(uint64(g), 1)).Perm(n) {
				var err error
				if keyIDs[g][i], err = tab.key(key(i), keyHash(key(i))); err != nil {
					t.Error(err)
				}
				if wordIDs[g][i], err = tab.word(word(i)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	for g := 1; g < goroutines; g++ {
		if !slices.Equal(keyIDs[g], keyIDs[0]) || !slices.Equal(wordIDs[g], wordIDs[0]) {
			t.Fatalf("goroutine %d got other ids than goroutine 0", g)
		}
	}
	seen := map[uint32]string{}
	tab.each(func(id uint32, k cjkKey, w string) {
		name := w
		if k != 0 {
			name = string(k.appendTo(nil))
		}
		if other, ok := seen[id]; ok {
			t.Fatalf("id %d is both %q and %q", id, other, name)
		}
		if int(id) >= tab.idLimit() {
			t.Fatalf("id %d of %q is not below idLimit %d", id, name, tab.idLimit())
		}
		seen[id] = name
	})
	if len(seen) != 2*n {
		t.Fatalf("each listed %d terms, want %d", len(seen), 2*n)
	}
	for i := range n {
		if got, want := seen[keyIDs[0][i]], string(key(i).appendTo(nil)); got != want {
			t.Fatalf("key %d: id %d is %q", i, keyIDs[0][i], got)
		}
		if got := seen[wordIDs[0][i]]; got != string(word(i)) {
			t.Fatalf("word %d: id %d is %q", i, wordIDs[0][i], got)
		}
	}
	if tab.idLimit() > 2*2*n+len(tab.shards)<<sharedBits {
		t.Errorf("idLimit %d for %d terms: ids are not dense", tab.idLimit(), 2*n)
	}
	// A lone character has the id of its key.
	id, err := tab.char(0x4E01)
	k := pairKey(0x4E01, 0)
	if want, err2 := tab.key(k, keyHash(k)); err != nil || err2 != nil || id != want || seen[id] != "" {
		t.Errorf("char(丁) = %d, %v; its key has id %d, %v", id, err, want, err2)
	}
	if again, _ := tab.char(0x4E01); again != id {
		t.Errorf("char(丁) = %d, then %d", id, again)
	}
}
