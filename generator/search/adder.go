package search

import (
	"math/bits"
	"slices"
)

// maxRawWords is how many forms of words an adder remembers before it
// forgets them all and starts again, which bounds its memory.
const maxRawWords = 1 << 15

// adder is the working state of one Add at a time: a document is
// tokenized and its weights counted in small tables that stay in cache,
// lone characters of the BMP in charW and every other term in counts, by
// key, so that the shared table is asked for each CJK term once a
// document. Builder keeps as many as there are Adds at once.
type adder struct {
	table  *sharedTable
	scan   scanner
	weight uint32           // the weight of the field being scanned
	length int              // the document's weighted token count so far
	counts keyTally         // the document's terms but lone characters of the BMP
	charW  *[1 << 16]uint32 // by BMP code point: the lone character's weight in the document
	chars  []uint16         // the document's lone characters of the BMP
	raw    wordTable
	known  *keyCache // the shared ids of CJK keys looked up before
	err    error     // the first error of the document

	hashes  []uint64  // scratch: the hashes of a batch's words
	keys    []uint64  // scratch: the terms taken out of counts, as its slots hold them
	missed  []uint32  // scratch: the indexes in keys of the CJK keys known did not hold
	stemBuf []byte    // scratch for stemming
	list    []uint64  // scratch: the document's terms as id<<32 | weight
	spare   []uint64  // scratch for sorting list
	sorter  bitSorter // writes list when its ids are few
	enc     []byte    // scratch: the encoded list
	row     []byte    // scratch: the document's row of meta.json
	lists   arena     // where the documents' lists are kept
	rows    arena     // where the documents' rows are kept
	sink    uint64    // keeps the loads that only fetch memory early
}

// newAdder returns an adder of terms into table.
func newAdder(table *sharedTable) *adder {
	a := &adder{table: table, counts: newKeyTally(), charW: new([1 << 16]uint32), raw: newWordTable(), known: new(keyCache)}
	a.scan.han = a
	return a
}

// countHan counts the tokens of the characters of CJK Unified Ideographs
// from text[i:], in a run of the current field whose last character is
// prev, or that they begin when prev is 0, as add would count the tokens
// scan hands on, each character and each pair, without making them. It
// returns where it stopped, the run's last character and the number of
// characters it read.
//
// A character counts in charW only where it begins a run. Elsewhere a pair
// ends at it, of the same weight, and idsOf adds the weight of each pair
// that ends in a character of CJK Unified Ideographs to that character's
// (only countHan counts such pairs), so that the loop touches one table a
// character, not two.
func (a *adder) countHan(text string, i int, prev rune) (int, rune, int) {
	w, c := a.weight, &a.counts
	from := i
	if prev == 0 { // no pair ends at the first character
		r, ok := hanAt(text, i)
		if !ok {
			return i, prev, 0
		}
		a.length -= int(w)
		a.countChar(uint16(r), w)
		i += 3
		prev = r
	}
	rest, last := c.countPairs(text[i:], prev, w)
	i = len(text) - len(rest)
	n := (i - from) / 3
	a.length += 2 * n * int(w)
	return i, last, n
}

// endsInHan returns the second character of the pair whose CJK key is k,
// when it is one of CJK Unified Ideographs: the character whose weight,
// where a pair ends at it, countHan leaves to idsOf.
func endsInHan(k uint64) (uint16, bool) {
	r := k & (1<<21 - 1)
	return uint16(r), r-0x4E00 <= 0x9FFF-0x4E00
}

// countChar adds weight w to the lone character r of the BMP.
func (a *adder) countChar(r uint16, w uint32) {
	if old := a.charW[r]; old == 0 {
		a.chars = append(a.chars, r)
		a.charW[r] = w
	} else {
		a.charW[r] = old + w
	}
}

// terms tokenizes d and returns its terms as a banded list of shared ids
// (see appendBanded) followed by streamPad zero bytes, valid until the
// next call, and its weighted token count.
func (a *adder) terms(d *Document) ([]byte, int, error) {
	a.length, a.err = 0, nil
	scanFields(&a.scan, d, &a.weight, a.add)

	list := slices.Grow(a.list[:0], len(a.chars)+len(a.counts.homes))
	list, all := a.idsOf(list)
	a.list = list
	if idBits := bits.Len32(all); a.sorter.worth(len(list), idBits) {
		a.enc = a.sorter.appendBanded(a.enc[:0], list, idBits)
	} else {
		list, a.spare = sortByID(list, a.spare, idBits)
		a.list = list
		a.enc = appendBanded(a.enc[:0], list)
	}
	a.enc = append(a.enc, make([]byte, streamPad)...)
	return a.enc, a.length, a.err
}

