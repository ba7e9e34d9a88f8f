package search

import (
	"fmt"
	"strings"
	"testing"
)

// TestBandPostings puts postings with small and large weights into two
// bands, over enough documents to fill several blocks, and checks the
// counts and the text writePostings makes.
func TestBandPostings(t *testing.T) {
	const terms = 1<<bandBits + 3 // a full band and a few in the next
	p := &part{lo: 0, hi: 3000, terms: make([]termRef, terms), bands: make([]band, 2)}
	type posting struct{ doc, weight uint32 }
	want := make([][]posting, terms)
	for d := uint32(0); d < 3000; d++ {
		for _, id := range []uint32{d % 7, 1<<bandBits - 1, 1<<bandBits + d%3, 40 + d%1000} {
			w := []uint32{1, 255, 256, 70000}[(d+id)%4]
			p.bands[id>>bandBits].put(d, id&(1<<bandBits-1), w)
			want[id] = append(want[id], posting{d, w})
		}
	}
	for k := range p.bands {
		p.bands[k].finish()
	}
	if len(p.bands[0].blocks) < 2 {
		t.Fatalf("band 0 has %d blocks; the test wants several", len(p.bands[0].blocks))
	}
	p.countPostings()
	// Expected text: ",gap,weight" per posting, the first gap from 0.
	text := make([]string, terms)
	for id, ps := range want {
		var b strings.Builder
		last := uint32(0)
		for _, x := range ps {
			fmt.Fprintf(&b, ",%d,%d", x.doc-last, x.weight)
			last = x.doc
		}
		text[id] = b.String()
		st := p.stats[id]
		if len(ps) > 0 && (st.first != ps[0].doc || st.last != last) || st.size != b.Len() {
			t.Fatalf("term %d: stats %+v, want first %v last %d size %d", id, st, ps[:min(len(ps), 1)], last, b.Len())
		}
	}
	// Lay the terms out back to back and write.
	at := 0
	starts := make([]int, terms)
	for id := range p.stats {
		starts[id] = at
		at, p.stats[id].size = at+p.stats[id].size, at
		p.stats[id].last = 0
	}
	buf := make([]byte, at)
	p.writePostings(buf)
	for id := range text {
		if got := string(buf[starts[id] : starts[id]+len(text[id])]); got != text[id] {
			t.Fatalf("term %d: wrote %.60q, want %.60q", id, got, text[id])
		}
	}
}
