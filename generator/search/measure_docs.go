package search

// docStat is what one range of documents knows of a term's postings:
// the length of their text, ",gap,weight" each with the first gap counted
// from 0, and the first and last documents.
type docStat struct {
	size, first, last uint32
}

// measureDocs adds to sizes, by rank, the size of every term's postings,
// as measureBands does, for ids few enough that each of workers
// goroutines keeps statistics for all of them: each measures a
// consecutive range of documents, and the ranges are then joined in
// order, each range's first gap counted again from the term's last
// document in the ranges before.
func measureDocs(lists [][]byte, rank []uint32, sizes []int, workers int) {
	n := len(lists)
	stats := make([][]docStat, workers) // by range, by shared id
	inParallel(workers, func(k int) {
		st := make([]docStat, len(rank))
		for d := k * n / workers; d < (k+1)*n/workers; d++ {
			list := lists[d]
			band := 0
			for at := 0; at < len(list)-streamPad; {
				var delta, length int
				delta, at = readCount(list, at)
				length, at = readCount(list, at)
				band += delta
				prev := bandStart(uint32(band))
				for end := at + length; at < end; {
					b := termBytes(list, at)
					gap, w, n, ok := shortTerm(b)
					if !ok {
						gap, w, n, ok = decodeTerm(b)
					}
					id := prev + gap
					if ok {
						at += int(n)
					} else {
						id, w, at = readTerm(list, at, prev)
					}
					prev = id
					s := &st[id]
					if s.size == 0 {
						s.first = uint32(d)
					}
					s.size += uint32(2 + digits(uint32(d)-s.last) + digits(w))
					s.last = uint32(d)
				}
			}
		}
		stats[k] = st
	})
	inParallel(workers, func(k int) {
		for id := k * len(rank) / workers; id < (k+1)*len(rank)/workers; id++ {
			total, last, seen := 0, uint32(0), false
			for _, st := range stats {
				s := st[id]
				if s.size == 0 {
					continue
				}
				total += int(s.size)
				if seen {
					total += digits(s.first-last) - digits(s.first)
				}
				last, seen = s.last, true
			}
			if seen {
				sizes[rank[id]] += total
			}
		}
	})
}
