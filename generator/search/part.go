package search

import (
	"runtime"
	"slices"
)

// minPartDocs is the fewest documents worth a goroutine of their own.
const minPartDocs = 256

// termRef says what a part's term is: a CJK key, or wordRef plus the
// term's word number in the part's word table.
type termRef uint64

// wordRef marks a termRef that refers to a word.
const wordRef termRef = 1 << 63

// charTerm is a lone CJK character of the BMP as a part's term.
type charTerm struct {
	idPlus uint32 // local id plus one; 0 before the character is first seen
	weight uint32 // weighted count in the document being indexed
}

// termStat is what a part knows of one of its terms once it has indexed
// its documents. Later passes reuse its fields as their comments say.
type termStat struct {
	first uint32 // the part's first document that holds the term
	// last is the part's last document that holds the term. From measure
	// on, it is the document the part's first gap counts from, and while
	// writing, the last document written.
	last uint32
	// size is the length of the part's postings text, ",gap,weight" per
	// document, with the first gap counted from 0 until measure counts it
	// from the term's previous document in an earlier part. From layout
	// on, it is where the part's next posting is written.
	size int
}

// part is the index of one consecutive range of documents: its terms,
// each with its statistics, and its postings in document order. A term's
// local id is the order in which the part first met it; sortTerms then
// ranks the terms in token order.
type part struct {
	lo, hi  int        // the documents docs[lo:hi]
	terms   []termRef  // by local term id
	bands   []band     // by local term id>>bandBits: the postings
	stats   []termStat // by local term id, once counted
	order   []uint32   // by rank, once sorted: the local id of the term
	refs    []termRef  // by rank: the term
	ranked  []termStat // by rank: the term's statistics
	words   wordTable  // words as stemmed
	raw     wordTable  // words as found, before stemming; their ids are the stemmed words' term ids
	pairs   keyTable   // CJK pairs, and lone characters outside the BMP
	single  []charTerm // by BMP code point: the lone character's term
	stemBuf []byte     // scratch for stemming
}

// indexParts indexes docs in consecutive ranges, at most GOMAXPROCS at
// once, writing each document's weighted token count into lengths, and
// sorts each part's terms. The parts are returned in document order; the
// index made from them does not depend on how many there are.
func indexParts(docs []Document, lengths []int) []*part {
	n := min(runtime.GOMAXPROCS(0), (len(docs)+minPartDocs-1)/minPartDocs)
	n = max(n, 1)
	parts := make([]*part, n)
	inParallel(n, func(k int) {
		p := indexRange(docs, k*len(docs)/n, (k+1)*len(docs)/n, lengths)
		p.countPostings()
		p.sortTerms()
		p.release()
		parts[k] = p
	})
	return parts
}

// indexer is the state of indexRange between batches of tokens. A
// document's weights are counted in small tables that stay in cache: lone
// characters of the BMP in p.single, every other term in counts. Its
// postings go to the part's bands when the document ends.
type indexer struct {
	p      *part
	weight uint32   // the weight of the field being scanned
	length int      // the current document's weighted token count so far
	counts tally    // the current document's terms but lone characters of the BMP
	chars  []uint16 // the current document's lone characters of the BMP, counted in p.single
	hashes []uint64 // scratch: the hashes of a batch's words
	sink   uint64   // keeps the loads that only fetch memory early
}

// indexRange indexes docs[lo:hi]. Document ids stay global.
func indexRange(docs []Document, lo, hi int, lengths []int) *part {
	p := &part{lo: lo, hi: hi, words: newWordTable(), raw: newWordTable(), pairs: newKeyTable(), single: make([]charTerm, 1<<16)}
	ix := &indexer{p: p, counts: newTally()}
	add := ix.add
	var sc scanner
	for d := lo; d < hi; d++ {
		ix.length = 0
		scanFields(&sc, &docs[d], &ix.weight, add)
		ix.endDoc(uint32(d))
		lengths[d] = ix.length
	}
	for k := range p.bands {
		p.bands[k].finish()
	}
	return p
}

