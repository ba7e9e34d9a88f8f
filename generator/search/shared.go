package search

import (
	"errors"
	"hash/maphash"
	"sync"
	"sync/atomic"
)

// sharedBits sets the number of shards of a sharedTable: 1<<sharedBits.
const sharedBits = 7

// localBits is the width of a term's number within its shard: a
// sharedTable's term id is local<<sharedBits | shard.
const localBits = 22

// localMask masks a local number out of a key slot.
const localMask = 1<<localBits - 1

// minSharedSlots is the starting size of a shard's tables.
const minSharedSlots = 1 << 6

// errTooManyTerms is the error of a shard that has no more room.
var errTooManyTerms = errors.New("search: more than 2^29 distinct terms")

// sharedTable gives each term a Builder meets an id, for any number of
// goroutines at once. A lookup of a term already there takes no lock: it
// reads the tables of one shard with atomic loads. Adding a term locks
// its shard, which alone writes the shard's tables; a table that must
// grow is copied and the copy published, so readers of the old one see
// every term it held (a term they miss they look up again under the
// lock). Ids are dense: a shard numbers its terms from 0 in the order
// they come, and the shards fill evenly by hash.
type sharedTable struct {
	seed   maphash.Seed
	single [1 << 16]atomic.Uint32 // by BMP code point: the id plus one of the lone character, 0 until known
	shards [1 << sharedBits]sharedShard
}

// sharedShard is one shard of a sharedTable: the terms whose hash has its
// number in the top bits.
type sharedShard struct {
	keys   atomic.Pointer[keySlots]  // CJK keys
	words  atomic.Pointer[wordSlots] // stemmed words
	mu     sync.Mutex                // held to add a term
	nKeys  int                       // keys held
	nWords int                       // words held
	next   uint32                    // the local number of the next term
	_      [64]byte                  // keeps shards' locks off one another's cache lines
}

// keySlots is an open-addressing table of CJK keys with linear probing.
// A slot holds key<<localBits | local number, 0 when empty, and is set
// once: a published table only ever fills.
type keySlots struct {
	slots []atomic.Uint64 // length a power of two, at most 70% full
	shift uint            // 64 less log2(len(slots))
}

// wordSlots is an open-addressing table of words with linear probing,
// each slot set once.
type wordSlots struct {
	slots []atomic.Pointer[wordEntry] // length a power of two, at most half full
}

// wordEntry is a word of a sharedTable.
type wordEntry struct {
	hash  uint64
	local uint32
	text  string
}

// newSharedTable returns an empty table.
func newSharedTable() *sharedTable {
	t := &sharedTable{seed: maphash.MakeSeed()}
	for k := range t.shards {
		s := &t.shards[k]
		s.keys.Store(&keySlots{slots: make([]atomic.Uint64, minSharedSlots), shift: 64 - 6})
		s.words.Store(&wordSlots{slots: make([]atomic.Pointer[wordEntry], minSharedSlots)})
	}
	return t
}

// keyHash is the hash of a CJK key: its top sharedBits pick the shard,
// the bits below them the slot.
func keyHash(k cjkKey) uint64 {
	return uint64(k) * 0x9E3779B97F4A7C15
}

// home returns the first slot to probe for a key of hash h.
func (t *keySlots) home(h uint64) uint64 {
	return h << sharedBits >> t.shift
}

// key returns the id of CJK key k, whose hash is h, adding the term when
// it is new.
func (t *sharedTable) key(k cjkKey, h uint64) (uint32, error) {
	sh := uint32(h >> (64 - sharedBits))
	tab := t.shards[sh].keys.Load()
	if local, ok := tab.find(k, h); ok {
		return local<<sharedBits | sh, nil
	}
	return t.addKey(k, h)
}

// find returns the local number of key k, whose hash is h.
func (t *keySlots) find(k cjkKey, h uint64) (uint32, bool) {
	mask := uint64(len(t.slots) - 1)
	for i := t.home(h); ; i = (i + 1) & mask {
		v := t.slots[i].Load()
		if v == 0 {
			return 0, false
		}
		if cjkKey(v>>localBits) == k {
			return uint32(v & localMask), true
		}
	}
}

// addKey is key for a key the lock-free lookup missed.
func (t *sharedTable) addKey(k cjkKey, h uint64) (uint32, error) {
	sh := uint32(h >> (64 - sharedBits))
	s := &t.shards[sh]
	s.mu.Lock()
	defer s.mu.Unlock()
	tab := s.keys.Load()
	if local, ok := tab.find(k, h); ok {
		return local<<sharedBits | sh, nil
	}
	local, err := s.newLocal()
	if err != nil {
		return 0, err
	}
	tab.place(uint64(k)<<localBits|uint64(local), h)
	if s.nKeys++; 10*s.nKeys > 7*len(tab.slots) {
		s.keys.Store(tab.grown())
	}
	return local<<sharedBits | sh, nil
}

