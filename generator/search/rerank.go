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
			list = decodeList(list[:0], lists[d])
			for i, v := range list {
				list[i] = uint64(rank[v>>32])<<32 | v&(1<<32-1)
			}
			list, spare = sortByID(list, spare, idBits)
			enc = appendList(enc[:0], list)
			out[d] = kept.keep(enc)
		}
	})
	return out
}
