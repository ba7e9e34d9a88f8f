package search

import "math/bits"

// bitSorter sorts lists of distinct ids by placing each at its rank among
// them, counted in a bitset of the ids: one pass over the list and two
// over the bitset, which is quicker than a radix sort when the bitset has
// fewer words than the list has ids. Its zero value is ready.
type bitSorter struct {
	set    []uint64 // by id>>6: the ids present
	before []uint32 // by id>>6: the ids present in the words before
}

// worth reports whether sorting n ids below 1<<idBits takes bitSorter
// less work than sortByID.
func (s *bitSorter) worth(n, idBits int) bool {
	return n >= 48 && 1<<idBits <= 64*n
}

// sort sorts list, id<<32 | weight values with distinct ids below
// 1<<idBits, by id, into spare, and returns the sorted list and the
// other buffer for the next call.
func (s *bitSorter) sort(list, spare []uint64, idBits int) (sorted, rest []uint64) {
	words := (1<<idBits + 63) >> 6
	if cap(s.set) < words {
		s.set, s.before = make([]uint64, words), make([]uint32, words)
	}
	set, before := s.set[:words], s.before[:words]
	for _, v := range list {
		id := uint32(v >> 32)
		set[id>>6] |= 1 << (id & 63)
	}
	n := uint32(0)
	for i, w := range set {
		before[i] = n
		n += uint32(bits.OnesCount64(w))
	}
	if cap(spare) < len(list) {
		spare = make([]uint64, len(list), cap(list))
	}
	spare = spare[:len(list)]
	for _, v := range list {
		id := uint32(v >> 32)
		spare[before[id>>6]+uint32(bits.OnesCount64(set[id>>6]&(1<<(id&63)-1)))] = v
	}
	clear(set)
	return spare, list
}
