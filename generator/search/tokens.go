package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
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
	s.scan(text, false, func(batch []token, words []byte) {
		eachText(batch, words, func(t []byte) { out = append(out, string(t)) })
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
	s.scan(query, true, func(batch []token, words []byte) {
		eachText(batch, words, func(t []byte) {
			if !seen[string(t)] {
				seen[string(t)] = true
				out = append(out, string(t))
			}
		})
	})
	return out
}

// token is one token as the scanner finds it, in one word: a CJK key, or
// for a word wordToken plus the end of the word in the batch's words. A
// word begins where the batch's previous word ends, or at 0.
type token uint64

// wordToken marks a token that is a word; no CJK key has this bit.
const wordToken token = 1 << 63

// eachText calls f with the text of each token of a batch, words stemmed
// (in place, in words). f must not keep its argument.
func eachText(batch []token, words []byte, f func(text []byte)) {
	var buf [8]byte
	start := 0
	for _, t := range batch {
		if t&wordToken != 0 {
			end := int(t &^ wordToken)
			f(stem(words[start:end]))
			start = end
			continue
		}
		f(cjkKey(t).appendTo(buf[:0]))
	}
}

// cjkKey packs a CJK token into one number, a cheap map key: the first
// character in bits 21 to 41 and the second, or 0 for a lone character, in
// bits 0 to 20. Keys compare as the UTF-8 of their tokens do, since UTF-8
// keeps code point order and a lone character sorts before its pairs.
type cjkKey uint64

// pairKey returns the key of the pair a, b, or of a alone when b is 0.
func pairKey(a, b rune) cjkKey {
	return cjkKey(a)<<21 | cjkKey(b)
}

// appendTo appends the token's UTF-8 to b.
func (k cjkKey) appendTo(b []byte) []byte {
	b = utf8.AppendRune(b, rune(k>>21))
	if second := rune(k & (1<<21 - 1)); second != 0 {
		b = utf8.AppendRune(b, second)
	}
	return b
}

// batchSize is how many tokens the scanner gathers before it hands them on.
const batchSize = 256

// scanner holds the reusable buffers of one tokenizing goroutine. Its zero
// value is ready; it must not be shared between goroutines.
type scanner struct {
	words []byte  // the words of the current batch, lower-cased UTF-8, back to back
	batch []token // tokens not yet handed on
	// han, when set, takes the place of scanHan outside query mode: from
	// the first character of CJK Unified Ideographs of a run of them on,
	// scan calls its countHan, which counts those characters' tokens
	// from text[i:], after the run's character prev or 0 when they begin
	// it, instead of handing them on, and returns where it stopped, the
	// run's last character and the number of characters it read. Every
	// such character, alone and in the pair that ends at it, goes to han
	// then, none is handed on. The counts of a document do not depend on
	// the order of its tokens. (A method called directly costs less than
	// a func value, which goes through a wrapper.)
	han *adder
}

// scan calls emit with the tokens of text in order, a batch at a time,
// and the words they refer to. Words are lower-cased but not yet stemmed.
// In query mode a CJK run of two or more characters gives only its pairs.
// The batch and its words are only valid during the call to emit.
func (s *scanner) scan(text string, query bool, emit func(batch []token, words []byte)) {
	s.words = s.words[:0]
	s.batch = s.batch[:0]
	start := 0    // where the open word begins in s.words; a word is open when s.words is longer
	var prev rune // the previous CJK character of the open run
	runLen := 0   // characters in the open CJK run
	for i := 0; i < len(text); {
		c := text[i]
		n := 0 // the length of a separator at text[i], or 0
		if c < utf8.RuneSelf {
			if isASCIIWord(rune(c)) {
				// An ASCII word, the isASCIIWord case below, read from
				// its first byte on without decoding it.
				if runLen > 0 {
					s.endRun(query, runLen, prev, emit)
					runLen = 0
					start = len(s.words)
				}
				// Setting 0x20 lower-cases an ASCII letter and keeps a
				// digit. The word is read eight bytes at a time while
				// text has them, and written eight at a time, of which
				// the word's bytes are kept.
				w := s.words
				for i+8 <= len(text) {
					t := text[i : i+8]
					x := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
						uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
					n := wordBytes(x)
					w = slices.Grow(w, 8)
					binary.LittleEndian.PutUint64(w[len(w):len(w)+8], x|0x2020202020202020)
					w = w[:len(w)+n]
					if i += n; n < 8 {
						break
					}
				}
				if i+8 > len(text) {
					for i < len(text) && isASCIIWord(rune(text[i])) {
						w = append(w, text[i]|0x20)
						i++
					}
				}
				s.words = w
				continue
			}
			if c != '\'' {
				n = 1
			}
		} else if c-0xE4 < 6 && s.han != nil && !query && isHanAt(text, i) {
			// A character of CJK Unified Ideographs, for han: the
			// isCJK case below, without decoding it first.
			if len(s.words) > start {
				s.endWord(emit)
			}
			start = len(s.words)
			last := rune(0)
			if runLen > 0 {
				last = prev
			}
			var n int
			i, prev, n = s.han.countHan(text, i, last)
			runLen += n
			continue
		} else if (c == 0xEF || c-0xE2 < 2) && separatorAt(text, i) {
			n = 3
		}
		if n > 0 {
			// ASCII space or punctuation, or a three-byte separator
			// such as ， or 。: the default case below, read without
			// the tests for other kinds of runes. The ASCII bytes that
			// are not letters or digits after it change nothing once
			// it has closed the open word and run, an apostrophe
			// included, and are skipped, as are the three-byte
			// separators.
			// (The closing is written out here, as in the default case,
			// because a method doing it would not inline.)
			if runLen > 0 {
				s.endRun(query, runLen, prev, emit)
				runLen = 0
			}
			if len(s.words) > start {
				s.endWord(emit)
			}
			start = len(s.words)
			for i += n; i < len(text); {
				if c := text[i]; c < utf8.RuneSelf {
					if isASCIIWord(rune(c)) {
						break
					}
					i++
				} else if (c == 0xEF || c-0xE2 < 2) && separatorAt(text, i) {
					i += 3
				} else {
					break
				}
			}
			continue
		}
		// Decode the next rune as utf8.DecodeRuneInString does, with the
		// three-byte sequences of CJK text decoded here. Lead bytes E1 to
		// EC and EE to EF accept any continuation bytes; E0 and ED restrict
		// the second byte and take the slow path. text.Measure has the same
		// code: a shared function for it would not inline.
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(text) &&
			text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			i += 3
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
		}
		r = foldWidth(r)
		switch {
		case isASCIIWord(r):
			if runLen > 0 {
				s.endRun(query, runLen, prev, emit)
				runLen = 0
				start = len(s.words)
			}
			// A fullwidth letter or digit, folded; setting 0x20
			// lower-cases an ASCII letter and keeps a digit. ASCII
			// letters and digits after it go on with the word at the
			// top of the loop.
			s.words = append(s.words, byte(r)|0x20)
		case isCJK(r):
			if len(s.words) > start {
				s.endWord(emit)
			}
			start = len(s.words)
			// With han outside query mode, r is not of CJK Unified
			// Ideographs: those take the Han path above.
			if runLen > 0 {
				s.push(token(pairKey(prev, r)), emit)
			}
			if !query {
				s.push(token(pairKey(r, 0)), emit)
			}
			prev = r
			runLen++
			if s.han == nil || query { // else the loop hands the run's next Han characters to han
				i, prev, runLen = s.scanHan(text, i, query, prev, runLen, emit)
			}
		case isWordRune(r):
			if runLen > 0 {
				s.endRun(query, runLen, prev, emit)
				runLen = 0
				start = len(s.words)
			}
			s.words = utf8.AppendRune(s.words, unicode.ToLower(r))
		case isApostrophe(r) && len(s.words) > start && i < len(text):
			next, _ := utf8.DecodeRuneInString(text[i:])
			next = foldWidth(next)
			if isWordRune(next) && !isCJK(next) {
				continue // inside a word: "leader's" reads as "leaders"
			}
			s.endWord(emit)
			start = len(s.words)
		default:
			if runLen > 0 {
				s.endRun(query, runLen, prev, emit)
				runLen = 0
			}
			if len(s.words) > start {
				s.endWord(emit)
			}
			start = len(s.words)
		}
	}
	if runLen > 0 {
		s.endRun(query, runLen, prev, emit)
	}
	if len(s.words) > start {
		s.endWord(emit)
	}
	if len(s.batch) > 0 {
		emit(s.batch, s.words)
	}
}

