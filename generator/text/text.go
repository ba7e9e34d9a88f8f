// Package text measures and cuts plain text written in Chinese, English or
// both: word counts that count each CJK character and each Latin word,
// reading time, and summaries cut at a character budget.
//
// Functions are pure and safe for concurrent use.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsCJK reports whether r is a Han, Hiragana, Katakana or Hangul character
// (each counts as a word).
func IsCJK(r rune) bool {
	switch {
	case r < 0x1100:
		return false // Latin, Greek, Cyrillic, …: the common case, decided at once
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, r >= 0xAC00 && r <= 0xD7A3:
		return true // CJK unified ideographs, extension A, Hangul syllables
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// Counts are the measures of a text: CJK characters and Latin words.
type Counts struct {
	CJK   int // Han, kana and Hangul characters
	Latin int // runs of letters and digits outside CJK
}

// Measure counts a text's CJK characters and Latin words in one pass.
func Measure(s string) Counts {
	var c Counts
	inWord := false
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			i++
			if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '\'' && inWord {
				if !inWord {
					c.Latin++
					inWord = true
				}
			} else {
				inWord = false
			}
			continue
		}
		var r rune
		if b >= 0xE4 && b <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// U+4000–U+9FFF, most of the Han characters: three bytes
			// that can be neither overlong nor a surrogate, decoded
			// here without utf8's general path.
			r = rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
		}
		switch {
		case IsCJK(r):
			c.CJK++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				c.Latin++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	return c
}

// WordCount counts Latin words (runs of letters and digits) plus each CJK
// character.
func WordCount(s string) int {
	c := Measure(s)
	return c.CJK + c.Latin
}

// ReadingTime returns whole minutes to read a text: 300 CJK characters or
// 200 Latin words a minute, at least 1 for a non-empty text.
func ReadingTime(s string) int { return Measure(s).Minutes() }

// Minutes is the reading time of counts, as ReadingTime.
func (c Counts) Minutes() int {
	if c.CJK+c.Latin == 0 {
		return 0
	}
	m := int(float64(c.CJK)/300 + float64(c.Latin)/200 + 0.5)
	return max(m, 1)
}

// Summary returns the start of s of at most limit characters, where a CJK
// character counts one and a Latin word counts its letters; the cut falls
// at a sentence end when one is near the limit, else at a word boundary,
// never inside a Latin word. Whitespace runs are folded to one space and
// an ellipsis is added when the text was cut. A limit of 0 or less keeps
// the whole text, its whitespace folded.
func Summary(s string, limit int) string {
	// Fold whitespace while reading only as far as the summary needs.
	runes := make([]rune, 0, min(max(limit, 0)+1, len(s)))
	space := false
	for i := 0; i < len(s) && (limit <= 0 || len(runes) <= limit); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			space = len(runes) > 0
			continue
		}
		if space {
			runes = append(runes, ' ')
			space = false
		}
		runes = append(runes, r)
	}
	if limit <= 0 || len(runes) <= limit {
		return string(runes)
	}
	cut := limit
	// Prefer the last sentence end in the final third of the budget.
	for i := cut - 1; i >= limit*2/3; i-- {
		if isSentenceEnd(runes[i]) {
			return strings.TrimSpace(string(runes[:i+1]))
		}
	}
	// Otherwise do not split a Latin word.
	for cut > 0 && isLatin(runes[cut]) && isLatin(runes[cut-1]) {
		cut--
	}
	if cut == 0 {
		cut = limit
	}
	return strings.TrimSpace(string(runes[:cut])) + "…"
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '.', '!', '?', '；':
		return true
	}
	return false
}

func isLatin(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !IsCJK(r)
}
