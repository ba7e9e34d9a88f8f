package search

import (
	"encoding/binary"
	"hash/crc32"
	"slices"
)

// noDoc marks a term that no document has been written for yet.
const noDoc = ^uint32(0)

// groupWriter writes the files of one run at a time.
type groupWriter struct {
	s *assembly
	// By slot: where the term's next posting goes and its last document,
	// or noDoc.
	terms []struct {
		at   int
		last uint32
	}
	// By member of the file being laid out: its term, slot and entry
	// size, gathered before they are used.
	refs  []termRef
	slots []uint32
	sizes []int
}

// write writes the files of run g into buf, grown as needed, and returns
// them back to back. It drops the run's postings as it reads them, and
// sets the files' CRCs.
func (w *groupWriter) write(g int, buf []byte) []byte {
	s := w.s
	fa, fb := s.groups.files[g], s.groups.files[g+1]
	base := fileStart(s.ends, fa)
	size := s.ends[fb-1] - base
	if cap(buf) < size {
		// Room for any run but one of a large file, so that it is used
		// again.
		buf = make([]byte, size, max(size, s.group))
	}
	buf = buf[:size]
	n := 0
	for f := fa; f < fb; f++ {
		n += len(s.lay.files[f])
	}
	w.terms = slices.Grow(w.terms[:0], n)[:n]
	// Lay out the entries: each key, then room for its postings. The
	// first posting writes the "[".
	for f := fa; f < fb; f++ {
		w.gather(s.lay.files[f])
		at, sep := fileStart(s.ends, f)-base, byte('{')
		for i, ref := range w.refs {
			buf[at], sep = sep, ','
			key := s.toks.appendRef(buf[at+1:at+1], ref) // in place
			buf[at+1+len(key)] = ':'
			t := &w.terms[w.slots[i]]
			t.at, t.last = at+2+len(key), noDoc
			at += 1 + w.sizes[i]
			buf[at-1] = ']'
		}
		if sep == '{' {
			buf[at] = '{'
			at++
		}
		buf[at] = '}'
	}
	for k := range s.streams {
		c := &s.streams[k][g]
		c.each(func(blk []byte) { w.postings(buf, blk) })
		*c = chain{}
	}
	for f := fa; f < fb; f++ {
		s.crcs[f] = crc32.ChecksumIEEE(buf[fileStart(s.ends, f)-base : s.ends[f]-base])
	}
	return buf
}

// gather sets w.refs, w.slots and w.sizes to those of the terms of
// members, by rank: the terms lie anywhere in the tables, and loads that
// do not wait on one another let their cache misses overlap.
func (w *groupWriter) gather(members []int) {
	s := w.s
	n := len(members)
	w.refs = slices.Grow(w.refs[:0], n)[:n]
	w.slots = slices.Grow(w.slots[:0], n)[:n]
	w.sizes = slices.Grow(w.sizes[:0], n)[:n]
	for i, r := range members {
		w.refs[i], w.slots[i], w.sizes[i] = s.toks.refs[r], s.slot[r], s.sizes[r]
	}
}

// postings writes the postings of s, a block of a run's records, at their
// terms' places in buf.
func (w *groupWriter) postings(buf, s []byte) {
	d, terms := uint32(0), w.terms
	for at := 0; at < len(s); {
		var delta, length int
		delta, at = readCount(s, at)
		length, at = readCount(s, at)
		d += uint32(delta)
		prev := uint32(0)
		for stop := at + length; at < stop; {
			// A chain record term (see chainterm.go), read inline.
			gap, weight := uint32(s[at]), uint32(s[at+1])
			at += 2
			if weight == 0 { // the long form: two uvarints
				gap, at = slotUvarint(s, at)
				weight, at = slotUvarint(s, at)
			}
			id := prev + gap
			prev = id
			t := &terms[id]
			p, gap, sep := t.at, d, uint32('[')
			if t.last != noDoc {
				gap, sep = d-t.last, ','
			}
			if gap < 10 && weight < 10 {
				// Most postings: four bytes, written at once.
				binary.LittleEndian.PutUint32(buf[p:], sep|('0'+gap)<<8|','<<16|('0'+weight)<<24)
				t.at = p + 4
			} else {
				buf[p] = byte(sep)
				p = putUint(buf, p+1, gap)
				buf[p] = ','
				t.at = putUint(buf, p+1, weight)
			}
			t.last = d
		}
	}
}
