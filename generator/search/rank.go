package search

import (
	"slices"
	"strings"
)

// tokenTable holds every term of an index by rank.
type tokenTable struct {
	refs  []termRef // by rank: a CJK key, or wordRef plus an index in words
	words []string
}

// appendRef appends the token of term ref as a JSON string.
func (t *tokenTable) appendRef(dst []byte, ref termRef) []byte {
	if ref&wordRef != 0 {
		return appendJSONString(dst, t.words[ref&^wordRef])
	}
	var buf [8]byte
	return appendJSONString(dst, cjkKey(ref).appendTo(buf[:0]))
}

// bytes returns the token of rank r in a slice of its own.
func (t *tokenTable) bytes(r int) []byte {
	ref := t.refs[r]
	if ref&wordRef != 0 {
		return []byte(t.words[ref&^wordRef])
	}
	return cjkKey(ref).appendTo(nil)
}

// noRank is the rank of a shared id that no term has.
const noRank = ^uint32(0)

// rankTerms sorts the terms of table in token order, the UTF-8 byte
// order in which shard keys are written, and returns each shared id's
// rank, or noRank, and the terms by rank.
func rankTerms(table *sharedTable) ([]uint32, tokenTable) {
	type word struct {
		text string
		id   uint32
	}
	nKeys, nWords := table.counts()
	cjk := make([]keyedTerm, 0, nKeys)
	words := make([]word, 0, nWords)
	table.each(func(id uint32, k cjkKey, w string) {
		if k != 0 {
			cjk = append(cjk, keyedTerm{termRef(k), id})
		} else {
			words = append(words, word{w, id})
		}
	})
	inParallel(2, func(k int) {
		if k == 0 {
			radixSort(cjk) // CJK keys compare as their text does
		} else {
			slices.SortFunc(words, func(a, b word) int { return strings.Compare(a.text, b.text) })
		}
	})
	rank := make([]uint32, table.idLimit())
	for i := range rank {
		rank[i] = noRank
	}
	toks := tokenTable{refs: make([]termRef, 0, len(cjk)+len(words)), words: make([]string, len(words))}
	i, j := 0, 0
	var buf [8]byte
	for i < len(cjk) || j < len(words) {
		var id uint32
		if j == len(words) || i < len(cjk) && compareToText(cjkKey(cjk[i].key).appendTo(buf[:0]), words[j].text) < 0 {
			id = cjk[i].id
			toks.refs = append(toks.refs, cjk[i].key)
			i++
		} else {
			id = words[j].id
			toks.words[j] = words[j].text
			toks.refs = append(toks.refs, wordRef|termRef(j))
			j++
		}
		rank[id] = uint32(len(toks.refs) - 1)
	}
	return rank, toks
}

// compareToText compares b with s as bytes.Compare does.
func compareToText(b []byte, s string) int {
	for i := range min(len(b), len(s)) {
		if b[i] != s[i] {
			if b[i] < s[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(b) < len(s):
		return -1
	case len(b) > len(s):
		return 1
	}
	return 0
}
