// Package text measures and cuts plain text written in Chinese, English or
// both: word counts that count each CJK character and each Latin word,
// reading time, and summaries cut at a character budget.
//
// Functions are pure and safe for concurrent use.
package text

import (
	"bytes"
	"math/bits"
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
			// Eight ASCII bytes at a time while there are eight and no
			// apostrophe among them: the common case of English text.
			for i+8 <= len(s) {
				x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
					uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
				w, ok := asciiWordBytes(x)
				if !ok {
					break
				}
				prev := w<<8 | inWordBit(inWord)
				c.Latin += bits.OnesCount64(w &^ prev)
				inWord = w>>63 != 0
				i += 8
			}
			// Then byte by byte, up to the next non-ASCII byte or for
			// eight bytes, before trying eight at a time again.
			for end := min(i+8, len(s)); i < end; i++ {
				b := s[i]
				if b >= utf8.RuneSelf {
					break
				}
				if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '\'' && inWord {
					if !inWord {
						c.Latin++
						inWord = true
					}
				} else {
					inWord = false
				}
			}
			continue
		}
		if n := hanRun(s[i:]); n > 0 {
			// A run of CJK Unified Ideographs, most of a Chinese text.
			c.CJK += n
			i += 3 * n
			inWord = false
			continue
		}
		var r rune
		if b >= 0xE1 && b <= 0xEF && b != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// U+1000–U+FFFF but for the surrogates (lead byte 0xED) and
			// the overlong forms (lead byte 0xE0): three bytes decoded
			// here without utf8's general path.
			r = rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
		}
		class := classCJK // most often a Han character, tested here without a call
		if r < 0x4E00 || r > 0x9FFF {
			class = classify(r)
		}
		switch class {
		case classCJK:
			c.CJK++
			inWord = false
		case classWord:
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

// Byte-wise constants for asciiWordBytes: each byte of ones is 0x01, of
// highs 0x80.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// asciiWordBytes returns, for eight bytes packed little-endian in x, a
// mask with the high bit of each byte set where that byte is an ASCII
// letter or digit, and false when a byte is not ASCII or is an apostrophe
// (whose meaning depends on the byte before it). For a byte b < 0x80,
// b+(0x80-lo) has its high bit set when b >= lo, and b+(0x7F-hi) when
// b > hi, and neither sum carries into the next byte; b|0x20 folds the
// upper-case letters onto the lower-case ones and nothing else onto them.
func asciiWordBytes(x uint64) (uint64, bool) {
	if x&highs != 0 {
		return 0, false
	}
	if (x+(0x80-0x27)*ones)&^(x+(0x7F-0x27)*ones)&highs != 0 {
		return 0, false // an apostrophe
	}
	digit := (x + (0x80-'0')*ones) &^ (x + (0x7F-'9')*ones)
	y := x | 0x20*ones
	letter := (y + (0x80-'a')*ones) &^ (y + (0x7F-'z')*ones)
	return (digit | letter) & highs, true
}

// inWordBit is the high bit of the byte before the first of eight that
// asciiWordBytes tests: set when that byte ended inside a word.
func inWordBit(inWord bool) uint64 {
	if inWord {
		return 0x80
	}
	return 0
}

// hanRun returns how many characters of CJK Unified Ideographs (U+4E00 to
// U+9FFF: E4 B8 80 to E9 BF BF in UTF-8) s begins with, three bytes each
// read as one number and tested at once.
func hanRun(s string) int {
	i := 0
	for ; i+2 < len(s); i += 3 {
		v := uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])
		if v-0xE4B880 > 0xE9BFBF-0xE4B880 || v&0xC0C0 != 0x8080 {
			break
		}
	}
	return i / 3
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
	// Fold whitespace while reading only as far as the summary needs,
	// keeping where each character starts in the folded text.
	var outArr [(summaryStack + 2) * 3]byte
	var offArr [summaryStack + 2]int32
	out, offs := outArr[:0], offArr[:0]
	space := false
	for i := 0; i < len(s) && (limit <= 0 || len(offs) <= limit); {
		b := s[i]
		var r rune
		size := 1
		if b < utf8.RuneSelf {
			r = rune(b)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) {
			space = len(offs) > 0
			i += size
			continue
		}
		if space {
			offs = append(offs, int32(len(out)))
			out = append(out, ' ')
			space = false
		}
		offs = append(offs, int32(len(out)))
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, r) // as a broken byte becomes in a []rune
		} else {
			out = append(out, s[i:i+size]...)
		}
		i += size
	}
	if limit <= 0 || len(offs) <= limit {
		return string(out)
	}
	// at returns the folded text's character i.
	at := func(i int) rune {
		if c := out[offs[i]]; c < utf8.RuneSelf {
			return rune(c)
		}
		r, _ := utf8.DecodeRune(out[offs[i]:])
		return r
	}
	cut := limit
	// Prefer the last sentence end in the final third of the budget.
	for i := cut - 1; i >= limit*2/3; i-- {
		if isSentenceEnd(at(i)) {
			return string(bytes.TrimSpace(out[:offs[i+1]]))
		}
	}
	// Otherwise do not split a Latin word.
	for cut > 0 && isLatin(at(cut)) && isLatin(at(cut-1)) {
		cut--
	}
	if cut == 0 {
		cut = limit
	}
	return string(append(bytes.TrimSpace(out[:offs[cut]]), "…"...))
}

// isSpace is unicode.IsSpace, decided at once for the characters after
// U+3000, the last space character.
func isSpace(r rune) bool {
	return r <= 0x3000 && unicode.IsSpace(r)
}

// summaryStack is the longest limit, in characters, for which Summary
// allocates nothing but the result when no character takes four bytes: it
// reads up to limit+2 characters (a folded space and one past the limit).
const summaryStack = 256

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