// add counts a batch of tokens of the current field.
func (ix *indexer) add(batch []token, words []byte) {
	p, w := ix.p, ix.weight
	// First hash the batch's pairs and words and load their table slots:
	// the loads do not wait on one another, so their cache misses overlap,
	// where the lookups below would wait for each miss in turn.
	hashes := ix.hashes[:0]
	sink := uint64(0)
	start := 0
	for _, t := range batch {
		switch {
		case t&wordToken != 0:
			end := int(t &^ wordToken)
			h := p.raw.hash(words[start:end])
			hashes = append(hashes, h)
			sink ^= uint64(p.raw.slots[h&uint64(len(p.raw.slots)-1)].idPlus)
			start = end
		case t&(1<<21-1) != 0:
			sink ^= p.pairs.slots[p.pairs.home(cjkKey(t))]
		}
	}
	ix.sink ^= sink
	ix.hashes = hashes
	start = 0
	for _, t := range batch {
		switch {
		case t&wordToken != 0:
			end := int(t &^ wordToken)
			ix.counts.add(p.wordID(words[start:end], hashes[0]), w)
			hashes = hashes[1:]
			start = end
		case t < 1<<37 && t&(1<<21-1) == 0: // a lone character of the BMP
			c := &p.single[t>>21]
			if c.weight == 0 {
				ix.chars = append(ix.chars, uint16(t>>21))
			}
			c.weight += w
		default:
			ix.counts.add(p.pairID(cjkKey(t)), w)
		}
	}
	ix.length += len(batch) * int(w)
}

// endDoc records document d's postings and clears its counts.
func (ix *indexer) endDoc(d uint32) {
	p := ix.p
	for _, r := range ix.chars {
		c := &p.single[r]
		if c.idPlus == 0 {
			c.idPlus = uint32(len(p.terms)) + 1
			p.newTerm(termRef(pairKey(rune(r), 0)))
		}
		id := c.idPlus - 1
		p.bands[id>>bandBits].put(d, id&(1<<bandBits-1), c.weight)
		c.weight = 0
	}
	ix.chars = ix.chars[:0]
	for i, id := range ix.counts.ids {
		p.bands[id>>bandBits].put(d, id&(1<<bandBits-1), ix.counts.weights[i])
	}
	ix.counts.reset()
}

// pairID returns the local id of CJK term k, adding the term when it is
// new.
func (p *part) pairID(k cjkKey) uint32 {
	id, added := p.pairs.intern(k, uint32(len(p.terms)))
	if added {
		p.newTerm(termRef(k))
	}
	return id
}

// wordID returns the local id of the term of word w, as found before
// stemming, whose hash in p.raw is hash. Each distinct form is stemmed once.
func (p *part) wordID(w []byte, hash uint64) uint32 {
	if id, ok := p.raw.find(w, hash); ok {
		return id
	}
	p.stemBuf = append(p.stemBuf[:0], w...)
	stemmed := stem(p.stemBuf)
	sh := p.words.hash(stemmed)
	id, ok := p.words.find(stemmed, sh)
	if !ok {
		id = uint32(len(p.terms))
		p.newTerm(wordRef | termRef(p.words.add(stemmed, sh, id)))
	}
	p.raw.add(w, hash, id)
	return id
}

// newTerm appends a term with no postings yet.
func (p *part) newTerm(ref termRef) {
	if len(p.terms) == cap(p.terms) {
		// Double, where append grows a large slice by a quarter and so
		// allocates five times its final size on the way.
		p.terms = slices.Grow(p.terms, max(len(p.terms), 1024))
	}
	p.terms = append(p.terms, ref)
	if len(p.terms) > len(p.bands)<<bandBits {
		p.bands = append(p.bands, band{})
	}
}

// release drops what indexing needed and later passes do not, so the
// memory can be reused while the index is written.
func (p *part) release() {
	p.terms = nil
	p.pairs = keyTable{}
	p.raw = wordTable{}
	p.words.slots = nil
	p.single = nil
}
