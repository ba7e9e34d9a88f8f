package search

import (
	"hash/crc32"
	"runtime"
	"sync"
)

// shardBytes holds every shard file back to back, in file order.
type shardBytes struct {
	data []byte
	ends []int // by file: end offset of the file in data
}

// file returns shard file f.
func (s *shardBytes) file(f int) []byte {
	lo := 0
	if f > 0 {
		lo = s.ends[f-1]
	}
	return s.data[lo:s.ends[f]:s.ends[f]]
}

// newShardBytes returns room for the shard files that lay describes,
// whose entries have sizes bytes: a file is "{", its entries joined by
// ",", and "}".
func newShardBytes(lay layout, sizes []int) shardBytes {
	out := shardBytes{ends: make([]int, len(lay.files))}
	at := 0
	for f, members := range lay.files {
		at += 2 + max(len(members)-1, 0)
		for _, i := range members {
			at += sizes[i]
		}
		out.ends[f] = at
	}
	out.data = make([]byte, at)
	return out
}

// crcs returns the CRC-32 (IEEE) of each file, computed on GOMAXPROCS
// goroutines.
func (s *shardBytes) crcs() []uint32 {
	out := make([]uint32, len(s.ends))
	workers := runtime.GOMAXPROCS(0)
	inParallel(workers, func(k int) {
		for f := k; f < len(out); f += workers {
			out[f] = crc32.ChecksumIEEE(s.file(f))
		}
	})
	return out
}

// writeShards writes the shard files that lay describes. Every entry's
// place is known from sizes, so each part writes its own postings straight
// into place, all parts at once.
func writeShards(parts []*part, m *merged, sizes []int, lay layout) shardBytes {
	fileOf := make([]uint32, len(sizes)) // by position in token order: the entry's file
	for f, members := range lay.files {
		for _, i := range members {
			fileOf[i] = uint32(f)
		}
	}
	out := newShardBytes(lay, sizes)
	next := make([]int, len(lay.files)) // by file: where its next entry goes
	for f := range next {
		next[f] = fileStart(out.ends, f) + 1
	}
	buf := out.data
	// Lay out every entry: its key, then room for each part's postings.
	// The first posting is written with a leading comma like the others,
	// over the "[", which goes in once all are written. Each goroutine
	// takes the entries of a run of files, about an equal share of bytes,
	// and goes through them in token order, so it reads the terms in order.
	open := make([]int, len(sizes)) // by position in token order: where the entry's "[" goes
	bounds := splitFiles(out.ends, len(parts))
	inParallel(len(bounds)-1, func(k int) {
		fa, fb := uint32(bounds[k]), uint32(bounds[k+1])
		var head []byte
		for i, f := range fileOf {
			if f < fa || f >= fb {
				continue
			}
			at := next[f]
			if at != fileStart(out.ends, int(f))+1 { // not the file's first entry
				buf[at] = ','
				at++
			}
			var tb [8]byte
			head = appendJSONString(head[:0], m.token(parts, i, &tb))
			head = append(head, ':')
			at += copy(buf[at:], head)
			open[i] = at
			for _, r := range m.of(i) {
				st := &parts[r.part].ranked[r.rank]
				at, st.size = at+st.size, at
			}
			buf[at] = ']'
			next[f] = at + 1
		}
		for f := fa; f < fb; f++ {
			buf[fileStart(out.ends, int(f))] = '{'
			buf[out.ends[f]-1] = '}'
		}
	})
	inParallel(len(parts), func(k int) {
		parts[k].unrank()
		parts[k].writePostings(buf)
	})
	n := len(open)
	inParallel(len(parts), func(k int) {
		for _, at := range open[k*n/len(parts) : (k+1)*n/len(parts)] {
			buf[at] = '['
		}
	})
	return out
}

// splitFiles returns the bounds of n runs of files of about equal bytes,
// given each file's end: run k is files bounds[k] to bounds[k+1].
func splitFiles(ends []int, n int) []int {
	bounds := []int{0}
	total := ends[len(ends)-1]
	for f, end := range ends[:len(ends)-1] {
		if k := len(bounds); k < n && end >= k*total/n {
			bounds = append(bounds, f+1)
		}
	}
	return append(bounds, len(ends))
}

// inParallel calls f(0) to f(n-1), each in a goroutine of its own, and
// waits for them.
func inParallel(n int, f func(k int)) {
	if n == 1 {
		f(0)
		return
	}
	var wg sync.WaitGroup
	for k := range n {
		wg.Go(func() { f(k) })
	}
	wg.Wait()
}

// fileStart returns where file f begins, given each file's end.
func fileStart(ends []int, f int) int {
	if f == 0 {
		return 0
	}
	return ends[f-1]
}

// digits returns the number of decimal digits of n.
func digits(n uint32) int {
	switch {
	case n < 10:
		return 1
	case n < 100:
		return 2
	case n < 1000:
		return 3
	case n < 10000:
		return 4
	case n < 100000:
		return 5
	case n < 1000000:
		return 6
	case n < 10000000:
		return 7
	case n < 100000000:
		return 8
	case n < 1000000000:
		return 9
	}
	return 10
}

// digitPairs holds the two digits of every number below 100.
const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

// putUint writes n in decimal at b[at:] and returns the offset after it.
func putUint(b []byte, at int, n uint32) int {
	if n < 10 {
		b[at] = byte('0' + n)
		return at + 1
	}
	end := at + digits(n)
	i := end
	for n >= 100 {
		q := n / 100
		r := 2 * (n - 100*q)
		i -= 2
		b[i], b[i+1] = digitPairs[r], digitPairs[r+1]
		n = q
	}
	if n >= 10 {
		b[at], b[at+1] = digitPairs[2*n], digitPairs[2*n+1]
	} else {
		b[at] = byte('0' + n)
	}
	return end
}

// appendJSONString appends s as a JSON string. Tokens hold only letters,
// digits and marks, but the escaping keeps any string valid.
func appendJSONString[T ~string | ~[]byte](b []byte, s T) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := range len(s) {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
