package search

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestRadixSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 100, 5000} {
		terms := make([]keyedTerm, n)
		for i := range terms {
			// Keys share their high digits half of the time, so some passes
			// are skipped.
			key := termRef(r.Uint64N(1 << 42))
			if i%2 == 0 {
				key = termRef(0x4E00)<<21 | termRef(r.Uint64N(1<<11))
			}
			terms[i] = keyedTerm{key, uint32(i)}
		}
		want := slices.Clone(terms)
		slices.SortStableFunc(want, func(a, b keyedTerm) int {
			switch {
			case a.key < b.key:
				return -1
			case a.key > b.key:
				return 1
			}
			return 0
		})
		radixSort(terms)
		if !slices.Equal(terms, want) {
			t.Errorf("radixSort of %d keys differs from a stable sort", n)
		}
	}
}

// TestSortTerms indexes words and CJK text in one part and wants its terms
// ranked in the byte order of their UTF-8.
func TestSortTerms(t *testing.T) {
	docs := []Document{
		{URL: "/a/", Title: "Zebra apple ÉCOLE", Text: "加装电梯 ε 𠀀𠀁 ᄀ 주민 x1 ɐ"},
		{URL: "/b/", Text: "apples 电 ｶﾀ 〇"},
	}
	p := indexRange(docs, 0, len(docs), make([]int, len(docs)))
	p.countPostings()
	p.sortTerms()
	var got [][]byte
	for _, ref := range p.refs {
		var buf [8]byte
		got = append(got, bytes.Clone(p.words.token(ref, &buf)))
	}
	if !slices.IsSortedFunc(got, bytes.Compare) {
		t.Errorf("terms are not in byte order: %q", got)
	}
	if len(got) != len(p.order) || len(got) != len(p.ranked) {
		t.Fatalf("%d refs, %d ids, %d stats", len(got), len(p.order), len(p.ranked))
	}
	for k, id := range p.order {
		if p.ranked[k] != p.stats[id] || p.refs[k] != p.terms[id] {
			t.Errorf("rank %d does not match local id %d", k, id)
		}
	}
}
