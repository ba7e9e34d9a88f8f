package markdown

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// span maps a stretch of the expanded body back to the page source. A copied
// span is source text taken over byte for byte; any other span is shortcode
// output, and all of it maps to the shortcode's opening "{{".
type span struct {
	body, src int
	copied    bool
}

// positions turns byte offsets of the expanded body into lines and columns
// of the page's file.
type positions struct {
	src        []byte
	lineOffset int
	spans      []span // nil when the body is the source itself
	lineStarts []int  // offsets in src where lines start; built on first use
}

// srcOffset maps an offset in the body to one in the source.
func (p *positions) srcOffset(body int) int {
	if p.spans == nil {
		return body
	}
	i := sort.Search(len(p.spans), func(i int) bool { return p.spans[i].body > body }) - 1
	if i < 0 {
		return body
	}
	s := p.spans[i]
	if s.copied {
		return s.src + body - s.body
	}
	return s.src
}

// bodyPos returns the file line and column of an offset in the body.
func (p *positions) bodyPos(body int) (line, col int) {
	return p.srcPos(p.srcOffset(body))
}

// srcPos returns the file line and column (in characters, 1-based) of an
// offset in the source.
func (p *positions) srcPos(off int) (line, col int) {
	if off < 0 || off > len(p.src) {
		return 0, 0
	}
	if p.lineStarts == nil {
		p.lineStarts = make([]int, 1, bytes.Count(p.src, []byte{'\n'})+1)
		for i := 0; ; {
			j := bytes.IndexByte(p.src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			p.lineStarts = append(p.lineStarts, i)
		}
	}
	i := sort.Search(len(p.lineStarts), func(i int) bool { return p.lineStarts[i] > off }) - 1
	first := p.lineOffset
	if first < 1 {
		first = 1
	}
	return i + first, utf8.RuneCount(p.src[p.lineStarts[i]:off]) + 1
}
