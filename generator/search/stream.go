package search

import (
	"encoding/binary"
	"math/bits"
)

// rerank returns each document's banded list written again in ranks, as
// a forward list as an Index keeps it.
func rerank(lists [][]byte, rank []uint32, terms, workers int) [][]byte {
	n := len(lists)
	out := make([][]byte, n)
	idBits := bits.Len(uint(terms))
	inParallel(workers, func(k int) {
		var list, spare []uint64
		var enc []byte
		var kept arena
		for d := k * n / workers; d < (k+1)*n/workers; d++ {
			src := lists[d]
			list = list[:0]
			band := 0
			for at := 0; at < len(src); {
				var delta, length int
				delta, at = readCount(src, at)
				length, at = readCount(src, at)
				band += delta
				prev := bandStart(uint32(band))
				for end := at + length; at < end; {
					var id, w uint32
					id, w, at = readTerm(src, at, prev)
					list = append(list, uint64(rank[id])<<32|uint64(w))
					prev = id
				}
			}
			list, spare = sortByID(list, spare, idBits)
			enc = appendList(enc[:0], list)
			out[d] = kept.keep(enc)
		}
	})
	return out
}

// transpose turns the banded lists of documents, of shared ids below ids,
// into streams[part][band]: the parts of the lists in the band of a
// consecutive range of documents, one part per goroutine. A stream holds,
// for each document with terms in the band, in document order: a uvarint
// of the document's id less the one before in the stream (the first
// counts from 0), a uvarint of the length of its part, and the part; a
// stream that holds any ends in streamPad zero bytes. Each stream is
// measured first, so that it is allocated once. With drop, each list is
// dropped once it is read.
func transpose(lists [][]byte, ids, parts int, drop bool) [][][]byte {
	bands := int(bandOf(uint32(ids))) + 1
	n := len(lists)
	streams := make([][][]byte, parts)
	inParallel(parts, func(k int) {
		lo, hi := k*n/parts, (k+1)*n/parts
		own := make([][]byte, bands)
		prevDoc := make([]uint32, bands)
		sizes := make([]int, bands)
		for d := lo; d < hi; d++ {
			each := lists[d]
			band := 0
			for at := 0; at < len(each); {
				var delta, length int
				delta, at = readCount(each, at)
				length, at = readCount(each, at)
				band += delta
				sizes[band] += uvarintLen(uint64(uint32(d)-prevDoc[band])) + uvarintLen(uint64(length)) + length
				prevDoc[band] = uint32(d)
				at += length
			}
		}
		for b, size := range sizes {
			if size > 0 {
				own[b] = make([]byte, 0, size+streamPad)
			}
		}
		clear(prevDoc)
		for d := lo; d < hi; d++ {
			list := lists[d]
			band := 0
			for at := 0; at < len(list); {
				var delta, length int
				delta, at = readCount(list, at)
				length, at = readCount(list, at)
				band += delta
				s := binary.AppendUvarint(own[band], uint64(uint32(d)-prevDoc[band]))
				s = binary.AppendUvarint(s, uint64(length))
				own[band] = append(s, list[at:at+length]...)
				prevDoc[band] = uint32(d)
				at += length
			}
			if drop {
				lists[d] = nil
			}
		}
		for b, s := range own {
			if s != nil {
				own[b] = append(s, make([]byte, streamPad)...)
			}
		}
		streams[k] = own
	})
	return streams
}
