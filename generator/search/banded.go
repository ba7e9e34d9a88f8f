package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// listBandBits sets the width of a band of a banded list (see
// appendBanded): 1<<listBandBits consecutive shared ids. Each band a list
// holds costs it a few bytes of header; a pass over a run of bands skips
// the others by their lengths.
const listBandBits = 14

// bandOf returns the band of shared id id.
func bandOf(id uint32) uint32 {
	return id >> listBandBits
}

// bandStart returns the first shared id of band b.
func bandStart(b uint32) uint32 {
	return b << listBandBits
}

// readTerm reads the term of a forward list at offset at, where the term
// before is prev, and returns its id and weight and the offset after it.
func readTerm(list []byte, at int, prev uint32) (id, w uint32, next int) {
	v, n := binary.Uvarint(list[at:])
	at += n
	id, w = prev+uint32(v>>1), 1
	if v&1 != 0 {
		x, n := binary.Uvarint(list[at:])
		w, at = uint32(x), at+n
	}
	return id, w, at
}

// readCount reads the uvarint at b[at:] and returns it and the offset
// after it.
func readCount(b []byte, at int) (int, int) {
	if c := b[at]; c < 0x80 {
		return int(c), at + 1
	}
	v, n := binary.Uvarint(b[at:])
	return int(v), at + n
}

// A banded list is how a Builder keeps a document's terms: its terms in
// ascending shared id order, split into bands (see bandOf). For
// each band that holds any of them, in order, it has a uvarint of the
// band's number less the one before (the first counts from 0), a uvarint
// of the length of the band's part, and the part: the terms as
// appendTerm writes them, the first counted from the band's first id.
// measureLists reads a run of bands of every list at a time, skipping the
// parts of other bands by their lengths. A Builder keeps each list with
// streamPad bytes after it, so that termBytes may read past its last
// term.

// appendBanded appends the banded list of terms, id<<32 | weight sorted
// by id.
func appendBanded(dst []byte, terms []uint64) []byte {
	// Room for the longest list: a term takes at most two uvarints of 32
	// bits, and its band's two counts at most as much again.
	dst = slices.Grow(dst, 4*binary.MaxVarintLen32*len(terms))
	b, n := dst[:cap(dst)], len(dst)
	band := uint32(0)
	for i := 0; i < len(terms); {
		k := bandOf(uint32(terms[i] >> 32))
		n += binary.PutUvarint(b[n:], uint64(k-band))
		// Write the part after a one-byte length, and make room for a
		// longer one once the part's length is known.
		at := n + 1
		n = at
		end, prev := bandStart(k+1), bandStart(k)
		for ; i < len(terms); i++ {
			id, w := uint32(terms[i]>>32), uint32(terms[i])
			if id >= end {
				break
			}
			// As appendTerm writes it.
			v := uint64(id-prev) << 1
			switch {
			case w == 1 && v < 0x80: // most terms
				b[n] = byte(v)
				n++
			case w < 0x80 && v < 0x80:
				b[n], b[n+1] = byte(v|1), byte(w)
				n += 2
			default:
				n = putTerm(b, n, v, w)
			}
			prev = id
		}
		n = sizeBand(b, at, n)
		band = k
	}
	return b[:n]
}

// putTerm writes at b[n:] a term of a banded list whose gap is v>>1 and
// weight w, as appendTerm does, and returns the offset after it.
func putTerm(b []byte, n int, v uint64, w uint32) int {
	if w == 1 {
		return n + binary.PutUvarint(b[n:], v)
	}
	n += binary.PutUvarint(b[n:], v|1)
	return n + binary.PutUvarint(b[n:], uint64(w))
}

// sizeBand ends a band's part of a banded list, written at b[at:n] after
// a byte left for its length: it writes the length there, moving the
// part on when the length takes more than one byte, and returns the
// offset after the part.
func sizeBand(b []byte, at, n int) int {
	size := n - at
	if l := uvarintLen(uint64(size)); l > 1 {
		copy(b[at+l-1:], b[at:n])
		n += l - 1
	}
	binary.PutUvarint(b[at-1:], uint64(size))
	return n
}

// streamPad is how many bytes follow the end of a stream, so that
// termBytes may read past its last term, which may be one byte long.
const streamPad = 3

// termBytes returns the four bytes of s from at as a little-endian
// number, for shortTerm and decodeTerm, which read the three low ones: a
// load of four bytes is one instruction, where three are five or more.
func termBytes(s []byte, at int) uint32 {
	return binary.LittleEndian.Uint32(s[at : at+4 : at+4])
}

// shortTerm decodes a term of a banded list from its first bytes b as
// termBytes returns them, of which it reads the low three, as readTerm
// does, when its gap is below 64 and its weight below 128, which makes it
// one or two bytes: it returns the gap, the weight and the
// term's length, and ok false for any other term, which decodeTerm then
// reads. In most lists nearly all terms are short, and even where a third
// are not, the branch on ok costs less than decodeTerm on every term.
func shortTerm(b uint32) (gap, w, n uint32, ok bool) {
	heavy := b & 1
	return b >> 1 & 0x3F, 1 + (b>>8&0x7F-1)&-heavy, 1 + heavy, b&(0x80|heavy<<15) == 0
}

// decodeTerm decodes a term of a forward list from its first bytes b as
// termBytes returns them, of which it reads the low three, as readTerm
// does, when its gap is below 8192 and its weight below 128, which are
// most: without a branch on either's length, which would
// often be mispredicted. It returns the gap, the weight and the term's
// length, and ok false for any other term.
func decodeTerm(b uint32) (gap, w, n uint32, ok bool) {
	long := b >> 7 & 1
	v := b&0x7F | b>>1&0x3F80&-long
	heavy := v & 1
	wb := b >> (8 + 8*long) & 0xFF
	return v >> 1, 1 + (wb&0x7F-1)&-heavy, 1 + long + heavy, b>>15&long|wb>>7&heavy == 0
}

// uvarintLen returns the length of v as a uvarint.
func uvarintLen(v uint64) int {
	return (bits.Len64(v|1) + 6) / 7
}
