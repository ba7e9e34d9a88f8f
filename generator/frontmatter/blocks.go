package frontmatter

import "strings"

// Sizes of the blocks a Decoder carves values from. Everything a page's
// front matter decodes to is kept to the end of a build, so the values of
// several pages may as well share a block: the heap then holds fewer
// objects. The blocks stay small objects (512 bytes at most): the garbage
// collector marks those a span at a time, and bigger ones, with every
// pointer into them, one by one, which costs more than the objects saved
// (c10k: 20 collections of a loaded tree took 5% fewer instructions with
// 512-byte blocks than with an object each, 2% more with 4 KiB blocks).
const (
	// textBlock is the size of a block of string bytes.
	textBlock = 512
	// maxBlockText is the longest string copied into a block; a longer
	// one gets memory of its own, so little of a block is left unused.
	maxBlockText = 128
	// elemBlock is how many list elements a block holds (16 bytes each).
	elemBlock = 32
	// maxBlockElems is the longest list carved from a block.
	maxBlockElems = 8
)

// blocks hands out copies of strings and lists from shared blocks.
// The zero value is ready to use.
type blocks struct {
	text  *strings.Builder // the current block of string bytes
	elems []any            // the current block of list elements
}

// clone returns a copy of s that shares its memory with other strings
// cloned before or after it. A strings.Builder only ever appends to its
// bytes, so a string it returned stays as it is while more is written,
// as long as the block is not grown, which clone never lets happen.
func (b *blocks) clone(s string) string {
	switch {
	case s == "":
		return ""
	case len(s) > maxBlockText:
		return strings.Clone(s)
	case b.text == nil:
		b.text = new(strings.Builder)
		b.text.Grow(textBlock)
	case b.text.Cap()-b.text.Len() < len(s):
		b.text.Reset() // the strings handed out keep the old block
		b.text.Grow(textBlock)
	}
	at := b.text.Len()
	b.text.WriteString(s)
	return b.text.String()[at:]
}

// list returns a copy of elems exactly as long as they are (its capacity
// is its length, so appending to it never writes into the block), which
// shares its memory with other lists.
func (b *blocks) list(elems []any) []any {
	n := len(elems)
	switch {
	case n == 0:
		return []any{}
	case n > maxBlockElems:
		return exactCopy(elems)
	case cap(b.elems)-len(b.elems) < n:
		b.elems = make([]any, 0, elemBlock)
	}
	at := len(b.elems)
	b.elems = append(b.elems, elems...)
	return b.elems[at : at+n : at+n]
}
