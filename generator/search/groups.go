package search

import "math/bits"

// groupBytes is the most bytes of a run of shard files that a Builder
// writes at once, unless one file alone is larger or its documents have
// too few terms for that many runs (runPostings): the run's bytes and
// its terms' write positions stay in a core's cache while its postings
// are written, and a few runs are all the room the files take at a time.
const groupBytes = 512 << 10

// runPostings is the fewest postings, on average, that a document has in
// a run of shard files a Builder writes. regroup writes a record of a
// document's terms for each run that holds any: with runs of groupBytes
// alone, their number grows with the index, and so, past the number of
// a document's terms, the records a document needs, each a term or two.
const runPostings = 16

// runBytes returns the most bytes of a run of files whose sizes add up to
// total: group, unless docs documents with postings terms in all would
// then have fewer than spread terms in a run on average; then the bytes
// of the most runs that hold spread terms of a document each. A spread of
// 0 keeps group.
func runBytes(group, total, docs, postings, spread int) int {
	if spread <= 0 || docs == 0 {
		return group
	}
	runs := max(postings/(docs*spread), 1) // the most runs
	return max(group, (total+runs-1)/runs)
}

// groups cuts the shard files into runs written together: run g is the
// files files[g] to files[g+1]-1. Within its run, a term has a number
// from 0 in the order of the terms' shared ids, its slot: the order in
// which a document's banded list gives them.
type groups struct {
	files []int
}

// len returns the number of runs.
func (g *groups) len() int {
	return len(g.files) - 1
}

// fileEnds returns by file the offset of its end, were the files that lay
// describes laid back to back, given each entry's size by rank: a file is
// "{", its entries joined by ",", and "}".
func fileEnds(lay layout, sizes []int) []int {
	ends := make([]int, len(lay.files))
	at := 0
	for f, members := range lay.files {
		at += 2 + max(len(members)-1, 0)
		for _, r := range members {
			at += sizes[r]
		}
		ends[f] = at
	}
	return ends
}

// groupFiles cuts the files, which end at ends, into runs of whole files
// of at most size bytes, or of one file when it alone is larger.
func groupFiles(ends []int, size int) groups {
	g := groups{files: []int{0}}
	if len(ends) == 0 {
		return g
	}
	start := 0
	for f := range ends {
		if f > start && ends[f]-fileStart(ends, start) > size {
			g.files = append(g.files, f)
			start = f
		}
	}
	g.files = append(g.files, len(ends))
	return g
}

// slotBits returns the bits a slot needs in the largest run of the files
// that lay describes.
func (g *groups) slotBits(lay layout) uint {
	most := 0
	for k := range g.len() {
		n := 0
		for f := g.files[k]; f < g.files[k+1]; f++ {
			n += len(lay.files[f])
		}
		most = max(most, n)
	}
	return uint(bits.Len(uint(max(most-1, 0))))
}

// place is a shared id's run and slot, packed as run<<shift | slot, in 32
// bits when they fit.
type place interface {
	~uint32 | ~uint64
}

// placeTerms numbers each run's terms from 0 in shared id order, and
// returns by rank each term's slot. It writes each shared id's place, run
// and slot packed with shift, into where, given each shared id's rank or
// noRank and the files' members by rank; where may be rank itself.
func placeTerms[P place](g *groups, rank []uint32, where []P, shift uint, lay layout, terms int) []uint32 {
	slot := make([]uint32, terms) // by rank: the term's run, until its slot is known
	for k := range g.len() {
		for f := g.files[k]; f < g.files[k+1]; f++ {
			for _, r := range lay.files[f] {
				slot[r] = uint32(k)
			}
		}
	}
	next := make([]uint32, g.len()) // by run: its next slot
	for id, r := range rank {
		if r != noRank {
			k := slot[r]
			slot[r] = next[k]
			where[id] = P(k)<<shift | P(next[k])
			next[k]++
		}
	}
	return slot
}
