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

// slotUvarint reads the uvarint of at most 32 bits at s[at:], which a
// chain record holds well formed, and returns it and the offset after it.
// It is inlined, and makes no call, so that the loop of a run's writer
// (groupWriter.postings, which reads the terms inline) keeps its state in
// registers where it reads a long term.
func slotUvarint(s []byte, at int) (uint32, int) {
	v := uint32(0)
	for shift := uint(0); ; shift += 7 {
		c := s[at]
		at++
		v |= uint32(c&0x7F) << (shift & 31)
		if c < 0x80 {
			return v, at
		}
	}
}
