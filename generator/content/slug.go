package content

import (
	"strings"
	"unicode"
)

// Slugify turns a title or file name into a URL segment: letters and digits
// of any script are kept (lower-cased), runs of anything else become one
// '-'. A result with nothing left falls back to the input trimmed.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '_' || r == '.' || isWordRune(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return strings.TrimSpace(s)
	}
	return b.String()
}

// isWordRune reports whether r is kept in a slug: a letter or digit of any
// script, or a combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
