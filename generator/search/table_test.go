package search

import (
	"fmt"
	"testing"
)

func TestKeyTable(t *testing.T) {
	tests := []struct {
		name  string
		first uint32 // the id the first new key gets
	}{
		{"small ids", 0},
		{"ids past the slot's bits", idBits - 3},
	}
	for _, tc := range tests {
		tab := newKeyTable()
		const n = 5000 // several times minTableSlots, so the table grows
		key := func(i int) cjkKey { return pairKey(0x4E00+rune(i%300), 0x4E00+rune(i/300)+1) }
		for i := range n {
			id, added := tab.intern(key(i), tc.first+uint32(i))
			if !added || id != tc.first+uint32(i) {
				t.Fatalf("%s: intern(key %d) = %d, %v; want %d, true", tc.name, i, id, added, tc.first+uint32(i))
			}
		}
		for i := range n {
			if id, added := tab.intern(key(i), 1<<30); added || id != tc.first+uint32(i) {
				t.Fatalf("%s: intern(key %d) again = %d, %v; want %d, false", tc.name, i, id, added, tc.first+uint32(i))
			}
		}
		if tab.n != n || 10*tab.n > 7*len(tab.slots) {
			t.Errorf("%s: %d keys in %d slots", tc.name, tab.n, len(tab.slots))
		}
	}
}

func TestWordTable(t *testing.T) {
	tab := newWordTable()
	word := func(i int) []byte { return fmt.Appendf(nil, "w%dx", i) }
	const n = 3000
	for i := range n {
		w := word(i)
		h := tab.hash(w)
		if _, ok := tab.find(w, h); ok {
			t.Fatalf("find(%s) before add", w)
		}
		if number := tab.add(w, h, uint32(7*i)); number != uint32(i) {
			t.Fatalf("add(%s) = word %d, want %d", w, number, i)
		}
	}
	for i := range n {
		w := word(i)
		if id, ok := tab.find(w, tab.hash(w)); !ok || id != uint32(7*i) {
			t.Fatalf("find(%s) = %d, %v; want %d, true", w, id, ok, 7*i)
		}
		if got := string(tab.word(uint32(i))); got != string(w) {
			t.Fatalf("word(%d) = %q, want %q", i, got, w)
		}
	}
	if _, ok := tab.find([]byte("w1"), tab.hash([]byte("w1"))); ok {
		t.Error("find(w1) found a word never added")
	}
}

func TestTally(t *testing.T) {
	var tl tally = newTally()
	for round := range 2 { // the second round checks that reset empties it
		want := map[uint32]uint32{}
		var order []uint32
		for i := range 3 * minTallySlots { // enough distinct ids to grow
			id := uint32(i*7919) % 5000
			w := uint32(1 + i%5)
			if _, ok := want[id]; !ok {
				order = append(order, id)
			}
			want[id] += w
			tl.add(id, w)
		}
		if len(tl.ids) != len(order) {
			t.Fatalf("round %d: %d ids, want %d", round, len(tl.ids), len(order))
		}
		for i, id := range tl.ids {
			if id != order[i] || tl.weights[i] != want[id] {
				t.Fatalf("round %d: entry %d is id %d weight %d; want id %d weight %d",
					round, i, id, tl.weights[i], order[i], want[order[i]])
			}
			if k, ok := tl.find(id); !ok || k != i {
				t.Fatalf("round %d: find(%d) = %d, %v; want %d, true", round, id, k, ok, i)
			}
		}
		if k, ok := tl.find(5001); ok {
			t.Fatalf("round %d: find(5001) = %d, true for an id never added", round, k)
		}
		tl.reset()
	}
}
