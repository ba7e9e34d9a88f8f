package markdown

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// slugByTables is appendSlug as the unicode tables define it, for every
// character alike: the general path appendSlug's ASCII and Han fast paths
// must agree with.
func slugByTables(b, s []byte) []byte {
	start := len(b)
	dash := false
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		s = s[n:]
		if unicode.IsLetter(r) || unicode.IsDigit(r) || (unicode.IsMark(r) && len(b) > start) {
			if dash && len(b) > start {
				b = append(b, '-')
			}
			dash = false
			b = utf8.AppendRune(b, unicode.ToLower(r))
			continue
		}
		dash = true
	}
	if len(b) == start {
		return append(b, "heading"...)
	}
	return b
}

// TestSlugMatchesTables compares appendSlug with slugByTables for every
// character on its own and between others, and for broken UTF-8 around
// the three-byte range the Han fast path reads.
func TestSlugMatchesTables(t *testing.T) {
	check := func(prefix, in string) {
		t.Helper()
		got := string(appendSlug([]byte(prefix), []byte(in)))
		if want := string(slugByTables([]byte(prefix), []byte(in))); got != want {
			t.Fatalf("appendSlug(%q, %q) = %q, want %q", prefix, in, got, want)
		}
	}
	step := rune(1)
	if testing.Short() {
		step = 7 // the cases below still cover the ends of the Han range
	}
	for r := rune(0); r <= unicode.MaxRune; r += step {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		c := string(r)
		check("", c)
		check("x", "A "+c+"\u0301b")
	}
	for _, in := range []string{
		"\xe4\xb7\xbf\xe4\xb8\x80", // U+4DFF, U+4E00
		"\xe9\xbf\xbf\xea\x80\x80", // U+9FFF, U+A000
		"\xe4\xb8", "\xe4\xb8\x41", "\xe5\x41\x80", "\xe4\xb8\xc0", "中\xe4", "\xe9\xbf",
		"Hello, 世界! 第2章 Über ÅNGSTRÖM", strings.Repeat("社区 Leader-3 ", 5),
	} {
		check("", in)
		check("x", in)
	}
}
