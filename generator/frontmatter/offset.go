package frontmatter

import (
	"bytes"
	"unicode/utf8"
)

// PositionAt returns the position of byte offset off (0 ≤ off ≤ len(src))
// in src: its 1-based line and its column in characters, as every
// position the package reports counts them.
func PositionAt(src []byte, off int) Position {
	before := src[:off]
	return Position{
		Line: 1 + bytes.Count(before, []byte{'\n'}),
		Col:  1 + utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]),
	}
}

// InvalidUTF8 returns the offset of the first byte of src that is no
// UTF-8, or -1 when src is valid.
func InvalidUTF8(src []byte) int {
	if utf8.Valid(src) {
		return -1
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
