package search

// minTallySlots is the starting size of a tally's table, 1<<minTallyBits
// slots (a keyTally's is minKeyTallyBits).
const (
	minTallyBits  = 12
	minTallySlots = 1 << minTallyBits
)

// tally counts the weights of one document's terms. It is small enough
// to stay in a core's cache, unlike an array over all of a part's terms.
type tally struct {
	slots   []uint64 // open addressing: (id+1)<<32 | index in ids, 0 when empty; at most half full
	shift   uint     // 64 less log2(len(slots))
	ids     []uint32 // the document's terms in first-seen order
	weights []uint32 // by index in ids
	homes   []uint32 // by index in ids: the slot that holds it
}

// newTally returns an empty tally.
func newTally() tally {
	return tally{slots: make([]uint64, minTallySlots), shift: 64 - minTallyBits}
}

// add adds weight to term id.
func (t *tally) add(id, weight uint32) {
	mask := uint32(len(t.slots) - 1)
	for h := uint32(uint64(id+1) * 0x9E3779B97F4A7C15 >> t.shift); ; h = (h + 1) & mask {
		s := t.slots[h]
		if s == 0 {
			t.slots[h] = uint64(id+1)<<32 | uint64(len(t.ids))
			t.ids = append(t.ids, id)
			t.weights = append(t.weights, weight)
			t.homes = append(t.homes, h)
			if 2*len(t.ids) > len(t.slots) {
				t.grow()
			}
			return
		}
		if uint32(s>>32) == id+1 {
			t.weights[uint32(s)] += weight
			return
		}
	}
}

// find returns the index in ids of term id, if the tally has it.
func (t *tally) find(id uint32) (int, bool) {
	mask := uint32(len(t.slots) - 1)
	for h := uint32(uint64(id+1) * 0x9E3779B97F4A7C15 >> t.shift); ; h = (h + 1) & mask {
		s := t.slots[h]
		if s == 0 {
			return 0, false
		}
		if uint32(s>>32) == id+1 {
			return int(uint32(s)), true
		}
	}
}

// grow doubles the table.
func (t *tally) grow() {
	t.slots = make([]uint64, 2*len(t.slots))
	t.shift--
	mask := uint32(len(t.slots) - 1)
	for i, id := range t.ids {
		h := uint32(uint64(id+1) * 0x9E3779B97F4A7C15 >> t.shift)
		for t.slots[h] != 0 {
			h = (h + 1) & mask
		}
		t.slots[h] = uint64(id+1)<<32 | uint64(i)
		t.homes[i] = h
	}
}

// reset empties the tally for the next document.
func (t *tally) reset() {
	for _, h := range t.homes {
		t.slots[h] = 0
	}
	t.ids = t.ids[:0]
	t.weights = t.weights[:0]
	t.homes = t.homes[:0]
}
