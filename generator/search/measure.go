package search

// measureChunk is the most shared ids whose statistics one pass of
// measureBands keeps, eight bytes each, so that they stay in a core's
// cache.
const measureChunk = 1 << 15

// measureDocIDs is the most shared ids times goroutines for which
// measureDocs keeps statistics of every id on every goroutine, twelve
// bytes each.
const measureDocIDs = 1 << 17

// measureLists returns by rank the size in bytes of each term's shard
// entry, `"token":[postings]`, and the FNV-1a hash of its token, reading
// the documents' banded lists of shared ids, whose ranks are rank.
//
// Each of workers goroutines measures the postings of a range of bands
// with about an equal share of the lists' bytes, a chunk of bands at a
// time: it reads every document's terms in the chunk, in document order,
// from where the chunk before stopped. When there are few shared ids, so
// few bands that they would not share out evenly, each measures a range
// of documents instead (measureDocs).
func measureLists(lists [][]byte, rank []uint32, toks *tokenTable, workers int) (sizes []int, hashes []uint32) {
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
	if terms == 0 {
		return sizes, hashes
	}
	if workers > 1 && len(rank)*workers <= measureDocIDs {
		measureDocs(lists, rank, sizes, workers)
		return sizes, hashes
	}
	bounds := splitBands(lists, int(bandOf(uint32(len(rank)-1)))+1, workers)
	inParallel(len(bounds)-1, func(k int) {
		measureBands(lists, rank, sizes, bounds[k], bounds[k+1])
	})
	return sizes, hashes
}

// splitBands returns the bounds of n runs of bands 0 to bands-1, each
// with about an equal share of the lists' bytes: run k is bands
// bounds[k] to bounds[k+1]-1.
func splitBands(lists [][]byte, bands, n int) []int {
	if n == 1 {
		return []int{0, bands}
	}
	weight := make([]int, bands)
	total := 0
	for _, list := range lists {
		band := 0
		for at := 0; at < len(list)-streamPad; {
			var delta, length int
			delta, at = readCount(list, at)
			length, at = readCount(list, at)
			band += delta
			weight[band] += length
			total += length
			at += length
		}
	}
	bounds := []int{0}
	sum := 0
	for b, w := range weight[:bands-1] {
		if sum += w; len(bounds) < n && sum >= len(bounds)*total/n {
			bounds = append(bounds, b+1)
		}
	}
	return append(bounds, bands)
}

// measureBands adds to sizes, by rank, the size of the postings of the
// terms in bands lo to hi-1: ",gap,weight" per document, where the first
// gap counts from 0.
func measureBands(lists [][]byte, rank []uint32, sizes []int, lo, hi int) {
	// By document: where its list's next band begins, and the band before.
	type cursor struct {
		at   int
		band uint32
	}
	cur := make([]cursor, len(lists))
	// By id less the chunk's first: the size of the term's postings and
	// its last document.
	var stats []struct{ size, last uint32 }
	for c0 := uint32(lo); c0 < uint32(hi); {
		c1 := c0 + 1
		for c1 < uint32(hi) && bandStart(c1+1)-bandStart(c0) <= measureChunk {
			c1++
		}
		base, end := bandStart(c0), min(bandStart(c1), uint32(len(rank)))
		if n := int(end - base); cap(stats) < n {
			stats = make([]struct{ size, last uint32 }, n)
		} else {
			stats = stats[:n]
			clear(stats)
		}
		for d, list := range lists {
			at, band := cur[d].at, cur[d].band
			for at < len(list)-streamPad {
				delta, next := readCount(list, at)
				b := band + uint32(delta)
				if b >= c1 {
					break
				}
				length, next := readCount(list, next)
				at, band = next+length, b
				if b < c0 { // a band before the run
					continue
				}
				prev := bandStart(b)
				for i := next; i < at; {
					b := termBytes(list, i)
					gap, w, n, ok := shortTerm(b)
					if !ok {
						gap, w, n, ok = decodeTerm(b)
					}
					id := prev + gap
					if ok {
						i += int(n)
					} else {
						id, w, i = readTerm(list, i, prev)
					}
					st := &stats[id-base]
					st.size += uint32(2 + digits(uint32(d)-st.last) + digits(w))
					st.last = uint32(d)
					prev = id
				}
			}
			cur[d] = cursor{at, band}
		}
		for off, st := range stats {
			if st.size > 0 {
				sizes[rank[int(base)+off]] += int(st.size)
			}
		}
		c0 = c1
	}
}
