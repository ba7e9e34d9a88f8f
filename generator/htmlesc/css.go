package htmlesc

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cssEscaper escapes a value for a CSS string or url(...) body with
// hexadecimal CSS escapes, followed by a space when the next character
// could continue the escape. It treats every value as plain text.
func cssEscaper(args ...any) string { return cssEscaperText(stringify(args)) }

// cssEscaperText is cssEscaper for one value: the text s, whatever its Content.
func cssEscaperText(s string, _ Content) string {
	i := 0
	for i < len(s) && cssEscape(s[i]) == "" {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	written := 0
	for ; i < len(s); i++ {
		repl := cssEscape(s[i])
		if repl == "" {
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
		// CSS white space is the same five bytes as HTML's.
		if repl != `\\` && (written == len(s) || isHex(s[written]) || isHTMLSpace(s[written])) {
			b.WriteByte(' ')
		}
	}
	b.WriteString(s[written:])
	return b.String()
}

// cssEscape is the CSS escape of the ASCII byte c, or "" when c stays.
func cssEscape(c byte) string {
	switch c {
	case 0:
		return `\0`
	case '\t':
		return `\9`
	case '\n':
		return `\a`
	case '\f':
		return `\c`
	case '\r':
		return `\d`
	case '"':
		return `\22`
	case '&':
		return `\26`
	case '\'':
		return `\27`
	case '(':
		return `\28`
	case ')':
		return `\29`
	case '+':
		return `\2b`
	case '/':
		return `\2f`
	case ':':
		return `\3a`
	case ';':
		return `\3b`
	case '<':
		return `\3c`
	case '>':
		return `\3e`
	case '\\':
		return `\\`
	case '{':
		return `\7b`
	case '}':
		return `\7d`
	}
	return ""
}

// cssValueFilter passes a value for a CSS property value or selector once
// its CSS escapes are decoded, when it holds no character that could end
// the value, open a string, comment or block, and no "expression" or
// "mozbinding" in its identifier characters; otherwise it returns
// filterFailsafe. Trusted template.CSS passes as is.
func cssValueFilter(args ...any) string { return cssValueFilterText(stringify(args)) }

// cssValueFilterText is cssValueFilter for one value: the text s of Content k.
func cssValueFilterText(s string, k Content) string {
	if k == CSS {
		return s
	}
	s = decodeCSS(s)
	// id collects the ASCII identifier characters but '-', lower-cased,
	// so "-moz-binding" is caught as well.
	var buf [64]byte
	id := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 0, '"', '\'', '(', ')', '/', ';', '@', '[', '\\', ']', '`', '{', '}', '<', '>':
			return filterFailsafe
		case '-':
			// No "--", which could be part of <!-- or -->.
			if i != 0 && s[i-1] == '-' {
				return filterFailsafe
			}
		}
		if c != '-' && c < utf8.RuneSelf && isCSSNameChar(rune(c)) {
			id = append(id, lowerASCII(c))
		}
	}
	if bytes.Contains(id, []byte("expression")) || bytes.Contains(id, []byte("mozbinding")) {
		return filterFailsafe
	}
	return s
}

// lowerASCII lower-cases an ASCII letter and returns other bytes as is.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isCSSNameChar reports whether r may appear in a CSS identifier (escape
// sequences aside).
func isCSSNameChar(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' ||
		r == '-' || r == '_' ||
		0x80 <= r && r <= 0xd7ff ||
		0xe000 <= r && r <= 0xfffd ||
		0x10000 <= r && r <= 0x10ffff
}

// decodeCSS decodes the CSS escapes in s: a backslash and one to six hex
// digits (and one white space after them) stand for that code point, a
// backslash and any other character for that character. A lone trailing
// backslash is dropped. It returns s itself when there is no backslash.
func decodeCSS(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for len(s) != 0 {
		i := strings.IndexByte(s, '\\')
		if i < 0 {
			i = len(s)
		}
		b, s = append(b, s[:i]...), s[i:]
		if len(s) < 2 {
			break
		}
		if isHex(s[1]) {
			j := 2
			for j < len(s) && j < 7 && isHex(s[j]) {
				j++
			}
			r := hexValue(s[1:j])
			if r > unicode.MaxRune {
				r, j = r/16, j-1
			}
			b = utf8.AppendRune(b, r)
			s = skipOneCSSSpace(s[j:])
		} else {
			_, n := utf8.DecodeRuneInString(s[1:])
			b, s = append(b, s[1:1+n]...), s[1+n:]
		}
	}
	return string(b)
}

// hexValue is the value of a string of hex digits.
func hexValue(s string) rune {
	var n rune
	for i := 0; i < len(s); i++ {
		c := s[i]
		n <<= 4
		switch {
		case '0' <= c && c <= '9':
			n |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			n |= rune(c-'a') + 10
		default:
			n |= rune(c-'A') + 10
		}
	}
	return n
}

// skipOneCSSSpace drops one CSS white space (a CR LF pair counting as
// one) from the front of s.
func skipOneCSSSpace(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '\t', '\n', '\f', ' ':
		return s[1:]
	case '\r':
		if len(s) >= 2 && s[1] == '\n' {
			return s[2:]
		}
		return s[1:]
	}
	return s
}
