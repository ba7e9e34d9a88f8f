package search

// noDoc marks a term that no document has been written for yet.
const noDoc = ^uint32(0)

// measure returns by rank the size in bytes of each term's shard entry,
// `"token":[postings]`, and the FNV-1a hash of its token.
func measure(streams [][][]byte, rank []uint32, toks *tokenTable, workers int) (sizes []int, hashes []uint32) {
	terms := len(toks.refs)
	sizes, hashes = make([]int, terms), make([]uint32, terms)
	inParallel(workers, func(k int) {
		var head []byte
		var buf [8]byte
		for r := k * terms / workers; r < (k+1)*terms/workers; r++ {
			// The first posting's comma is the "[": two bytes more for ":" and "]".
			if ref := toks.refs[r]; ref&wordRef != 0 {
				w := toks.words[ref&^wordRef]
				hashes[r] = fnvAppend(fnvOffset, w)
				head = appendJSONString(head[:0], w)
			} else {
				b := cjkKey(ref).appendTo(buf[:0])
				hashes[r] = fnvAppend(fnvOffset, b)
				head = appendJSONString(head[:0], b)
			}
			sizes[r] = len(head) + 2
		}
	})
	eachBand(len(streams[0]), workers, func() func(int) {
		// By id less the band's first: the size of the term's postings
		// and its last document.
		stats := make([]struct{ size, last uint32 }, 1<<streamBits)
		return func(b int) {
			clear(stats)
			base := bandStart(uint32(b))
			for _, part := range streams {
				s := part[b]
				d := uint32(0)
				for at := 0; at < len(s)-streamPad; {
					var delta, length int
					delta, at = readCount(s, at)
					length, at = readCount(s, at)
					d += uint32(delta)
					prev := base
					for end := at + length; at < end; {
						gap, w, n, ok := decodeTerm(termBytes(s, at))
						id := prev + gap
						if ok {
							at += int(n)
						} else {
							id, w, at = readTerm(s, at, prev)
						}
						// A term's first gap counts from 0, as last starts.
						st := &stats[id-base]
						st.size += uint32(2 + digits(d-st.last) + digits(w))
						st.last = d
						prev = id
					}
				}
			}
			for off, st := range stats[:bandStart(uint32(b)+1)-base] {
				if st.size > 0 {
					sizes[rank[int(base)+off]] += int(st.size)
				}
			}
		}
	})
	return sizes, hashes
}

// directEntry is the entry size from which writeFiles writes a term's
// postings in place: an entry that large is written a line at a time
// anyway, where the postings of small ones are gathered in a band's
// scratch space first and copied, so that writes to many entries far
// apart do not miss the cache each.
const directEntry = 2 << 10

// writeFiles writes the shard files that lay describes: the braces and
// commas between entries, then each entry band by band.
func writeFiles(streams [][][]byte, rank []uint32, toks *tokenTable, sizes []int, lay layout, workers int) shardBytes {
	out := newShardBytes(lay, sizes)
	buf := out.data
	pos := make([]int, len(sizes)) // by rank: where the postings start, after the key
	runs := splitFiles(out.ends, workers)
	inParallel(len(runs)-1, func(k int) {
		for f := runs[k]; f < runs[k+1]; f++ {
			at, sep := fileStart(out.ends, f), byte('{')
			for _, r := range lay.files[f] {
				buf[at], sep = sep, ','
				key := toks.appendJSON(buf[at+1:at+1], r) // in place
				buf[at+1+len(key)] = ':'
				pos[r] = at + 2 + len(key)
				at += 1 + sizes[r]
				buf[at-1] = ']'
			}
			if sep == '{' {
				buf[at] = '{'
				at++
			}
			buf[at] = '}'
		}
	})
	eachBand(len(streams[0]), workers, func() func(int) {
		w := &bandWriter{buf: buf, pos: pos, sizes: sizes, rank: rank}
		return func(b int) { w.write(b, streams) }
	})
	return out
}

// bandWriter writes the entries of one band at a time.
type bandWriter struct {
	buf   []byte
	pos   []int
	sizes []int
	rank  []uint32

	// By id less the band's first: where the term's next posting goes,
	// in scratch or in place in buf, and its last document, or noDoc.
	terms [1 << streamBits]struct {
		at      int
		last    uint32
		inPlace bool
	}
	scratch []byte
}

// write writes the entries of the terms of band b.
func (w *bandWriter) write(b int, streams [][][]byte) {
	base := int(bandStart(uint32(b)))
	terms := w.terms[:int(bandStart(uint32(b)+1))-base]
	used := 0
	for off := range terms {
		t := &terms[off]
		t.last = noDoc
		id := base + off
		if id >= len(w.rank) || w.rank[id] == noRank {
			continue
		}
		r := int(w.rank[id])
		if t.inPlace = w.sizes[r] >= directEntry; t.inPlace {
			t.at = w.pos[r]
		} else {
			t.at = used
			used += w.sizes[r]
		}
	}
	if used > cap(w.scratch) {
		w.scratch = make([]byte, used)
	}
	scratch := w.scratch[:used]
	for _, part := range streams {
		s := part[b]
		d := uint32(0)
		for at := 0; at < len(s)-streamPad; {
			var delta, length int
			delta, at = readCount(s, at)
			length, at = readCount(s, at)
			d += uint32(delta)
			prev := uint32(base)
			for end := at + length; at < end; {
				gap, weight, n, ok := decodeTerm(termBytes(s, at))
				id := prev + gap
				if ok {
					at += int(n)
				} else {
					id, weight, at = readTerm(s, at, prev)
				}
				prev = id
				t := &terms[id-uint32(base)]
				dst := scratch
				if t.inPlace {
					dst = w.buf
				}
				p, gap := t.at, d
				if t.last == noDoc {
					dst[p] = '['
				} else {
					dst[p] = ','
					gap -= t.last
				}
				p = putUint(dst, p+1, gap)
				dst[p] = ','
				t.at = putUint(dst, p+1, weight)
				t.last = d
			}
		}
	}
	// Copy the postings gathered in scratch to their entries.
	start := 0
	for off := range terms {
		t := &terms[off]
		id := base + off
		if t.inPlace || id >= len(w.rank) || w.rank[id] == noRank {
			continue
		}
		r := int(w.rank[id])
		copy(w.buf[w.pos[r]:], scratch[start:t.at])
		start += w.sizes[r]
	}
}
