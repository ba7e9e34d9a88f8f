package search

import "math/bits"

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
			for at := 0; at < len(src)-streamPad; {
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
