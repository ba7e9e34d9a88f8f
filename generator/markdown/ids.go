package markdown

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// headingIDs hands out the element IDs of one page: readable for any script,
// unique within the page. A fresh one is made for every Render call.
type headingIDs struct {
	used map[string]bool
}

var _ parser.IDs = (*headingIDs)(nil)

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Generate returns a new ID made from value by slugID, with "-1", "-2", …
// added when it is already taken.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slugID(value)
	id := base
	for n := 1; h.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	h.used[id] = true
	return []byte(id)
}

// Put records an ID given explicitly, so Generate does not hand it out.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// slugID keeps the letters, digits and combining marks of s in lower case and
// turns every run of other characters into one '-', without a '-' at either
// end. It returns "heading" when nothing is left.
func slugID(s []byte) string {
	b := make([]byte, 0, len(s))
	dash := false
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		s = s[n:]
		if unicode.IsLetter(r) || unicode.IsDigit(r) || (unicode.IsMark(r) && len(b) > 0) {
			if dash && len(b) > 0 {
				b = append(b, '-')
			}
			dash = false
			b = utf8.AppendRune(b, unicode.ToLower(r))
			continue
		}
		dash = true
	}
	if len(b) == 0 {
		return "heading"
	}
	return string(b)
}
