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
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// WordCount counts Latin words (runs of letters and digits) plus each CJK
// character.
func WordCount(s []byte) int {
	n := 0
	inWord := false
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		switch {
		case IsCJK(r):
			n++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' && inWord:
			if !inWord {
				n++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	return n
}

// ReadingTime returns whole minutes to read a text of the given CJK
// character and Latin word counts: 300 characters or 200 words a minute,
// at least 1 for a non-empty text.
func ReadingTime(s []byte) int {
	cjk, latin := 0, 0
	inWord := false
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		switch {
		case IsCJK(r):
			cjk++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				latin++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	if cjk+latin == 0 {
		return 0
	}
	minutes := float64(cjk)/300 + float64(latin)/200
	m := int(minutes + 0.5)
	if m < 1 {
		m = 1
	}
	return m
}

// Summary returns the start of s of at most limit characters, where a CJK
// character counts one and a Latin word counts its letters; the cut falls
// at a sentence end when one is near the limit, else at a word boundary,
// never inside a Latin word. Whitespace runs are folded to one space and
// an ellipsis is added when the text was cut.
func Summary(s []byte, limit int) string {
	folded := strings.Join(strings.Fields(string(s)), " ")
	if limit <= 0 || utf8.RuneCountInString(folded) <= limit {
		return folded
	}
	runes := []rune(folded)
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
