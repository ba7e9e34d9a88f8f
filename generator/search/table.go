package search

import "hash/maphash"

// minTableSlots is the starting size of an interning table.
const minTableSlots = 1 << 10

// keyTable maps CJK keys to term ids by open addressing with linear
// probing. A slot packs a key (42 bits) and an id (22 bits) into one word,
// 0 when empty; an id too large for its bits is kept in a map instead, and
// its slot holds idBits.
type keyTable struct {
	slots []uint64 // length a power of two, at most 70% full
	shift uint     // 64 less log2(len(slots))
	n     int      // keys held
	large map[cjkKey]uint32
}

// idBits is the mask of a keyTable slot's id.
const idBits = 1<<22 - 1

// newKeyTable returns an empty table.
func newKeyTable() keyTable {
	return newKeyTableFor(0)
}

// newKeyTableFor returns an empty table that holds n keys without
// growing.
func newKeyTableFor(n int) keyTable {
	size, shift := minTableSlots, uint(64-10)
	for 10*n > 7*size {
		size, shift = 2*size, shift-1
	}
	return keyTable{slots: make([]uint64, size), shift: shift}
}

// home returns the first slot to probe for key: the top bits of a
// multiplicative (Fibonacci) hash.
func (t *keyTable) home(key cjkKey) uint64 {
	return uint64(key) * 0x9E3779B97F4A7C15 >> t.shift
}

// intern returns the id of key, first giving it id next if it has none;
// added reports that it did.
func (t *keyTable) intern(key cjkKey, next uint32) (id uint32, added bool) {
	mask := uint64(len(t.slots) - 1)
	for h := t.home(key); ; h = (h + 1) & mask {
		s := t.slots[h]
		if cjkKey(s>>22) == key {
			if id = uint32(s & idBits); id == idBits {
				id = t.large[key]
			}
			return id, false
		}
		if s == 0 {
			if next >= idBits {
				if t.large == nil {
					t.large = make(map[cjkKey]uint32)
				}
				t.large[key] = next
			}
			t.slots[h] = uint64(key)<<22 | uint64(min(next, idBits))
			t.n++
			if 10*t.n > 7*len(t.slots) {
				t.grow()
			}
			return next, true
		}
	}
}

// grow doubles the table.
func (t *keyTable) grow() {
	old := t.slots
	t.slots = make([]uint64, 2*len(old))
	t.shift--
	mask := uint64(len(t.slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		h := t.home(cjkKey(s >> 22))
		for t.slots[h] != 0 {
			h = (h + 1) & mask
		}
		t.slots[h] = s
	}
}

// wordTable maps words to term ids by open addressing with linear
// probing, and keeps each word's bytes.
type wordTable struct {
	seed  maphash.Seed
	slots []wordSlot // length a power of two, at most half full
	text  []byte     // every word, back to back
	ends  []uint32   // by word number: end of the word in text
}

// wordSlot is one slot of a wordTable.
type wordSlot struct {
	check  uint32 // the top half of the word's hash
	idPlus uint32 // the id plus one; 0 marks an empty slot
	off    uint32 // where the word starts in text
	len    uint32 // the word's length
}

// newWordTable returns an empty table.
func newWordTable() wordTable {
	return newWordTableFor(0)
}

// newWordTableFor returns an empty table that holds n words without
// growing.
func newWordTableFor(n int) wordTable {
	size := minTableSlots
	for 2*n > size {
		size *= 2
	}
	return wordTable{seed: maphash.MakeSeed(), slots: make([]wordSlot, size)}
}

// word returns the bytes of word number i.
func (t *wordTable) word(i uint32) []byte {
	lo := uint32(0)
	if i > 0 {
		lo = t.ends[i-1]
	}
	return t.text[lo:t.ends[i]]
}

// token returns the UTF-8 of term ref, a CJK key or wordRef plus a word
// number of t, written into buf when it is a CJK term.
func (t *wordTable) token(ref termRef, buf *[8]byte) []byte {
	if ref&wordRef != 0 {
		return t.word(uint32(ref &^ wordRef))
	}
	return cjkKey(ref).appendTo(buf[:0])
}

// hash returns the hash of w that find and add take.
func (t *wordTable) hash(w []byte) uint64 {
	return maphash.Bytes(t.seed, w)
}

// find returns the id of w, whose hash is hash.
func (t *wordTable) find(w []byte, hash uint64) (id uint32, ok bool) {
	mask := uint64(len(t.slots) - 1)
	check := uint32(hash >> 32)
	for h := hash & mask; ; h = (h + 1) & mask {
		s := &t.slots[h]
		if s.idPlus == 0 {
			return 0, false
		}
		if s.check == check && int(s.len) == len(w) && sameBytes(t.text[s.off:s.off+s.len], w) {
			return s.idPlus - 1, true
		}
	}
}

// add adds w, which the table does not hold, with id, and returns its word
// number.
func (t *wordTable) add(w []byte, hash uint64, id uint32) uint32 {
	number := uint32(len(t.ends))
	off := uint32(len(t.text))
	t.text = append(t.text, w...)
	t.ends = append(t.ends, uint32(len(t.text)))
	t.place(wordSlot{check: uint32(hash >> 32), idPlus: id + 1, off: off, len: uint32(len(w))}, hash)
	if 2*len(t.ends) > len(t.slots) {
		t.grow()
	}
	return number
}

// place puts s in the first free slot from hash's home.
func (t *wordTable) place(s wordSlot, hash uint64) {
	mask := uint64(len(t.slots) - 1)
	h := hash & mask
	for t.slots[h].idPlus != 0 {
		h = (h + 1) & mask
	}
	t.slots[h] = s
}

// grow doubles the table.
func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]wordSlot, 2*len(old))
	for _, s := range old {
		if s.idPlus != 0 {
			t.place(s, t.hash(t.text[s.off:s.off+s.len]))
		}
	}
}

// reset empties the table, keeping its memory and its seed.
func (t *wordTable) reset() {
	clear(t.slots)
	t.text = t.text[:0]
	t.ends = t.ends[:0]
}

// sameBytes reports whether a and b are equal; for short words it is
// quicker than a call to bytes.Equal.
func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
