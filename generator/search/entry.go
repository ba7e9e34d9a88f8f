package search

// A shard entry is `"token":[postings]`, the postings a flat list
// id,w,gap,w,… as the package comment describes. The functions here read
// and edit one entry's postings in place of a separate postings store.

// postingsStart returns where the postings of entry begin, just after
// its "[".
func postingsStart(entry []byte) int {
	i := 1 // after the key's opening quote
	for entry[i] != '"' {
		if entry[i] == '\\' {
			i++
		}
		i++
	}
	return i + 3 // the closing quote, ":" and "["
}

// readUint reads the decimal number at b[i:] and returns it and the
// offset after it.
func readUint(b []byte, i int) (uint32, int) {
	n := uint32(0)
	for ; b[i]-'0' < 10; i++ {
		n = 10*n + uint32(b[i]-'0')
	}
	return n, i
}

// newEntry appends the entry of token with the one posting doc, w.
func newEntry(dst, token []byte, doc, w uint32) []byte {
	dst = appendJSONString(dst, token)
	dst = append(dst, ':', '[')
	dst = appendUint(dst, doc)
	dst = append(dst, ',')
	dst = appendUint(dst, w)
	return append(dst, ']')
}

// spliceEntry appends entry with document doc's weight set to w, where 0
// takes the document out, and reports whether any posting is left (when
// none is, it appends nothing). Only the postings around doc are read and
// written again; the bytes before and after them are copied.
func spliceEntry(dst, entry []byte, doc, w uint32) ([]byte, bool) {
	start := postingsStart(entry)
	prev := uint32(0) // the document of the posting before i
	i := start        // where the posting being read begins
	for {
		gap, j := readUint(entry, i)
		d := prev + gap
		switch {
		case d == doc:
			_, k := readUint(entry, j+1) // k: after the old weight
			if w != 0 {
				dst = append(dst, entry[:j+1]...)
				dst = appendUint(dst, w)
				return append(dst, entry[k:]...), true
			}
			if entry[k] == ',' { // the next posting's gap now counts from prev
				gap2, l := readUint(entry, k+1)
				dst = append(dst, entry[:i]...)
				dst = appendUint(dst, gap+gap2)
				return append(dst, entry[l:]...), true
			}
			if i == start { // the only posting
				return dst, false
			}
			dst = append(dst, entry[:i-1]...) // drop the comma before it
			return append(dst, ']'), true
		case d > doc:
			if w == 0 {
				return append(dst, entry...), true
			}
			dst = append(dst, entry[:i]...)
			dst = appendUint(dst, doc-prev)
			dst = append(dst, ',')
			dst = appendUint(dst, w)
			dst = append(dst, ',')
			dst = appendUint(dst, d-doc)
			return append(dst, entry[j:]...), true
		}
		_, k := readUint(entry, j+1)
		prev = d
		if entry[k] == ']' { // doc comes after every posting
			if w == 0 {
				return append(dst, entry...), true
			}
			dst = append(dst, entry[:k]...)
			dst = append(dst, ',')
			dst = appendUint(dst, doc-prev)
			dst = append(dst, ',')
			dst = appendUint(dst, w)
			return append(dst, ']'), true
		}
		i = k + 1
	}
}

// appendUint appends n in decimal.
func appendUint(b []byte, n uint32) []byte {
	at := len(b)
	b = append(b, "0000000000"[:digits(n)]...)
	putUint(b, at, n)
	return b
}
