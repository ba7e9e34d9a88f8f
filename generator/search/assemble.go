package search

import (
	"math/bits"
	"runtime"
)

// assembly is a Builder's index once its terms are ranked, measured and
// planned, ready to be written: every term by rank, its position in
// token order, with its entry's size and its token's hash, the layout of
// the shards, the runs of files written together and each run's
// postings.
type assembly struct {
	toks    tokenTable
	sizes   []int    // by rank: the size of the term's shard entry
	hashes  []uint32 // by rank: fnv1a32 of the token
	lay     layout
	ends    []int     // by file: its end, were the files laid back to back
	groups  groups    // the runs of files written together
	slot    []uint32  // by rank: the term's slot in its run
	streams [][]chain // by part, by group: the group's postings (see regroup)
	crcs    []uint32  // by file: the CRC-32 (IEEE) of its bytes, once written
	fwd     [][]byte  // by document: its forward list in ranks, when asked for
	group   int       // the most bytes of a run of files, unless one file is larger
	workers int
}

// assemble plans the shards of the documents whose terms, as banded
// lists of shared ids of table, are lists; with forward it also returns
// the lists in ranks. It drops each list once it has read it for the
// last time.
//
// It ranks the terms in token order and measures every entry from the
// lists (measureLists), plans the shards, and cuts the files into runs
// of at most runBytes(total) bytes, where total is the files' bytes, or
// of one file when it alone is larger. The lists are then written again
// as each run's postings in document order (regroup), so that write can
// make one run of files at a time, with its terms' write positions in a
// small table.
func assemble(table *sharedTable, lists [][]byte, limit int, runBytes func(total int) int, forward bool) *assembly {
	rank, toks := rankTerms(table)
	workers := runtime.GOMAXPROCS(0)
	s := &assembly{toks: toks, workers: workers}
	if forward {
		s.fwd = rerank(lists, rank, len(toks.refs), workers)
	}
	s.sizes, s.hashes = measureLists(lists, rank, &s.toks, workers)
	s.lay = plan(s.sizes, s.hashes, limit)
	if !forward {
		s.hashes = nil // only an Index's lexicon needs them
	}
	s.ends = fileEnds(s.lay, s.sizes)
	s.group = runBytes(fileStart(s.ends, len(s.ends)))
	s.groups = groupFiles(s.ends, s.group)
	s.crcs = make([]uint32, len(s.lay.files))
	// Each shared id's run and slot take the place of its rank when they
	// fit in its 32 bits.
	runs, shift := s.groups.len(), s.groups.slotBits(s.lay)
	if bits.Len(uint(runs-1))+int(shift) <= 32 {
		s.slot = placeTerms(&s.groups, rank, rank, shift, s.lay, len(toks.refs))
		s.streams = regroup(lists, rank, shift, runs, workers)
	} else {
		where := make([]uint64, len(rank))
		s.slot = placeTerms(&s.groups, rank, where, shift, s.lay, len(toks.refs))
		s.streams = regroup(lists, where, shift, runs, workers)
	}
	return s
}

// write writes the shard files in order, calling emit with each file's
// index and bytes on the calling goroutine; s.crcs holds the file's CRC
// by then. The runs of files are written on s.workers goroutines, a few
// runs ahead of emit at most, and each run's room is used again once
// emit has returned for its files, so emit must not keep the bytes. It
// stops at emit's first error and returns it.
func (s *assembly) write(emit func(f int, data []byte) error) error {
	n := s.groups.len()
	return inOrder(n, s.workers, func() func(g int, buf []byte) []byte {
		w := &groupWriter{s: s}
		return w.write
	}, func(g int, buf []byte) error {
		base := fileStart(s.ends, s.groups.files[g])
		for f := s.groups.files[g]; f < s.groups.files[g+1]; f++ {
			if err := emit(f, buf[fileStart(s.ends, f)-base:s.ends[f]-base]); err != nil {
				return err
			}
		}
		return nil
	})
}

// lexicon returns the lexicon of the assembly's terms, each by its rank,
// with its entry's size.
func (s *assembly) lexicon() lexicon {
	words := 0
	for _, ref := range s.toks.refs {
		if ref&wordRef != 0 {
			words++
		}
	}
	lex := newLexicon(len(s.toks.refs)-words, words)
	var w []byte
	for r, ref := range s.toks.refs {
		if ref&wordRef == 0 {
			lex.keys.intern(cjkKey(ref), uint32(r))
			lex.add(ref, s.hashes[r])
		} else {
			w = append(w[:0], s.toks.words[ref&^wordRef]...)
			lex.addWord(w, lex.words.hash(w), s.hashes[r])
		}
		lex.terms[r].size = uint32(s.sizes[r])
	}
	return lex
}