// idsOf appends to list the document's terms counted in charW and counts
// as shared id<<32 | weight, in no order, clears the counts, and returns
// list and the bitwise or of the ids. When the adder counts Han runs with
// countHan, it first adds each pair's weight to the character it ends in,
// when that is one of CJK Unified Ideographs (see countHan).
func (a *adder) idsOf(list []uint64) ([]uint64, uint32) {
	t, c := a.table, &a.counts
	// Take the terms out of the tally into a dense array, which the
	// lookups then read in order; the adder's keyCache answers most CJK
	// keys without the shared table.
	keys := c.take(a.keys[:0])
	a.keys = keys
	base := len(list)
	list = slices.Grow(list, len(keys))[:base+len(keys)]
	out := list[base:]
	// The loop makes no call, so that its state stays in registers: its
	// slices have room for every key, the keys the cache misses are
	// looked up after it, in the same order, and weights moved to the
	// tally's over are added after it too.
	chars := slices.Grow(a.chars, len(keys))
	missed := slices.Grow(a.missed[:0], len(keys))[:len(keys)]
	known, charW, pairChars := a.known, a.charW, a.scan.han != nil
	all, nMissed := uint32(0), 0
	for j, v := range keys {
		k := v >> weightBits
		w := uint32(v & weightMask)
		id := uint32(k) // a word's shared id
		if k < wordKey {
			if r, ok := endsInHan(k); ok && pairChars {
				// countChar, with room for r.
				if old := charW[r]; old == 0 {
					n := len(chars)
					chars = chars[:n+1]
					chars[n] = r
					charW[r] = w
				} else {
					charW[r] = old + w
				}
			}
			var ok bool
			if id, ok = known.hit(cjkKey(k), keyHash(cjkKey(k))); !ok {
				missed[nMissed] = uint32(j)
				nMissed++
			}
		}
		out[j] = uint64(id)<<32 | uint64(w)
		all |= id
	}
	a.chars, a.missed = chars, missed
	for _, j := range missed[:nMissed] {
		k := cjkKey(keys[j] >> weightBits)
		id, err := known.miss(t, k, keyHash(k))
		a.fail(err)
		out[j] |= uint64(id) << 32
		all |= id
	}
	if c.over != nil {
		for j, v := range keys {
			extra := c.weight(v) - uint32(v&weightMask)
			if extra == 0 {
				continue
			}
			out[j] += uint64(extra)
			if k := v >> weightBits; k < wordKey {
				if r, ok := endsInHan(k); ok && pairChars {
					charW[r] += extra
				}
			}
		}
	}
	c.done()
	for _, r := range a.chars {
		id, err := t.char(r)
		a.fail(err)
		list = append(list, uint64(id)<<32|uint64(a.charW[r]))
		a.charW[r] = 0
		all |= id
	}
	a.chars = a.chars[:0]
	return list, all
}

// fail keeps err if it is the document's first.
func (a *adder) fail(err error) {
	if err != nil && a.err == nil {
		a.err = err
	}
}

// add counts a batch of tokens of the current field.
func (a *adder) add(batch []token, words []byte) {
	// First hash the batch's words and load their first slots: the loads
	// do not wait on one another, so their cache misses overlap, where the
	// lookups below would wait for each miss in turn.
	hashes := a.hashes[:0]
	if len(words) > 0 { // the batch holds words
		sink := uint64(0)
		start := 0
		for _, tk := range batch {
			if tk&wordToken != 0 {
				end := int(tk &^ wordToken)
				h := a.raw.hash(words[start:end])
				hashes = append(hashes, h)
				sink ^= uint64(a.raw.slots[h&uint64(len(a.raw.slots)-1)].idPlus)
				start = end
			}
		}
		a.sink ^= sink
		a.hashes = hashes
	}
	w := a.weight
	start := 0
	for _, tk := range batch {
		switch {
		case tk&wordToken != 0:
			end := int(tk &^ wordToken)
			k := wordKey | uint64(a.wordID(words[start:end], hashes[0]))
			if s := a.counts.home(k); *s-k<<weightBits <= bumpMax {
				*s += uint64(w)
			} else {
				a.counts.count(k, w)
			}
			hashes = hashes[1:]
			start = end
		case tk < 1<<37 && tk&(1<<21-1) == 0: // a lone character of the BMP
			r := uint16(tk >> 21)
			if a.charW[r] == 0 {
				a.chars = append(a.chars, r)
			}
			a.charW[r] += w
		default:
			if s := a.counts.home(uint64(tk)); *s-uint64(tk)<<weightBits <= bumpMax {
				*s += uint64(w)
			} else {
				a.counts.count(uint64(tk), w)
			}
		}
	}
	a.length += len(batch) * int(w)
}

// wordID returns the id of the term of word w, as found before stemming,
// whose hash in a.raw is hash. A form is stemmed once while a.raw
// remembers it.
func (a *adder) wordID(w []byte, hash uint64) uint32 {
	if id, ok := a.raw.find(w, hash); ok {
		return id
	}
	a.stemBuf = append(a.stemBuf[:0], w...)
	id, err := a.table.word(stem(a.stemBuf))
	if err != nil {
		a.fail(err)
		return id
	}
	if len(a.raw.ends) == maxRawWords {
		a.raw.reset()
	}
	a.raw.add(w, hash, id)
	return id
}
