package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// forward is an Index's list of each document's terms, which Replace needs
// to find what an edit takes away. A document's list is its terms in
// ascending id order, each as a uvarint of gap<<1 | heavy, where gap is
// the id less the one before (the first counts from 0) and heavy says that
// a uvarint of the weight follows; a term without it has weight 1.
type forward struct {
	docs [][]byte // by document id
}

// appendTerm appends term id with weight w to a list whose last term is
// prev, or 0.
func appendTerm(list []byte, prev, id, w uint32) []byte {
	v := uint64(id-prev) << 1
	if w == 1 {
		if v < 0x80 { // most terms
			return append(list, byte(v))
		}
		return binary.AppendUvarint(list, v)
	}
	list = binary.AppendUvarint(list, v|1)
	return binary.AppendUvarint(list, uint64(w))
}

// appendList appends the list of terms, id<<32 | weight sorted by id.
func appendList(list []byte, terms []uint64) []byte {
	prev := uint32(0)
	for _, v := range terms {
		id := uint32(v >> 32)
		list = appendTerm(list, prev, id, uint32(v))
		prev = id
	}
	return list
}

// eachTerm calls f with each term of list and its weight, in id order.
func eachTerm(list []byte, f func(id, w uint32)) {
	var id, w uint32
	for at := 0; at < len(list); {
		id, w, at = readTerm(list, at, id)
		f(id, w)
	}
}

// buildForward makes the forward lists of documents 0 to n-1 from the
// parts' bands, where term ids are positions in m. Each part reads its own
// documents, all parts at once: a document's postings are the ones marked
// with it in each band, which a cursor per band finds in turn, sorted by
// term id. The lists lie back to back in a few large arrays.
func buildForward(parts []*part, m *merged, n int) forward {
	// By part, by local term id: the term's id.
	ids := make([][]uint32, len(parts))
	for k, p := range parts {
		ids[k] = make([]uint32, len(p.order))
	}
	for i := range m.terms() {
		for _, r := range m.of(i) {
			ids[r.part][parts[r.part].order[r.rank]] = uint32(i)
		}
	}
	idBits := bits.Len(uint(m.terms()))
	out := forward{docs: make([][]byte, n)}
	inParallel(len(parts), func(k int) {
		p := parts[k]
		type cursor struct{ block, at int }
		cur := make([]cursor, len(p.bands))
		var list, spare []uint64 // the document's terms as id<<32 | weight
		var enc, chunk []byte
		for d := p.lo; d < p.hi; d++ {
			list = list[:0]
			for b := range p.bands {
				list = p.bands[b].take(&cur[b].block, &cur[b].at, uint32(d), ids[k][b<<bandBits:], list)
			}
			list, spare = sortByID(list, spare, idBits)
			enc = appendList(enc[:0], list)
			if len(chunk)+len(enc) > cap(chunk) {
				chunk = make([]byte, 0, max(forwardChunk, len(enc)))
			}
			start := len(chunk)
			chunk = append(chunk, enc...)
			out.docs[d] = chunk[start:len(chunk):len(chunk)]
		}
	})
	return out
}

// forwardChunk is the size of the arrays that buildForward lays the
// lists in, back to back.
const forwardChunk = 1 << 20

// take appends to list the postings of document d, as id<<32 | weight
// with ids[offset] the id of the band's term at offset, when the band's
// next words at block, at are d's; it moves block and at past them.
func (b *band) take(block, at *int, d uint32, ids []uint32, list []uint64) []uint64 {
	if *block == len(b.blocks) || b.blocks[*block][*at] != docMark|d {
		return list
	}
	blk, i := b.blocks[*block], *at+1
	for {
		if i == len(blk) {
			if *block++; *block == len(b.blocks) {
				break
			}
			blk, i = b.blocks[*block], 0
		}
		v := blk[i]
		if v&docMark != 0 {
			break
		}
		w := v & 0xFF
		if i++; w == 0 { // a posting and its weight are in one block
			w = blk[i]
			i++
		}
		list = append(list, uint64(ids[v>>8])<<32|uint64(w))
	}
	*at = i
	return list
}

// sortByID sorts list, id<<32 | weight values with ids below 1<<idBits,
// by id: a radix sort in as few passes of at most eleven bits as the ids
// need, using spare. It returns the sorted list and the other buffer for
// the next call.
func sortByID(list, spare []uint64, idBits int) (sorted, rest []uint64) {
	if len(list) < 48 {
		slices.Sort(list)
		return list, spare
	}
	passes := (idBits + 10) / 11
	width := (idBits + passes - 1) / passes
	mask := uint64(1)<<width - 1
	spare = slices.Grow(spare[:0], len(list))[:len(list)]
	var count [1 << 11]int
	for shift := 32; shift < 32+idBits; shift += width {
		clear(count[:mask+1])
		for _, v := range list {
			count[v>>shift&mask]++
		}
		if count[list[0]>>shift&mask] == len(list) {
			continue
		}
		sum := 0
		for i, c := range count[:mask+1] {
			count[i] = sum
			sum += c
		}
		for _, v := range list {
			digit := v >> shift & mask
			spare[count[digit]] = v
			count[digit]++
		}
		list, spare = spare, list
	}
	return list, spare
}
