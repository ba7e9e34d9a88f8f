package htmlesc

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
)

// asciiSet is a set of ASCII bytes: bit c of lo for c < 64, bit c-64 of hi
// for 64 <= c < 128.
type asciiSet struct{ lo, hi uint64 }

// has reports whether c is in the set; bytes from 0x80 up never are.
func (s asciiSet) has(c byte) bool {
	if c < 64 {
		return s.lo>>c&1 != 0
	}
	if c < 128 {
		return s.hi>>(c-64)&1 != 0
	}
	return false
}

// The bytes each HTML escaper replaces. The "norm" sets leave '&' alone so
// that entities already in trusted HTML are not escaped twice; the
// unquoted-attribute sets add white space, '=' and '`'.
const (
	htmlNormLo  = 1<<0 | 1<<'"' | 1<<'\'' | 1<<'+' | 1<<'<' | 1<<'>'
	htmlLo      = htmlNormLo | 1<<'&'
	nospaceNorm = htmlNormLo | 1<<'\t' | 1<<'\n' | 1<<'\v' | 1<<'\f' | 1<<'\r' | 1<<' ' | 1<<'='
	nospaceLo   = nospaceNorm | 1<<'&'
	nospaceHi   = 1 << ('`' - 64)
)

// htmlEscaper escapes for HTML text; trusted HTML passes through as is.
func htmlEscaper(args ...any) string { return htmlEscaperText(stringify(args)) }

// htmlEscaperText is htmlEscaper for one value: the text s of Content k.
func htmlEscaperText(s string, k Content) string {
	if k == HTML {
		return s
	}
	return escapeHTML(s, asciiSet{lo: htmlLo}, false)
}

// attrEscaper escapes for a quoted attribute value; trusted HTML loses its
// tags and keeps its entities.
func attrEscaper(args ...any) string { return attrEscaperText(stringify(args)) }

// attrEscaperText is attrEscaper for one value: the text s of Content k.
func attrEscaperText(s string, k Content) string {
	if k == HTML {
		return escapeHTML(stripTags(s), asciiSet{lo: htmlNormLo}, false)
	}
	return escapeHTML(s, asciiSet{lo: htmlLo}, false)
}

// rcdataEscaper escapes for the body of <title> or <textarea>; trusted HTML
// keeps its entities.
func rcdataEscaper(args ...any) string { return rcdataEscaperText(stringify(args)) }

// rcdataEscaperText is rcdataEscaper for one value: the text s of Content k.
func rcdataEscaperText(s string, k Content) string {
	if k == HTML {
		return escapeHTML(s, asciiSet{lo: htmlNormLo}, false)
	}
	return escapeHTML(s, asciiSet{lo: htmlLo}, false)
}

// nospaceEscaper escapes for an unquoted attribute value; an empty value
// becomes filterFailsafe so the attribute cannot swallow what follows.
func nospaceEscaper(args ...any) string { return nospaceEscaperText(stringify(args)) }

// nospaceEscaperText is nospaceEscaper for one value: the text s of Content k.
func nospaceEscaperText(s string, k Content) string {
	if s == "" {
		return filterFailsafe
	}
	if k == HTML {
		return escapeHTML(stripTags(s), asciiSet{lo: nospaceNorm, hi: nospaceHi}, true)
	}
	return escapeHTML(s, asciiSet{lo: nospaceLo, hi: nospaceHi}, true)
}

// escapeHTML replaces the bytes of s that are in set with character
// references. With unquoted set, the noncharacters U+FDD0..U+FDEF and
// U+FFF0..U+FFFF, the replacement character and each byte of invalid UTF-8
// become hexadecimal references too, and NUL becomes "&#xfffd;" rather
// than U+FFFD itself.
func escapeHTML(s string, set asciiSet, unquoted bool) string {
	i, w := nextHTMLEscape(s, 0, set, unquoted)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	written := 0
	for i < len(s) {
		b.WriteString(s[written:i])
		if c := s[i]; c < utf8.RuneSelf {
			b.WriteString(htmlReference(c, unquoted))
		} else {
			r, _ := utf8.DecodeRuneInString(s[i:])
			b.WriteString("&#x")
			b.WriteString(strconv.FormatInt(int64(r), 16))
			b.WriteByte(';')
		}
		written = i + w
		i, w = nextHTMLEscape(s, written, set, unquoted)
	}
	b.WriteString(s[written:])
	return b.String()
}

// nextHTMLEscape returns the index and byte width of the first character
// from s[from] on that escapeHTML replaces, or len(s) and 0.
func nextHTMLEscape(s string, from int, set asciiSet, unquoted bool) (int, int) {
	if !unquoted && set.hi == 0 {
		// Only ASCII bytes below 64 can need escaping.
		if i := nextLowEscape(s, from, set.lo); i < len(s) {
			return i, 1
		}
		return len(s), 0
	}
	for i := from; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if set.has(c) {
				return i, 1
			}
			i++
		case unquoted:
			r, w := utf8.DecodeRuneInString(s[i:])
			if isNoncharRef(r) {
				return i, w
			}
			i += w
		default:
			i++
		}
	}
	return len(s), 0
}

// nextLowEscape returns the index of the first byte of s from s[from] on
// that is below 64 with its bit set in lo, or len(s). Text is read eight
// bytes at a time, and only the bytes of a word that are below 64 are
// looked at: Chinese text (UTF-8 bytes from 0x80 up, full-width
// punctuation) and ASCII letters skip a word in a few instructions.
func nextLowEscape(s string, from int, lo uint64) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := from
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// Each byte below 64 borrows into its top bit when 64 is taken
		// from it, and has that bit clear itself: its top bit is set in
		// m. A borrow may set the bit of a byte above one too, so each
		// byte marked is checked.
		for m := (x - 64*ones) &^ x & highs; m != 0; m &= m - 1 {
			j := bits.TrailingZeros64(m) >> 3
			if c := w[j]; c < 64 && lo>>c&1 != 0 {
				return i + j
			}
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 64 && lo>>c&1 != 0 {
			return i
		}
	}
	return len(s)
}

// isNoncharRef reports whether an unquoted attribute value writes r as a
// hexadecimal character reference.
func isNoncharRef(r rune) bool {
	return 0xfdd0 <= r && r <= 0xfdef || 0xfff0 <= r && r <= 0xffff
}

// htmlReference is the replacement of the ASCII byte c in HTML text or an
// attribute value (unquoted when unquoted is set).
func htmlReference(c byte, unquoted bool) string {
	switch c {
	case 0:
		if unquoted {
			return "&#xfffd;"
		}
		return "\uFFFD"
	case '"':
		return "&#34;"
	case '&':
		return "&amp;"
	case '\'':
		return "&#39;"
	case '+':
		return "&#43;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '=':
		return "&#61;"
	case '`':
		return "&#96;"
	case ' ':
		return "&#32;"
	}
	// The remaining members of the sets are the ASCII white space
	// controls \t \n \v \f \r, written in decimal.
	return "&#" + strconv.Itoa(int(c)) + ";"
}
