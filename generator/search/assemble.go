package search

import (
	"runtime"
	"sync/atomic"
)

// assembly is a Builder's index once its shards are written: every term
// by rank, its position in token order, with its entry's size and its
// token's hash, the layout of the shards and their bytes.
type assembly struct {
	toks   tokenTable
	sizes  []int    // by rank: the size of the term's shard entry
	hashes []uint32 // by rank: fnv1a32 of the token
	lay    layout
	shards shardBytes
	crcs   []uint32 // by file: the CRC-32 (IEEE) of its bytes
	fwd    [][]byte // by document: its forward list in ranks, when asked for
}

// assemble writes the shards of the documents whose terms, as banded
// lists of shared ids of table, are lists; with forward it also returns
// the lists in ranks, else it drops each list once it has read it.
//
// It ranks the terms in token order, then moves the lists' bands into
// streams of each band's postings in document order (transpose). Each
// band is then measured, and once the shards are planned, written, by
// one goroutine: its terms' counts and write positions are small tables,
// and its postings are read in order.
func assemble(table *sharedTable, lists [][]byte, limit int, forward bool) *assembly {
	rank, toks := rankTerms(table)
	workers := runtime.GOMAXPROCS(0)
	s := &assembly{toks: toks}
	if forward {
		s.fwd = rerank(lists, rank, len(toks.refs), workers)
	}
	streams := transpose(lists, len(rank), workers, !forward)
	s.sizes, s.hashes = measure(streams, rank, &s.toks, workers)
	s.lay = plan(s.sizes, s.hashes, limit)
	s.shards = writeFiles(streams, rank, &s.toks, s.sizes, s.lay, workers)
	s.crcs = s.shards.crcs()
	return s
}

// eachBand calls a function for each band 0 to bands-1 on workers
// goroutines, which take the bands in turn; each goroutine gets its
// function from newF, so it may keep scratch space of its own.
func eachBand(bands, workers int, newF func() func(b int)) {
	var next atomic.Int64
	inParallel(workers, func(int) {
		f := newF()
		for {
			b := int(next.Add(1) - 1)
			if b >= bands {
				return
			}
			f(b)
		}
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
