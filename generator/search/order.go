package search

import (
	"bytes"
	"slices"
)

// keyedTerm is a CJK term of a part with its key, for sorting.
type keyedTerm struct {
	key termRef
	id  uint32
}

// sortTerms puts the part's terms in token order, the UTF-8 byte order in
// which shard keys are written: p.order, p.refs and p.ranked list them by
// rank. Later passes over all terms go by rank, so they read the part's
// arrays in order.
func (p *part) sortTerms() {
	nWords := 0
	for _, ref := range p.terms {
		if ref&wordRef != 0 {
			nWords++
		}
	}
	cjk := make([]keyedTerm, 0, len(p.terms)-nWords)
	words := make([]uint32, 0, nWords)
	for id, ref := range p.terms {
		if ref&wordRef != 0 {
			words = append(words, uint32(id))
		} else {
			cjk = append(cjk, keyedTerm{ref, uint32(id)})
		}
	}
	// CJK keys already compare as their text does.
	radixSort(cjk)
	slices.SortFunc(words, func(a, b uint32) int {
		return bytes.Compare(p.words.word(uint32(p.terms[a]&^wordRef)), p.words.word(uint32(p.terms[b]&^wordRef)))
	})
	n := len(p.terms)
	p.order = make([]uint32, 0, n)
	p.refs = make([]termRef, 0, n)
	i, j := 0, 0
	for i < len(cjk) || j < len(words) {
		var id uint32
		if j == len(words) || i < len(cjk) && compareRefs(&p.words, cjk[i].key, &p.words, p.terms[words[j]]) < 0 {
			id = cjk[i].id
			i++
		} else {
			id = words[j]
			j++
		}
		p.order = append(p.order, id)
		p.refs = append(p.refs, p.terms[id])
	}
	p.ranked = make([]termStat, n)
	for k, id := range p.order {
		p.ranked[k] = p.stats[id]
	}
}

// unrank copies p.ranked back to p.stats, by local id, for writePostings.
func (p *part) unrank() {
	for k, id := range p.order {
		p.stats[id] = p.ranked[k]
	}
}

// compareRefs compares term ra, whose word if it is one is in a, with
// term rb, whose word is in b, by their UTF-8, as bytes.Compare does.
func compareRefs(a *wordTable, ra termRef, b *wordTable, rb termRef) int {
	switch {
	case ra|rb >= wordRef: // a word
		return compareText(a, ra, b, rb)
	case ra < rb:
		return -1
	case ra > rb:
		return 1
	}
	return 0
}

// compareText is compareRefs when a term is a word.
func compareText(a *wordTable, ra termRef, b *wordTable, rb termRef) int {
	var bufA, bufB [8]byte
	return bytes.Compare(a.token(ra, &bufA), b.token(rb, &bufB))
}

// radixBits is the width of one digit of radixSort.
const radixBits = 11

// radixSort sorts terms by key, least significant digit first. CJK keys
// have 42 bits, so four passes of eleven bits do; a pass in which every
// key has the same digit is skipped.
func radixSort(terms []keyedTerm) {
	if len(terms) < 2 {
		return
	}
	const mask = 1<<radixBits - 1
	src, dst := terms, make([]keyedTerm, len(terms))
	for shift := 0; shift < 42; shift += radixBits {
		var count [1 << radixBits]int
		for _, t := range src {
			count[t.key>>shift&mask]++
		}
		if count[src[0].key>>shift&mask] == len(src) {
			continue
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, t := range src {
			d := t.key >> shift & mask
			dst[count[d]] = t
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &terms[0] {
		copy(terms, src)
	}
}
