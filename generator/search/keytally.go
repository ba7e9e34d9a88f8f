package search

// keyTally counts the weights of one document's terms by key before they
// have shared ids: a CJK key, or wordKey plus a word's shared id. A term
// repeated in the document is then looked up in the shared table once. It
// is small enough to stay in a core's cache. No key is 0: a CJK key's
// first character is not.
type keyTally struct {
	slots []tallySlot // open addressing, at most half full
	shift uint        // 64 less log2(len(slots))
	homes []uint32    // the slots in use, in first-seen order
}

// tallySlot is one slot of a keyTally.
type tallySlot struct {
	key    uint64 // 0 marks an empty slot
	weight uint32
}

// wordKey marks a keyTally key that is a word's shared id; CJK keys are
// below it.
const wordKey = 1 << 62

// newKeyTally returns an empty tally.
func newKeyTally() keyTally {
	return keyTally{slots: make([]tallySlot, minTallySlots), shift: 64 - minTallyBits}
}

// home returns the slot where key's probe starts. A caller that finds
// key there adds to its weight at once, without a call to count, which
// covers most repeats (a function doing both is not inlined).
func (t *keyTally) home(key uint64) *tallySlot {
	return &t.slots[key*0x9E3779B97F4A7C15>>t.shift]
}

// count adds weight to key, at once when its home slot holds it or is
// empty, as it most often does, else through add.
func (t *keyTally) count(key uint64, weight uint32) {
	h := key * 0x9E3779B97F4A7C15 >> t.shift
	switch s := &t.slots[h]; s.key {
	case key:
		s.weight += weight
	case 0:
		*s = tallySlot{key, weight}
		if t.homes = append(t.homes, uint32(h)); 2*len(t.homes) > len(t.slots) {
			t.grow()
		}
	default:
		t.add(key, weight)
	}
}

// add adds weight to key.
func (t *keyTally) add(key uint64, weight uint32) {
	mask := uint64(len(t.slots) - 1)
	for h := key * 0x9E3779B97F4A7C15 >> t.shift; ; h = (h + 1) & mask {
		s := &t.slots[h]
		switch s.key {
		case key:
			s.weight += weight
			return
		case 0:
			*s = tallySlot{key, weight}
			t.homes = append(t.homes, uint32(h))
			if 2*len(t.homes) > len(t.slots) {
				t.grow()
			}
			return
		}
	}
}

// grow doubles the table.
func (t *keyTally) grow() {
	old := t.slots
	t.slots = make([]tallySlot, 2*len(old))
	t.shift--
	mask := uint64(len(t.slots) - 1)
	for i, o := range t.homes {
		h := old[o].key * 0x9E3779B97F4A7C15 >> t.shift
		for t.slots[h].key != 0 {
			h = (h + 1) & mask
		}
		t.slots[h] = old[o]
		t.homes[i] = uint32(h)
	}
}

// reset empties the tally for the next document.
func (t *keyTally) reset() {
	for _, h := range t.homes {
		t.slots[h].key = 0
	}
	t.homes = t.homes[:0]
}
