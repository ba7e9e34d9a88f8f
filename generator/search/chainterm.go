package search

import "encoding/binary"

// A term of a chain record (see chain) is two bytes, its slot less the
// one of the term before in the record (the first counts from 0) and its
// weight, when both are below 256, as nearly all are: the writer of a run
// reads a term with two loads and one branch that is almost never taken,
// where the uvarints of a banded list cost it a decode of several shifts
// and masks. Any other term is two zero bytes, which no weight makes, and
// the uvarints of its slot gap and weight after them.

// appendSlotTerm appends to a chain record the term whose slot is gap
// after the record's term before, and whose weight is w, never 0.
func appendSlotTerm(rec []byte, gap, w uint32) []byte {
	if gap < 0x100 && w < 0x100 {
		return append(rec, byte(gap), byte(w))
	}
	rec = append(rec, 0, 0)
	rec = binary.AppendUvarint(rec, uint64(gap))
	return binary.AppendUvarint(rec, uint64(w))
}

// readSlotTerm reads the chain record term that begins at at and returns
// its slot gap and weight and the offset after it.
func readSlotTerm(s []byte, at int) (gap, w uint32, next int) {
	gap, w = uint32(s[at]), uint32(s[at+1])
	if w == 0 {
		return readLongSlotTerm(s, at+2)
	}
	return gap, w, at + 2
}

// readLongSlotTerm reads the uvarints of a term that did not fit two
// bytes, from at, the offset after its two zero bytes.
func readLongSlotTerm(s []byte, at int) (gap, w uint32, next int) {
	g, n := binary.Uvarint(s[at:])
	at += n
	x, n := binary.Uvarint(s[at:])
	return uint32(g), uint32(x), at + n
}
