package search

import (
	"bytes"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRegroup writes random banded lists as runs' chains, with places
// packed in 32 and in 64 bits, and reads the chains back: each run's
// records must hold, in document order, exactly the documents' terms in
// that run, by slot, with their weights.
func TestRegroup(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 19))
	const ids, runs = 3<<listBandBits + 77, 37
	// Each id's run, and its slot in shared id order within the run.
	run := make([]uint32, ids)
	slot := make([]uint32, ids)
	next := make([]uint32, runs)
	for id := range run {
		run[id] = uint32(r.IntN(runs))
		slot[id] = next[run[id]]
		next[run[id]]++
	}
	shift := uint(bits.Len32(slices.Max(next)))
	where32 := make([]uint32, ids)
	where64 := make([]uint64, ids)
	for id := range run {
		where32[id] = run[id]<<shift | slot[id]
		where64[id] = uint64(run[id])<<32 | uint64(slot[id])
	}
	type posting struct{ doc, slot, w uint32 }
	want := make([][]posting, runs)
	docs := 700
	lists := make([][]byte, docs)
	for d := range docs {
		var terms []uint64
		for id := uint32(r.IntN(50)); id < ids; id += 1 + uint32(r.ExpFloat64()*300) {
			w := []uint32{1, 1, 2, 127, 128, 70000}[r.IntN(6)]
			terms = append(terms, uint64(id)<<32|uint64(w))
			want[run[id]] = append(want[run[id]], posting{uint32(d), slot[id], w})
		}
		lists[d] = append(appendBanded(nil, terms), make([]byte, streamPad)...)
	}
	read := func(streams [][]chain, g int) []posting {
		var out []posting
		for _, part := range streams {
			part[g].each(func(s []byte) {
				d := uint32(0)
				for at := 0; at < len(s); {
					var delta, length int
					delta, at = readCount(s, at)
					length, at = readCount(s, at)
					d += uint32(delta)
					prev := uint32(0)
					for end := at + length; at < end; {
						var gap, w uint32
						gap, w, at = readSlotTerm(s, at)
						out = append(out, posting{d, prev + gap, w})
						prev += gap
					}
				}
			})
		}
		return out
	}
	for _, workers := range []int{1, 3} {
		a := regroup(slices.Clone(lists), where32, shift, runs, workers)
		b := regroup(slices.Clone(lists), where64, 32, runs, workers)
		for g := range runs {
			if got := read(a, g); !slices.Equal(got, want[g]) {
				t.Fatalf("%d goroutines, run %d: read back %d postings, want %d", workers, g, len(got), len(want[g]))
			}
			for k := range a {
				if !slices.EqualFunc(a[k][g].blocks, b[k][g].blocks, bytes.Equal) || !bytes.Equal(a[k][g].cur, b[k][g].cur) {
					t.Fatalf("%d goroutines, run %d: 32- and 64-bit places give other chains", workers, g)
				}
			}
		}
	}
}
