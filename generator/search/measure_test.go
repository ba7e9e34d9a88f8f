package search

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMeasure measures the postings of random banded lists by bands,
// split among goroutines, and by ranges of documents, and wants both to
// agree with the text of each term's postings counted directly.
func TestMeasure(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 17))
	const ids = 5<<listBandBits + 123
	for k := range 6 {
		docs := 1 + r.IntN(400)
		// A term's documents and weights, by id.
		type posting struct{ doc, w uint32 }
		postings := make([][]posting, ids)
		lists := make([][]byte, docs)
		for d := range docs {
			var terms []uint64
			for id := uint32(r.IntN(300)); id < ids; id += 1 + uint32(r.ExpFloat64()*float64(1+k*400)) {
				w := []uint32{1, 1, 1, 2, 9, 127, 128, 5000}[r.IntN(8)]
				terms = append(terms, uint64(id)<<32|uint64(w))
				postings[id] = append(postings[id], posting{uint32(d), w})
			}
			lists[d] = append(appendBanded(nil, terms), make([]byte, streamPad)...)
		}
		rank := make([]uint32, ids)
		want := make([]int, ids)
		for id := range rank {
			rank[id] = uint32(ids - 1 - id) // any order
			last := uint32(0)
			for _, p := range postings[id] {
				want[rank[id]] += 2 + digits(p.doc-last) + digits(p.w)
				last = p.doc
			}
		}
		for _, workers := range []int{1, 3} {
			bounds := splitBands(lists, int(bandOf(ids-1))+1, workers)
			if workers > 1 && len(bounds) < 3 {
				t.Fatalf("lists %d: bands split in %d runs", k, len(bounds)-1)
			}
			byBands := make([]int, ids)
			for b := range len(bounds) - 1 {
				measureBands(lists, rank, byBands, bounds[b], bounds[b+1])
			}
			if !slices.Equal(byBands, want) {
				t.Fatalf("lists %d, %d goroutines: measureBands differs", k, workers)
			}
			byDocs := make([]int, ids)
			measureDocs(lists, rank, byDocs, workers)
			if !slices.Equal(byDocs, want) {
				t.Fatalf("lists %d, %d goroutines: measureDocs differs", k, workers)
			}
		}
	}
}
