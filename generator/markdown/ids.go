package markdown

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// headingIDs hands out the element IDs of one page: readable for any script,
// unique within the page. Render resets one for every call.
type headingIDs struct {
	used     map[string]bool
	buf      []byte       // scratch for the ID being made
	rendered []renderedID // generated IDs the heading renderer writes
}

var _ parser.IDs = (*headingIDs)(nil)

// reset forgets every ID, keeping the memory for the next page. The zero
// headingIDs is ready once reset.
func (h *headingIDs) reset() {
	if h.used == nil {
		h.used = map[string]bool{}
	}
	clear(h.used)
	clear(h.rendered) // let go of the last page's nodes
	h.rendered = h.rendered[:0]
}

// Generate returns a new ID made from value by appendSlug, with "-1", "-2", …
// added when it is already taken.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	return []byte(h.generate(value))
}

// generate is Generate returning a string, made without a copy in between.
func (h *headingIDs) generate(value []byte) string {
	h.buf = appendSlug(h.buf[:0], value)
	base := len(h.buf)
	for n := 1; h.used[string(h.buf)]; n++ {
		h.buf = strconv.AppendInt(append(h.buf[:base], '-'), int64(n), 10)
	}
	id := string(h.buf)
	h.used[id] = true
	return id
}

// Put records an ID given explicitly, so Generate does not hand it out.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// appendSlug appends to b the slug of s: the letters, digits and combining
// marks of s in lower case, every run of other characters turned into one
// '-', without a '-' at either end, or "heading" when nothing is left.
// ASCII and the CJK unified ideographs (U+4E00–U+9FFF, letters without
// case), most of what headings are written in, are decided without the
// unicode tables.
func appendSlug(b, s []byte) []byte {
	start := len(b)
	dash := false
	for len(s) > 0 {
		c := s[0]
		var r rune // the character, decoded when it is neither ASCII nor Han
		n, keep, han := 1, false, false
		switch {
		case c < utf8.RuneSelf:
			keep = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
		case isHan3(s):
			n, keep, han = 3, true, true
		default:
			r, n = utf8.DecodeRune(s)
			keep = unicode.IsLetter(r) || unicode.IsDigit(r) || (unicode.IsMark(r) && len(b) > start)
		}
		if !keep {
			dash = true
			s = s[n:]
			continue
		}
		if dash && len(b) > start {
			b = append(b, '-')
		}
		dash = false
		switch {
		case c < utf8.RuneSelf:
			b = append(b, c|0x20) // lower case; digits have the bit already
		case han:
			b = append(b, s[:3]...) // a letter without case
		default:
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
		s = s[n:]
	}
	if len(b) == start {
		return append(b, "heading"...)
	}
	return b
}

// isHan3 reports whether s starts with a CJK unified ideograph from U+4E00
// to U+9FFF in its three bytes: lead byte 0xE4 to 0xE9 (U+4000–U+9FFF) and,
// after 0xE4, a second byte from 0xB8 on.
func isHan3(s []byte) bool {
	return len(s) >= 3 && 0xE4 <= s[0] && s[0] <= 0xE9 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 &&
		(s[0] > 0xE4 || s[1] >= 0xB8)
}
