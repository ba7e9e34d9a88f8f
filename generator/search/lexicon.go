package search

// noFile is termInfo.file of a term that no document holds.
const noFile = ^uint32(0)

// termInfo is what an Index keeps of one term: its token and where its
// shard entry, `"token":[postings]`, lies. The entry's bytes are the only
// copy of the term's postings.
type termInfo struct {
	ref  termRef // the token: a CJK key, or wordRef plus its number in lexicon.words
	hash uint32  // fnv1a32 of the token, which routes it
	file uint32  // the shard file that holds the entry, or noFile
	at   uint32  // where the entry starts in that file
	size uint32  // the entry's length; 0 when no document holds the term
}

// lexicon is an Index's table of every term it has met, by term id: a
// term keeps its id for the life of the Index, also while no document
// holds it. Ids carry no order; compare gives the token order.
type lexicon struct {
	terms []termInfo
	keys  keyTable  // CJK key → term id
	words wordTable // stemmed word → term id; a word term's ref holds its word number
}

// newLexicon returns an empty lexicon with room for cjk CJK terms and
// words words.
func newLexicon(cjk, words int) lexicon {
	return lexicon{terms: make([]termInfo, 0, cjk+words), keys: newKeyTableFor(cjk), words: newWordTableFor(words)}
}

// token returns the UTF-8 of term id, written into buf when it is a CJK
// term.
func (l *lexicon) token(id uint32, buf *[8]byte) []byte {
	return l.words.token(l.terms[id].ref, buf)
}

// compare compares the tokens of terms a and b as bytes.Compare does.
func (l *lexicon) compare(a, b uint32) int {
	return compareRefs(&l.words, l.terms[a].ref, &l.words, l.terms[b].ref)
}

// key returns the term id of CJK key k, adding the term when it is new.
func (l *lexicon) key(k cjkKey) uint32 {
	id, added := l.keys.intern(k, uint32(len(l.terms)))
	if added {
		var buf [8]byte
		l.add(termRef(k), fnvAppend(fnvOffset, k.appendTo(buf[:0])))
	}
	return id
}

// word returns the term id of stemmed word w, adding the term when it is
// new.
func (l *lexicon) word(w []byte) uint32 {
	h := l.words.hash(w)
	if id, ok := l.words.find(w, h); ok {
		return id
	}
	return l.addWord(w, h, fnvAppend(fnvOffset, w))
}

// addWord adds stemmed word w, which the lexicon does not hold and whose
// hash in l.words is h, with routing hash route, and returns its id.
func (l *lexicon) addWord(w []byte, h uint64, route uint32) uint32 {
	id := uint32(len(l.terms))
	l.add(wordRef|termRef(l.words.add(w, h, id)), route)
	return id
}

// add appends a term that no document holds yet, whose token's fnv1a32
// is route.
func (l *lexicon) add(ref termRef, route uint32) {
	l.terms = append(l.terms, termInfo{ref: ref, hash: route, file: noFile})
}
