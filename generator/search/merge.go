package search

// termRec is one part's share of a term: the part and the term's rank there.
type termRec struct {
	part uint32
	rank uint32
}

// merged lists every distinct term of all parts in token order, each with
// the parts that hold it in part order.
type merged struct {
	recs   []termRec // grouped by term
	starts []int     // by position in token order: first of its recs; one more at the end
}

// terms returns the number of distinct terms.
func (m *merged) terms() int {
	return len(m.starts) - 1
}

// of returns the records of the term at position i.
func (m *merged) of(i int) []termRec {
	return m.recs[m.starts[i]:m.starts[i+1]]
}

// token returns the UTF-8 of the term at position i, written into buf
// when it is a CJK term.
func (m *merged) token(parts []*part, i int, buf *[8]byte) []byte {
	r := m.recs[m.starts[i]]
	p := parts[r.part]
	return p.words.token(p.refs[r.rank], buf)
}

// mergeParts merges the parts' sorted terms: a k-way merge over a heap
// of the parts' next terms, ordered by term and then by part, so a term's
// records come out in part order.
func mergeParts(parts []*part) merged {
	total := 0
	for _, p := range parts {
		total += len(p.refs)
	}
	m := merged{recs: make([]termRec, 0, total), starts: make([]int, 0, total+1)}
	h := mergeHeap{parts: parts}
	for k, p := range parts {
		if len(p.refs) > 0 {
			h.heads = append(h.heads, mergeHead{p.refs[0], uint32(k), 0})
		}
	}
	for i := len(h.heads)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
	var last mergeHead
	for len(h.heads) > 0 {
		top := h.heads[0]
		if len(m.recs) == 0 || h.compare(last, top) != 0 {
			m.starts = append(m.starts, len(m.recs))
		}
		m.recs = append(m.recs, termRec{top.part, top.rank})
		last = top
		p := parts[top.part]
		if next := top.rank + 1; int(next) < len(p.refs) {
			h.heads[0] = mergeHead{p.refs[next], top.part, next}
		} else {
			h.heads[0] = h.heads[len(h.heads)-1]
			h.heads = h.heads[:len(h.heads)-1]
		}
		h.down(0)
	}
	m.starts = append(m.starts, len(m.recs))
	return m
}

// mergeHead is a part's next term in mergeParts.
type mergeHead struct {
	ref  termRef
	part uint32
	rank uint32
}

// mergeHeap is a binary min-heap of the parts' next terms.
type mergeHeap struct {
	parts []*part
	heads []mergeHead
}

// compare compares two heads' terms by their UTF-8.
func (h *mergeHeap) compare(x, y mergeHead) int {
	return compareRefs(&h.parts[x.part].words, x.ref, &h.parts[y.part].words, y.ref)
}

// less orders heads by term and then by part.
func (h *mergeHeap) less(x, y mergeHead) bool {
	c := h.compare(x, y)
	return c < 0 || c == 0 && x.part < y.part
}

// down restores the heap order below position i.
func (h *mergeHeap) down(i int) {
	for {
		c := 2*i + 1
		if c >= len(h.heads) {
			return
		}
		if c+1 < len(h.heads) && h.less(h.heads[c+1], h.heads[c]) {
			c++
		}
		if !h.less(h.heads[c], h.heads[i]) {
			return
		}
		h.heads[i], h.heads[c] = h.heads[c], h.heads[i]
		i = c
	}
}

// measure returns, by position in token order, the size in bytes of each
// term's shard entry, `"token":[postings]`, and the FNV-1a hash of its
// token. It counts each part's first gap from the term's last document in
// the parts before, and leaves that document in the part's termStat.last
// for writing.
func (m *merged) measure(parts []*part) (sizes []int, hashes []uint32) {
	n := m.terms()
	sizes = make([]int, n)
	hashes = make([]uint32, n)
	inParallel(len(parts), func(k int) {
		var head []byte
		for i := k * n / len(parts); i < (k+1)*n/len(parts); i++ {
			var buf [8]byte
			tok := m.token(parts, i, &buf)
			hashes[i] = fnvAppend(fnvOffset, tok)
			head = appendJSONString(head[:0], tok)
			postings := 0
			prev := uint32(0) // the term's last document in the parts before
			for _, r := range m.of(i) {
				st := &parts[r.part].ranked[r.rank]
				st.size += digits(st.first-prev) - digits(st.first)
				postings += st.size
				prev, st.last = st.last, prev
			}
			// The first posting's comma is the "[": one byte more for ":" and "]".
			sizes[i] = len(head) + postings + 2
		}
	})
	return sizes, hashes
}
