package search

import (
	"slices"
	"strconv"
	"strings"
)

// entries holds every token's shard entry, `"token":[postings]`, encoded
// once and sorted by token, so shard files are joined from byte ranges.
type entries struct {
	tokens []string // sorted
	data   []byte   // every entry, back to back
	ends   []int    // by position in tokens: end offset of its entry in data
}

// encode sorts the tokens and encodes each one's postings as the flat
// delta-coded array the package comment describes.
func (ix *inverted) encode() *entries {
	order := make([]int32, len(ix.tokens))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(ix.tokens[a], ix.tokens[b]) })
	e := &entries{tokens: make([]string, len(order)), ends: make([]int, len(order))}
	size := 0
	for _, id := range ix.postings {
		size += 12 + 4*len(id) // a rough guess to allocate once
	}
	e.data = make([]byte, 0, size)
	for i, id := range order {
		tok := ix.tokens[id]
		e.tokens[i] = tok
		e.data = appendJSONString(e.data, tok)
		e.data = append(e.data, ':', '[')
		prev := uint32(0)
		p := ix.postings[id]
		for j := 0; j < len(p); j += 2 {
			if j > 0 {
				e.data = append(e.data, ',')
			}
			e.data = strconv.AppendUint(e.data, uint64(p[j]-prev), 10)
			e.data = append(e.data, ',')
			e.data = strconv.AppendUint(e.data, uint64(p[j+1]), 10)
			prev = p[j]
		}
		e.data = append(e.data, ']')
		e.ends[i] = len(e.data)
	}
	return e
}

// size returns the length in bytes of entry i.
func (e *entries) size(i int) int {
	if i == 0 {
		return e.ends[0]
	}
	return e.ends[i] - e.ends[i-1]
}

// file returns the JSON object of the entries at the given ascending
// positions.
func (e *entries) file(members []int) []byte {
	n := 2
	for _, i := range members {
		n += e.size(i) + 1
	}
	out := make([]byte, 0, n)
	out = append(out, '{')
	for k, i := range members {
		if k > 0 {
			out = append(out, ',')
		}
		out = append(out, e.data[e.ends[i]-e.size(i):e.ends[i]]...)
	}
	return append(out, '}')
}

// appendJSONString appends s as a JSON string. Tokens hold only letters,
// digits and marks, but the escaping keeps any string valid.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
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