// place stores slot value v, of a key whose hash is h, in the first free
// slot from its home.
func (t *keySlots) place(v, h uint64) {
	mask := uint64(len(t.slots) - 1)
	i := t.home(h)
	for t.slots[i].Load() != 0 {
		i = (i + 1) & mask
	}
	t.slots[i].Store(v)
}

// grown returns a copy of t twice the size.
func (t *keySlots) grown() *keySlots {
	n := &keySlots{slots: make([]atomic.Uint64, 2*len(t.slots)), shift: t.shift - 1}
	for i := range t.slots {
		if v := t.slots[i].Load(); v != 0 {
			n.place(v, keyHash(cjkKey(v>>localBits)))
		}
	}
	return n
}

// word returns the id of stemmed word w, adding the term when it is new.
func (t *sharedTable) word(w []byte) (uint32, error) {
	h := maphash.Bytes(t.seed, w)
	sh := uint32(h >> (64 - sharedBits))
	if e := t.shards[sh].words.Load().find(w, h); e != nil {
		return e.local<<sharedBits | sh, nil
	}
	return t.addWord(w, h)
}

// find returns the entry of word w, whose hash is h, or nil.
func (t *wordSlots) find(w []byte, h uint64) *wordEntry {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := t.slots[i].Load()
		if e == nil || e.hash == h && e.text == string(w) {
			return e
		}
	}
}

// addWord is word for a word the lock-free lookup missed.
func (t *sharedTable) addWord(w []byte, h uint64) (uint32, error) {
	sh := uint32(h >> (64 - sharedBits))
	s := &t.shards[sh]
	s.mu.Lock()
	defer s.mu.Unlock()
	tab := s.words.Load()
	if e := tab.find(w, h); e != nil {
		return e.local<<sharedBits | sh, nil
	}
	local, err := s.newLocal()
	if err != nil {
		return 0, err
	}
	tab.place(&wordEntry{hash: h, local: local, text: string(w)})
	if s.nWords++; 2*s.nWords > len(tab.slots) {
		s.words.Store(tab.grown())
	}
	return local<<sharedBits | sh, nil
}

// place stores e in the first free slot from its home.
func (t *wordSlots) place(e *wordEntry) {
	mask := uint64(len(t.slots) - 1)
	i := e.hash & mask
	for t.slots[i].Load() != nil {
		i = (i + 1) & mask
	}
	t.slots[i].Store(e)
}

// grown returns a copy of t twice the size.
func (t *wordSlots) grown() *wordSlots {
	n := &wordSlots{slots: make([]atomic.Pointer[wordEntry], 2*len(t.slots))}
	for i := range t.slots {
		if e := t.slots[i].Load(); e != nil {
			n.place(e)
		}
	}
	return n
}

// newLocal numbers a new term of the shard, whose lock the caller holds.
func (s *sharedShard) newLocal() (uint32, error) {
	local := s.next
	if local > localMask {
		return 0, errTooManyTerms
	}
	s.next++
	return local, nil
}

// char returns the id of the lone BMP character r.
func (t *sharedTable) char(r uint16) (uint32, error) {
	if v := t.single[r].Load(); v != 0 {
		return v - 1, nil
	}
	k := pairKey(rune(r), 0)
	id, err := t.key(k, keyHash(k))
	if err == nil {
		t.single[r].Store(id + 1)
	}
	return id, err
}

// idLimit returns one more than the largest id the table has given.
func (t *sharedTable) idLimit() int {
	most := uint32(0)
	for k := range t.shards {
		most = max(most, t.shards[k].next)
	}
	return int(most) << sharedBits
}

// counts returns the number of CJK keys and of words in the table.
func (t *sharedTable) counts() (keys, words int) {
	for k := range t.shards {
		keys += t.shards[k].nKeys
		words += t.shards[k].nWords
	}
	return keys, words
}

// each calls f with every term of the table: its shared id, and its CJK
// key or its word.
func (t *sharedTable) each(f func(id uint32, k cjkKey, word string)) {
	for sh := range t.shards {
		s := &t.shards[sh]
		keys := s.keys.Load()
		for i := range keys.slots {
			if v := keys.slots[i].Load(); v != 0 {
				f(uint32(v&localMask)<<sharedBits|uint32(sh), cjkKey(v>>localBits), "")
			}
		}
		words := s.words.Load()
		for i := range words.slots {
			if e := words.slots[i].Load(); e != nil {
				f(e.local<<sharedBits|uint32(sh), 0, e.text)
			}
		}
	}
}
