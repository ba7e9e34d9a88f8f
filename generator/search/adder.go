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
	err    error // the first error of the document

	hashes  []uint64  // scratch: the hashes of a batch's words
	keys    []uint64  // scratch: the terms taken out of counts, as its slots hold them
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
	a := &adder{table: table, counts: newKeyTally(), charW: new([1 << 16]uint32), raw: newWordTable()}
	a.scan.han = a.countHan
	return a
}

// countHan counts the tokens of the characters of CJK Unified Ideographs
// from text[i:], in a run of the current field whose last character is
// prev, or that they begin when prev is 0, as add would count the tokens
// scan hands on, each character and each pair, without making them. It
// returns where it stopped, the run's last character and the number of
// characters it read.
func (a *adder) countHan(text string, i int, prev rune) (int, rune, int) {
	w, charW, c := a.weight, a.charW, &a.counts
	n := 0
	if prev == 0 { // no pair ends at the first character
		a.length -= int(w)
	}
	for {
		r, ok := hanAt(text, i)
		if !ok {
			break
		}
		i += 3
		if old := charW[uint16(r)]; old == 0 {
			a.chars = append(a.chars, uint16(r))
			charW[uint16(r)] = w
		} else {
			charW[uint16(r)] = old + w
		}
		if prev != 0 { // a pair ends at r unless r begins the run
			k := uint64(pairKey(prev, r))
			if s := c.home(k); *s-k<<weightBits <= bumpMax {
				*s += uint64(w)
			} else {
				c.count(k, w)
			}
		}
		prev = r
		n++
	}
	a.length += 2 * n * int(w)
	return i, prev, n
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
// list and the bitwise or of the ids.
func (a *adder) idsOf(list []uint64) ([]uint64, uint32) {
	t, c := a.table, &a.counts
	all := uint32(0)
	for _, r := range a.chars {
		id, err := t.char(r)
		a.fail(err)
		list = append(list, uint64(id)<<32|uint64(a.charW[r]))
		a.charW[r] = 0
		all |= id
	}
	a.chars = a.chars[:0]
	// Take the terms out of the tally into a dense array, which the
	// lookups then read in order, and load the first slot in the shared
	// table of each CJK key, so that the loads' cache misses overlap,
	// where the lookups below would wait for each miss in turn.
	keys := c.take(a.keys[:0])
	a.keys = keys
	sink := uint64(0)
	for _, v := range keys {
		if k := v >> weightBits; k < wordKey {
			kh := keyHash(cjkKey(k))
			tab := t.shards[kh>>(64-sharedBits)].keys.Load()
			sink ^= tab.slots[tab.home(kh)].Load()
		}
	}
	a.sink ^= sink
	for _, v := range keys {
		k := v >> weightBits
		id := uint32(k) // a word's shared id
		if k < wordKey {
			var err error
			id, err = t.key(cjkKey(k), keyHash(cjkKey(k)))
			a.fail(err)
		}
		list = append(list, uint64(id)<<32|uint64(c.weight(v)))
		all |= id
	}
	c.done()
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
