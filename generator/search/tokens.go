package search

import (
	"unicode"
	"unicode/utf8"
)

// Tokens returns the index tokens of text in the order they occur,
// repeats included: stemmed lower-case words, then for CJK text each
// character and each pair of neighbouring characters. The package comment
// gives the rules; search.js implements the same ones.
func Tokens(text string) []string {
	var out []string
	var s scanner
	var buf []byte
	s.scan(text, false, func(t token) {
		buf = t.appendTo(buf[:0])
		out = append(out, string(buf))
	})
	return out
}

// queryTerms returns the distinct tokens a query asks for, in first-seen
// order: words as Tokens gives them, and for a CJK run of two or more
// characters its pairs only (a lone CJK character stays a term).
func queryTerms(query string) []string {
	var out []string
	seen := make(map[string]bool)
	var s scanner
	var buf []byte
	s.scan(query, true, func(t token) {
		buf = t.appendTo(buf[:0])
		if !seen[string(buf)] {
			seen[string(buf)] = true
			out = append(out, string(buf))
		}
	})
	return out
}

// token is one token as the scanner finds it: a word, or one CJK
// character, or a pair of neighbouring ones.
type token struct {
	word  []byte  // the stemmed word, or nil for CJK
	chars [2]rune // CJK: the character, or the pair; chars[1] is 0 for one
}

// appendTo appends the token's text to b.
func (t token) appendTo(b []byte) []byte {
	if t.word != nil {
		return append(b, t.word...)
	}
	b = utf8.AppendRune(b, t.chars[0])
	if t.chars[1] != 0 {
		b = utf8.AppendRune(b, t.chars[1])
	}
	return b
}

// cjkKey packs a CJK token's characters into one number (21 bits each),
// a cheaper map key than its text.
func (t token) cjkKey() uint64 {
	return uint64(t.chars[0])<<21 | uint64(t.chars[1])
}

// scanner holds the reusable buffer of one tokenizing goroutine. Its zero
// value is ready; it must not be shared between goroutines.
type scanner struct {
	word []byte // the open Latin word, lower-cased UTF-8
}

// scan calls emit with each token of text. In query mode a CJK run of two
// or more characters gives only its pairs. emit must not keep t.word.
func (s *scanner) scan(text string, query bool, emit func(t token)) {
	s.word = s.word[:0]
	var prev rune // the previous CJK character of the open run
	runLen := 0   // characters in the open CJK run
	endRun := func() {
		if query && runLen == 1 {
			emit(token{chars: [2]rune{prev, 0}})
		}
		runLen = 0
	}
	endWord := func() {
		if len(s.word) > 0 {
			emit(token{word: stem(s.word)})
			s.word = s.word[:0]
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		r = foldWidth(r)
		switch {
		case isCJK(r):
			endWord()
			if runLen > 0 {
				emit(token{chars: [2]rune{prev, r}})
			}
			if !query {
				emit(token{chars: [2]rune{r, 0}})
			}
			prev = r
			runLen++
		case isWordRune(r):
			endRun()
			s.word = utf8.AppendRune(s.word, unicode.ToLower(r))
		case isApostrophe(r) && len(s.word) > 0 && i < len(text):
			next, _ := utf8.DecodeRuneInString(text[i:])
			next = foldWidth(next)
			if isWordRune(next) && !isCJK(next) {
				continue // inside a word: "leader's" reads as "leaders"
			}
			endWord()
		default:
			endRun()
			endWord()
		}
	}
	endRun()
	endWord()
}

// isCJK reports whether r is indexed by characters and pairs: Han,
// Hiragana, Katakana, Hangul and the prolonged sound marks ー and ｰ.
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) ||
		r == 0x30FC || r == 0xFF70
}

// isWordRune reports whether r belongs in a word: a letter, a decimal
// digit or a mark.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isApostrophe reports whether r is ' or ’.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019'
}

// foldWidth maps fullwidth ASCII forms (U+FF01 to U+FF5E) to ASCII.
func foldWidth(r rune) rune {
	if 0xFF01 <= r && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}
