package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// maxSorterBits bounds the ids a bitSorter takes: below 1<<maxSorterBits,
// so that its tables are arrays that need no bounds checks.
const maxSorterBits = 16

// setWords is the length of a bitSorter's bitset.
const setWords = 1 << (maxSorterBits - 6)

// bitSorter writes lists of distinct ids as banded lists, in id order,
// without sorting them: it marks each id in a bitset and keeps its weight
// in a table by id, then reads the bitset in order, which is quicker than
// a radix sort when the bitset has fewer words than the list has ids. Its
// zero value is ready.
type bitSorter struct {
	set     *[setWords]uint64          // by id>>6: the ids present; all zero between calls
	weights *[1 << maxSorterBits]uint8 // by id: the weight, or heavyWeight; only the ids present are read
	heavy   []uint64                   // the terms whose weight is heavyWeight or more, by id
	next    int                        // the first of heavy not yet written
}

// heavyWeight marks in bitSorter.weights a weight too large for a byte,
// which bitSorter.heavy then holds.
const heavyWeight = 0xFF

// worth reports whether writing n ids below 1<<idBits takes bitSorter
// less work than sortByID and appendBanded.
func (s *bitSorter) worth(n, idBits int) bool {
	return n >= 48 && 1<<idBits <= 64*n && idBits <= maxSorterBits
}

// appendBanded appends to dst the banded list of list, id<<32 | weight
// values with distinct ids below 1<<idBits, in any order, as the function
// appendBanded does for the list sorted by id.
func (s *bitSorter) appendBanded(dst []byte, list []uint64, idBits int) []byte {
	s.mark(list)
	// As appendBanded writes it, with room for the longest list and for
	// the two bytes the common term is written with, whatever its length.
	dst = slices.Grow(dst, 4*binary.MaxVarintLen32*len(list)+2)
	b, n := dst[:cap(dst)], len(dst)
	words := uint32(1) << max(idBits-6, 0)
	const bandWords = 1 << (listBandBits - 6)
	band := uint32(0)
	for i := uint32(0); i < words; i++ {
		if s.set[i&(setWords-1)] == 0 {
			continue
		}
		k := i / bandWords
		n += binary.PutUvarint(b[n:], uint64(k-band))
		at := n + 1
		end := min(words, (k+1)*bandWords)
		n = sizeBand(b, at, s.band(b, at, i, end, bandStart(k)))
		band, i = k, end-1
	}
	return b[:n]
}

// mark sets the bits of list's ids and their weights, and keeps the heavy
// terms in order.
func (s *bitSorter) mark(list []uint64) {
	if s.set == nil {
		s.set, s.weights = new([setWords]uint64), new([1 << maxSorterBits]uint8)
	}
	set, weights := s.set, s.weights
	heavy := s.heavy[:0]
	for _, v := range list {
		id := uint16(v >> 32)
		set[id>>6&(setWords-1)] |= 1 << (id & 63)
		w := uint32(v)
		if w >= heavyWeight {
			heavy = append(heavy, v)
			w = heavyWeight
		}
		weights[id] = uint8(w)
	}
	if len(heavy) > 1 {
		slices.Sort(heavy)
	}
	s.heavy, s.next = heavy, 0
}

// band writes at b[n:] the terms of the bitset's words from to end, where
// the term before is prev, clears those words, and returns the offset
// after the terms.
func (s *bitSorter) band(b []byte, n int, from, end, prev uint32) int {
	set, weights := s.set, s.weights
	for i := from; i < end; i++ {
		x := set[i&(setWords-1)]
		if x == 0 {
			continue
		}
		set[i&(setWords-1)] = 0
		for base := i << 6; x != 0; x &= x - 1 {
			id := base | uint32(bits.TrailingZeros64(x))
			w := uint32(weights[uint16(id)])
			v := (id - prev) << 1
			prev = id
			if v|w < 0x80 { // most terms: one byte, or two with a weight
				heavy := (w + 0x7E) >> 7 // 1 when w > 1
				b[n] = byte(v | heavy)
				b[n+1] = byte(w) // past the term when w is 1
				n += int(1 + heavy)
				continue
			}
			n = s.putTerm(b, n, v, w)
		}
	}
	return n
}

// putTerm is putTerm for the weight w a bitSorter keeps, which may be
// heavyWeight.
func (s *bitSorter) putTerm(b []byte, n int, v, w uint32) int {
	if w == heavyWeight {
		w = uint32(s.heavy[s.next])
		s.next++
	}
	return putTerm(b, n, uint64(v), w)
}
