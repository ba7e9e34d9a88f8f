package search

import "encoding/binary"

// Chain block sizes: a chain's first block is small, and each next one
// twice as large up to the largest, which bounds the room left unused at
// the end of a chain.
const (
	minChainBlock = 512
	maxChainBlock = 4 << 10
)

// chain is a stream of records kept in blocks, so that it is never copied
// as it grows. A record is one document's terms in a run of files: a
// uvarint of the document's id less the one of the record before in the
// block (the first counts from 0), a uvarint of the length of its terms,
// and the terms by their slots in the run (see placeTerms), as
// appendSlotTerm writes them, the first counted from 0.
type chain struct {
	blocks [][]byte // the full blocks
	cur    []byte   // the block being written
	last   uint32   // the document of the last record
}

// add appends the record of document d, whose terms are terms.
func (c *chain) add(d uint32, terms []byte) {
	delta := d - c.last
	if need := 2*binary.MaxVarintLen32 + len(terms); cap(c.cur)-len(c.cur) < need {
		size := minChainBlock
		if c.cur != nil {
			c.blocks = append(c.blocks, c.cur)
			size = min(2*cap(c.cur), maxChainBlock)
		}
		c.cur = make([]byte, 0, max(size, need))
		delta = d
	}
	b := binary.AppendUvarint(c.cur, uint64(delta))
	b = binary.AppendUvarint(b, uint64(len(terms)))
	c.cur = append(b, terms...)
	c.last = d
}

// each calls f with each block of the chain in order.
func (c *chain) each(f func(blk []byte)) {
	for _, blk := range c.blocks {
		f(blk)
	}
	if len(c.cur) > 0 {
		f(c.cur)
	}
}

// regroup writes the documents' banded lists of shared ids again as the
// postings of each run of files: streams[part][g] is the chain of the
// terms in run g of each document of part, a consecutive range of
// documents, in document order, where where gives each shared id's run
// and slot, packed with shift (see placeTerms), and runs is the number of
// runs. It drops each list once read.
//
// A list gives a document's terms by shared id, and slots within a run
// follow the shared ids, so each run's part of a document is made in one
// pass over its list, each term written into its run's part as it is
// read, with no sort; the writer of a run then reads its chains part by
// part, every term's postings in document order.
func regroup[P place](lists [][]byte, where []P, shift uint, runs, workers int) [][]chain {
	n := len(lists)
	streams := make([][]chain, workers)
	// A place's run and slot come by a shift and a mask of 64 bits, the
	// count masked where it is used: a shift by a count the compiler
	// cannot tell is below the width costs three more instructions a term.
	slotMask := uint64(1)<<shift - 1
	inParallel(workers, func(k int) {
		own := make([]chain, runs)
		// By run: the document's terms in it.
		type part struct {
			enc  []byte // as appendSlotTerm writes them
			prev uint32 // the slot of the last term in enc
		}
		parts := make([]part, runs)
		// The runs that hold the document's terms, nTouched of them: set by
		// index, so that the loop has no append that may call.
		touched := make([]uint32, runs)
		for d := k * n / workers; d < (k+1)*n/workers; d++ {
			list := lists[d]
			lists[d] = nil
			band, nTouched := 0, 0
			for at := 0; at < len(list)-streamPad; {
				var delta, length int
				delta, at = readCount(list, at)
				length, at = readCount(list, at)
				band += delta
				last := bandStart(uint32(band))
				for end := at + length; at < end; {
					// As decodeList reads the term.
					b := termBytes(list, at)
					gap, w, n, ok := shortTerm(b)
					if !ok {
						gap, w, n, ok = decodeTerm(b)
					}
					id := last + gap
					if ok {
						at += int(n)
					} else {
						id, w, at = readTerm(list, at, last)
					}
					last = id
					x := where[id]
					g, slot := uint32(uint64(x)>>(shift&63)), uint32(uint64(x)&slotMask)
					p := &parts[g]
					if len(p.enc) == 0 {
						touched[nTouched] = g
						nTouched++
						p.prev = 0
					}
					p.enc = appendSlotTerm(p.enc, slot-p.prev, w) // inlined
					p.prev = slot
				}
			}
			for _, g := range touched[:nTouched] {
				own[g].add(uint32(d), parts[g].enc)
				parts[g].enc = parts[g].enc[:0]
			}
		}
		streams[k] = own
	})
	return streams
}

// decodeList appends the terms of a banded list, followed by streamPad
// bytes, to terms as id<<32 | weight, in id order. regroup, measureDocs
// and measureBands keep copies of its loop: a function reading one term
// costs more than the compiler inlines, and calling it per term was slower.
func decodeList(terms []uint64, list []byte) []uint64 {
	band := 0
	for at := 0; at < len(list)-streamPad; {
		var delta, length int
		delta, at = readCount(list, at)
		length, at = readCount(list, at)
		band += delta
		last := bandStart(uint32(band))
		for end := at + length; at < end; {
			b := termBytes(list, at)
			gap, w, n, ok := shortTerm(b)
			if !ok {
				gap, w, n, ok = decodeTerm(b)
			}
			id := last + gap
			if ok {
				at += int(n)
			} else {
				id, w, at = readTerm(list, at, last)
			}
			terms = append(terms, uint64(id)<<32|uint64(w))
			last = id
		}
	}
	return terms
}