// separatorAt reports whether text[i:] begins with one of the three-byte
// characters that scan treats as ASCII punctuation, closing a word and a
// CJK run and nothing else: the fullwidth forms of ASCII punctuation
// other than the apostrophe (U+FF01 to U+FF5E less letters, digits and
// U+FF07), General Punctuation (U+2000 to U+206F) other than ’, and CJK
// Symbols and Punctuation (U+3000 to U+303F) that are neither CJK nor
// word runes, such as 。 and 、.
func separatorAt(text string, i int) bool {
	if i+2 >= len(text) || text[i+1]&0xC0 != 0x80 || text[i+2]&0xC0 != 0x80 {
		return false
	}
	r := rune(text[i]&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
	switch text[i] {
	case 0xEF:
		if c := r - 0xFEE0; 0x21 <= c && c <= 0x7E {
			return c != '\'' && !isASCIIWord(c)
		}
	case 0xE3:
		if r < 0x3040 {
			return cjkSymbolSeparators>>(r-0x3000)&1 != 0
		}
	case 0xE2:
		return r < 0x2070 && r != '\u2019'
	}
	return false
}

// scanHan reads on from text[i:] while it holds characters of CJK
// Unified Ideographs (U+4E00 to U+9FFF), the common case of Chinese text,
// in a run whose last character is prev and length runLen, and pushes
// their tokens as scan does. It returns where it stopped and the run's
// last character and length.
func (s *scanner) scanHan(text string, i int, query bool, prev rune, runLen int, emit func(batch []token, words []byte)) (int, rune, int) {
	for {
		r, ok := hanAt(text, i)
		if !ok {
			break
		}
		i += 3
		if query || len(s.batch)+2 >= batchSize {
			s.push(token(pairKey(prev, r)), emit)
			if !query {
				s.push(token(pairKey(r, 0)), emit)
			}
		} else {
			s.batch = append(s.batch, token(pairKey(prev, r)), token(pairKey(r, 0)))
		}
		prev = r
		runLen++
	}
	return i, prev, runLen
}

// hanAt returns the character at text[i:] when it is one of CJK Unified
// Ideographs (U+4E00 to U+9FFF), three bytes of UTF-8.
func hanAt(text string, i int) (rune, bool) {
	if i < 0 || i >= len(text)-2 {
		return 0, false
	}
	// U+4E00 to U+9FFF are E4 B8 80 to E9 BF BF, each of the two last
	// bytes a continuation byte, 80 to BF.
	v := uint32(text[i])<<16 | uint32(text[i+1])<<8 | uint32(text[i+2])
	if v-0xE4B880 > 0xE9BFBF-0xE4B880 || v&0xC0C0 != 0x8080 {
		return 0, false
	}
	return rune(v>>4&0xF000 | v>>2&0xFC0 | v&0x3F), true
}

// isHanAt reports whether text[i:] begins with a character of CJK
// Unified Ideographs, as hanAt does, for i in text. It writes hanAt's test
// out: calling hanAt would put it over the inlining budget, and scan calls
// it on every lead byte E4 to E9 of a document.
func isHanAt(text string, i int) bool {
	if i >= len(text)-2 {
		return false
	}
	v := uint32(text[i])<<16 | uint32(text[i+1])<<8 | uint32(text[i+2])
	return v-0xE4B880 <= 0xE9BFBF-0xE4B880 && v&0xC0C0 == 0x8080
}

// push adds t to the batch and hands the batch on when it is full. The
// batch's words go with it, so push is only called with no word open.
func (s *scanner) push(t token, emit func(batch []token, words []byte)) {
	s.batch = append(s.batch, t)
	if len(s.batch) == batchSize {
		emit(s.batch, s.words)
		s.batch = s.batch[:0]
		s.words = s.words[:0]
	}
}

// endWord pushes the open word, which ends s.words.
func (s *scanner) endWord(emit func(batch []token, words []byte)) {
	s.push(wordToken|token(len(s.words)), emit)
}

// endRun closes a CJK run of n characters ending in last: in query mode a
// run of one character is a term of its own.
func (s *scanner) endRun(query bool, n int, last rune, emit func(batch []token, words []byte)) {
	if query && n == 1 {
		s.push(token(pairKey(last, 0)), emit)
	}
}

// isCJK reports whether r is indexed by characters and pairs: Han,
// Hiragana, Katakana, Hangul and the prolonged sound marks ー and ｰ.
func isCJK(r rune) bool {
	if 0x4E00 <= r && r <= 0x9FFF { // the common case: CJK Unified Ideographs, all Han
		return true
	}
	return r >= 0x1100 && isOtherCJK(r)
}

// isOtherCJK is isCJK for r outside CJK Unified Ideographs.
func isOtherCJK(r rune) bool {
	switch {
	case 0x3400 <= r && r <= 0x4DBF, 0xAC00 <= r && r <= 0xD7A3,
		0x3041 <= r && r <= 0x3096, 0x30A1 <= r && r <= 0x30FA:
		return true // whole blocks of one script
	case 0x3000 <= r && r <= 0x303F: // CJK punctuation such as 。 and 、, and a few Han and Hangul signs
		return r == 0x3005 || r == 0x3007 || 0x3021 <= r && r <= 0x3029 || r == 0x302E || r == 0x302F ||
			0x3038 <= r && r <= 0x303B
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) ||
		r == 0x30FC || r == 0xFF70
}

// wordBytes returns how many of the eight bytes of x, from the lowest,
// are ASCII letters or digits before the first that is not, as
// isASCIIWord tells them: 8 when all are.
func wordBytes(x uint64) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	// Each byte is tested in its own eight bits, its high bit cleared so
	// that no sum carries into the next byte; a byte in [lo, hi] is one
	// whose sum with 0x80-lo sets the high bit and with 0x7F-hi does not.
	x7 := x &^ high
	y := x7 | 0x20*ones // lower-cased
	letter := (y + (0x80-'a')*ones) &^ (y + (0x7F-'z')*ones)
	digit := (x7 + (0x80-'0')*ones) &^ (x7 + (0x7F-'9')*ones)
	word := (letter | digit) &^ x & high
	return bits.TrailingZeros64(^word&high) >> 3
}

// isASCIIWord reports whether r is an ASCII letter or digit.
func isASCIIWord(r rune) bool {
	return uint32(r|0x20)-'a' < 26 || uint32(r)-'0' < 10
}

// isWordRune reports whether r belongs in a word: a letter, a decimal
// digit or a mark.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return isASCIIWord(r)
	case uint32(r)-0x2000 < 0x70: // General Punctuation, such as “ ” — …: none is
		return false
	case uint32(r)-0x3000 < 0x40: // CJK Symbols and Punctuation, such as 。 、 《 》
		return cjkSymbolWords>>(r-0x3000)&1 != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// cjkSymbolWords has bit r-0x3000 set for each letter, decimal digit or
// mark r of U+3000 to U+303F, the block of the punctuation of Chinese
// text, so that isWordRune finds those without Unicode's tables.
const cjkSymbolWords = 0x183efc0000000060

// cjkSymbolSeparators has bit r-0x3000 set for each r of U+3000 to
// U+303F that is neither CJK, as isCJK tells, nor a word rune: scan's
// separators of the block, such as 。 and 、.
const cjkSymbolSeparators uint64 = 0xe0c10001ffffff1f

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
