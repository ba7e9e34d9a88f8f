package htmlesc

import (
	"strings"
)

// urlFilter passes a URL whose scheme is http, https or mailto, or that has
// none; any other scheme turns the whole value into "#ZgotmplZ". Trusted
// template.URL passes as is.
func urlFilter(args ...any) string { return urlFilterText(stringify(args)) }

// urlFilterText is urlFilter for one value: the text s of Content k.
func urlFilterText(s string, k Content) string {
	if k == URL {
		return s
	}
	if !isSafeURL(s) {
		return "#" + filterFailsafe
	}
	return s
}

// isSafeURL reports whether s is relative (no ':' before the first '/')
// or its scheme is http, https or mailto in any case.
func isSafeURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") ||
		strings.EqualFold(scheme, "https") ||
		strings.EqualFold(scheme, "mailto")
}

// urlNormalizer percent-encodes the bytes of a URL that are not allowed in
// it, keeping its structure (reserved characters and valid %xx escapes) as
// is.
func urlNormalizer(args ...any) string { return urlNormalizerText(stringify(args)) }

// urlNormalizerText is urlNormalizer for one value: the text s, whatever its Content.
func urlNormalizerText(s string, _ Content) string {
	return processURL(s, true)
}

// urlEscaper percent-encodes a value for a URL query part: every byte but
// ASCII letters, digits and "-._~". Trusted template.URL is normalized
// instead, like urlNormalizer does.
func urlEscaper(args ...any) string { return urlEscaperText(stringify(args)) }

// urlEscaperText is urlEscaper for one value: the text s of Content k.
func urlEscaperText(s string, k Content) string {
	return processURL(s, k == URL)
}

// processURL percent-encodes s with lower-case hex digits: every byte that
// is not unreserved (RFC 3986), and unless norm is set also the reserved
// ones and '%'. With norm set, a '%' starting a valid escape is kept.
func processURL(s string, norm bool) string {
	keep := urlKeeps(norm)
	i := urlKept(s, keep, norm)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	written := 0
	for i < len(s) {
		c := s[i]
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(lowerHex[c>>4])
		b.WriteByte(lowerHex[c&15])
		written = i + 1
		i = written + urlKept(s[written:], keep, norm)
	}
	b.WriteString(s[written:])
	return b.String()
}

// lowerHex holds the hexadecimal digits percent-encoding writes.
const lowerHex = "0123456789abcdef"

// The bytes a URL keeps as they are: the unreserved ones (ASCII letters,
// digits and "-._~") always, the reserved ones "!#$&*+,/:;=?@[]" when
// normalizing.
const (
	urlUnreservedLo = 0x3ff<<'0' | 1<<'-' | 1<<'.'
	urlUnreservedHi = 0x3ffffff<<('A'-64) | 0x3ffffff<<('a'-64) | 1<<('_'-64) | 1<<('~'-64)
	urlReservedLo   = 1<<'!' | 1<<'#' | 1<<'$' | 1<<'&' | 1<<'*' | 1<<'+' | 1<<',' | 1<<'/' | 1<<':' | 1<<';' | 1<<'=' | 1<<'?'
	urlReservedHi   = 1<<('@'-64) | 1<<('['-64) | 1<<(']'-64)
)

// urlKeeps returns the bytes a URL (norm set) or a URL query value (norm
// unset) always keeps as they are.
func urlKeeps(norm bool) asciiSet {
	if norm {
		return asciiSet{lo: urlUnreservedLo | urlReservedLo, hi: urlUnreservedHi | urlReservedHi}
	}
	return asciiSet{lo: urlUnreservedLo, hi: urlUnreservedHi}
}

// urlKept returns the length of the longest start of s that processURL
// keeps as it is: bytes in keep (urlKeeps(norm)) and, when norm is set,
// each '%' starting a valid escape.
func urlKept(s string, keep asciiSet, norm bool) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if keep.has(c) {
			continue
		}
		if c != '%' || !norm || i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return i
		}
	}
	return len(s)
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
