package search

// bandBits sets how many terms share a band: 1<<bandBits consecutive local
// ids. A band's statistics and the places its postings are written to fit
// in a core's cache, so the passes over postings go band by band.
const bandBits = 12

// Band block sizes in words: a band's first block is small, and each next
// one twice as large up to the largest.
const (
	minBandBlock = 1 << 10
	maxBandBlock = 1 << 14
)

// docMark marks a word of a band that starts a document: docMark | doc id.
const docMark = 1 << 31

// band holds the postings of one band of a part's terms in document
// order. Its words are: docMark|d when the next postings are document d's;
// a posting, offset<<8 | weight, for the term of local id
// band*1<<bandBits + offset; or, when the weight does not fit in eight
// bits, offset<<8 followed by a word holding the weight. Weights are never
// 0, and offsets are below 1<<bandBits, so the three kinds are told apart.
type band struct {
	blocks [][]uint32 // full blocks; no block is copied as the band grows
	cur    []uint32   // the block being written, with room for one more posting
	doc    uint32     // the document of the last posting plus one; 0 before any
}

// put appends the posting of the term at offset in the band for document
// d, which is never before the band's last one.
func (b *band) put(d, offset, weight uint32) {
	if cap(b.cur)-len(b.cur) < 3 {
		b.next()
	}
	if b.doc != d+1 {
		b.cur = append(b.cur, docMark|d)
		b.doc = d + 1
	}
	if weight < 1<<8 {
		b.cur = append(b.cur, offset<<8|weight)
	} else {
		b.cur = append(b.cur, offset<<8, weight)
	}
}

// next starts a new block, twice the size of the last up to maxBandBlock.
func (b *band) next() {
	size := minBandBlock
	if b.cur != nil {
		b.blocks = append(b.blocks, b.cur)
		size = min(2*cap(b.cur), maxBandBlock)
	}
	b.cur = make([]uint32, 0, size)
}

// finish ends the band after the part's last document.
func (b *band) finish() {
	if len(b.cur) > 0 {
		b.blocks = append(b.blocks, b.cur)
	}
	b.cur = nil
}

// countPostings sets p.stats from the part's postings: each term's first
// and last document and the length of its postings text, ",gap,weight"
// per document, with the first gap counted from 0.
func (p *part) countPostings() {
	p.stats = make([]termStat, len(p.terms))
	for k := range p.bands {
		stats := p.stats[k<<bandBits:]
		var doc uint32
		for _, blk := range p.bands[k].blocks {
			for i := 0; i < len(blk); i++ {
				v := blk[i]
				if v&docMark != 0 {
					doc = v &^ docMark
					continue
				}
				weight := v & 0xFF
				if weight == 0 {
					i++
					weight = blk[i]
				}
				st := &stats[v>>8]
				if st.size == 0 {
					st.first = doc
				}
				st.size += 2 + digits(doc-st.last) + digits(weight)
				st.last = doc
			}
		}
	}
}

// writePostings writes the part's postings, ",gap,weight" each, at the
// places its termStat.size holds, counting each gap from termStat.last.
func (p *part) writePostings(buf []byte) {
	for k := range p.bands {
		stats := p.stats[k<<bandBits:]
		var doc uint32
		for _, blk := range p.bands[k].blocks {
			for i := 0; i < len(blk); i++ {
				v := blk[i]
				if v&docMark != 0 {
					doc = v &^ docMark
					continue
				}
				weight := v & 0xFF
				if weight == 0 {
					i++
					weight = blk[i]
				}
				st := &stats[v>>8]
				at := st.size
				buf[at] = ','
				at = putUint(buf, at+1, doc-st.last)
				buf[at] = ','
				st.size = putUint(buf, at+1, weight)
				st.last = doc
			}
		}
	}
}
