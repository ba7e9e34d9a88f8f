package search

// keyTally counts the weights of one document's terms by key before they
// have shared ids: a CJK key, or wordKey plus a word's shared id. A term
// repeated in the document is then looked up in the shared table once.
//
// A slot is one word, the key above weightBits and the weight below, and
// the table follows the documents' sizes (it doubles when half full and
// halves, once, after a document that filled an eighth of it or less), so
// that the slots a document uses share few cache lines and stay in cache
// while it is counted: most documents take 8 or 16 KiB. A weight that
// would outgrow its bits moves to over, which almost no document needs.
// No key is 0: a CJK key's first character is not.
type keyTally struct {
	slots []uint64          // open addressing: key<<weightBits | weight, 0 when empty; at most half full
	bits  uint              // log2(len(slots))
	homes []uint32          // the slots in use, in first-seen order
	room  []uint64          // the array slots is cut from, zero past len(slots)
	over  map[uint64]uint32 // by key: weight moved out of its slot, which it would overflow
	moved []uint64          // scratch for grow
}

// wordKey marks a keyTally key that is a word's shared id (below 2^29);
// CJK keys are below it.
const wordKey = 1 << 42

// weightBits is the width of the weight in a keyTally slot: the key, below
// 2^43, takes the bits above it.
const weightBits = 64 - 43

// weightMask masks the weight out of a keyTally slot.
const weightMask = 1<<weightBits - 1

// bumpMax is the largest weight a slot may hold for a caller to add a
// field's weight (weightTitle at most) to it in place, without count.
const bumpMax = weightMask - weightTitle

// minKeyTallyBits is the smallest size of a keyTally's table,
// 1<<minKeyTallyBits slots.
const minKeyTallyBits = 9

// newKeyTally returns an empty tally.
func newKeyTally() keyTally {
	t := keyTally{room: make([]uint64, 1<<minKeyTallyBits)}
	t.resize(minKeyTallyBits)
	return t
}

// resize cuts a table of 1<<bits slots from room, which it must not
// outgrow, and whose slots past the table's must be zero.
func (t *keyTally) resize(bits uint) {
	t.slots = t.room[:1<<bits]
	t.bits = bits
}

// tallyHash returns the hash of a keyTally key, whose low bits give its
// home: bits from the middle of a product, unlike a shift by the table's
// size, cost no register of their own.
func tallyHash(key uint64) uint64 {
	return key * 0x9E3779B97F4A7C15 >> 24
}

// home returns the slot where key's probe starts. A caller that finds key
// there with a weight up to bumpMax, which is when the slot less
// key<<weightBits is at most bumpMax, adds to it at once, without a call
// to count, which covers most repeats (a function doing both is not
// inlined).
func (t *keyTally) home(key uint64) *uint64 {
	return &t.slots[tallyHash(key)&uint64(len(t.slots)-1)]
}

// count adds weight, at most weightTitle, to key.
func (t *keyTally) count(key uint64, weight uint32) {
	mask := uint64(len(t.slots) - 1)
	for h := tallyHash(key) & mask; ; h = (h + 1) & mask {
		s := &t.slots[h]
		switch {
		case *s>>weightBits == key:
			if *s&weightMask > bumpMax {
				t.spill(s)
			}
			*s += uint64(weight)
			return
		case *s == 0:
			*s = key<<weightBits | uint64(weight)
			t.homes = append(t.homes, uint32(h))
			if 2*len(t.homes) > len(t.slots) {
				t.grow()
			}
			return
		}
	}
}

// countPairs adds weight w, at most weightTitle, to the key of each pair
// of characters of CJK Unified Ideographs (U+4E00 to U+9FFF) that text
// begins with, the first pair being prev and text's first character, and
// returns the rest of text and the last character read, prev when it
// reads none. It is countHan's loop: the test of hanAt, written out on
// the rest of text, keeps the loop free of bounds checks on text, and the
// table's slots and mask stay in registers, reloaded only after count or
// grow. A new key whose home is free is put there without a call to
// count, which most of a document's new pairs are.
func (t *keyTally) countPairs(text string, prev rune, w uint32) (string, rune) {
	slots := t.slots
	mask := uint64(len(slots) - 1)
	p := uint64(prev)
	i := 0
	for ; i < len(text)-2; i += 3 {
		// U+4E00 to U+9FFF are E4 B8 80 to E9 BF BF, each of the two
		// last bytes a continuation byte, 80 to BF.
		v := uint64(text[i])<<16 | uint64(text[i+1])<<8 | uint64(text[i+2])
		if v-0xE4B880 > 0xE9BFBF-0xE4B880 || v&0xC0C0 != 0x8080 {
			break
		}
		r := v>>4&0xF000 | v>>2&0xFC0 | v&0x3F
		k := p<<21 | r // pairKey(p, r)
		p = r
		h := tallyHash(k) & mask
		s := &slots[h]
		if *s-k<<weightBits <= bumpMax {
			*s += uint64(w)
			continue
		}
		if *s == 0 {
			// count's insert, for the most new keys: those whose home
			// is free.
			*s = k<<weightBits | uint64(w)
			t.homes = append(t.homes, uint32(h))
			if 2*len(t.homes) <= len(slots) {
				continue
			}
			t.grow()
		} else {
			t.count(k, w)
		}
		slots = t.slots
		mask = uint64(len(slots) - 1)
	}
	return text[i:], rune(p)
}

// spill moves the weight of slot s to over.
func (t *keyTally) spill(s *uint64) {
	if t.over == nil {
		t.over = make(map[uint64]uint32)
	}
	t.over[*s>>weightBits] += uint32(*s & weightMask)
	*s &^= weightMask
}

// grow doubles the table, in room when room is large enough.
func (t *keyTally) grow() {
	bits := t.bits + 1
	old := t.slots
	if 1<<bits > len(t.room) {
		t.room = make([]uint64, 1<<bits)
	} else {
		t.moved = t.moved[:0]
		for _, h := range t.homes {
			t.moved = append(t.moved, old[h])
			old[h] = 0
		}
		old = nil
	}
	t.resize(bits)
	for i, h := range t.homes {
		if old != nil {
			t.homes[i] = t.place(old[h])
		} else {
			t.homes[i] = t.place(t.moved[i])
		}
	}
}

// place puts slot value v in the first free slot from its key's home and
// returns that slot.
func (t *keyTally) place(v uint64) uint32 {
	mask := uint64(len(t.slots) - 1)
	h := tallyHash(v>>weightBits) & mask
	for t.slots[h] != 0 {
		h = (h + 1) & mask
	}
	t.slots[h] = v
	return uint32(h)
}

// take appends the slots in use, key<<weightBits | weight, to dst in
// first-seen order and empties them, and sizes the table for the next
// document from this one. The weights of the keys that have one in over
// are weight's; done then empties over.
func (t *keyTally) take(dst []uint64) []uint64 {
	for _, h := range t.homes {
		dst = append(dst, t.slots[h])
		t.slots[h] = 0
	}
	if bits := t.bits; bits > minKeyTallyBits && 8*len(t.homes) <= len(t.slots) {
		t.resize(bits - 1) // slots past the new table are empty, as every slot is now
	}
	t.homes = t.homes[:0]
	return dst
}

// weight returns the weight of slot value v taken from the tally.
func (t *keyTally) weight(v uint64) uint32 {
	w := uint32(v & weightMask)
	if t.over != nil {
		w += t.over[v>>weightBits]
	}
	return w
}

// done empties over once the weights taken are read.
func (t *keyTally) done() {
	t.over = nil
}
