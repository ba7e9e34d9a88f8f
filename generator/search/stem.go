package search

import "bytes"

// stem strips common English suffixes from w in place and returns the
// stem, a prefix-sized slice of w. It is a small Porter-like stripper that
// search.js repeats exactly, so it is kept simple enough to state in full:
//
// Only words of four or more letters a–z are stemmed; any other word is
// returned as it is. Then three steps run in order, each on the result of
// the one before:
//
//  1. Plurals. "sses" → "ss" (classes → class). "ies" → "i" when the word
//     is longer than four letters (studies → studi), else → "ie"
//     (ties → tie). Otherwise a final "s" is dropped unless the word ends in
//     "ss", "us" or "is" (elevators → elevator, status, analysis).
//  2. The first of these suffixes that ends the word, if what is left (the
//     stem) meets the condition; otherwise nothing changes:
//     "ness" when the stem has 3+ letters (happiness → happi);
//     "ment" when the stem has 4+ letters (development → develop);
//     "ing" and "ed" when the stem has 3+ letters and a vowel a, e, i, o,
//     u or y (training → train, needed → need; being, bring stay); after
//     "ing" or "ed" a stem of 4+ letters ending in a doubled letter other
//     than a, e, i, o, u, y, l, s or z loses one of the pair
//     (planned → plan, running → run, added → add, called → call);
//     "ly" when the stem has 4+ letters and does not end in "i" or "p"
//     (quickly → quick; family, supply stay).
//  3. A final "e" is dropped from a word of 4+ letters (manage → manag,
//     so managed, managing and management agree); otherwise a final "y"
//     after a letter other than a, e, i, o, u becomes "i" in a word of 3+
//     letters (community → communiti, matching communities; day stays).
func stem(w []byte) []byte {
	if len(w) < 4 {
		return w
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return w
		}
	}
	w = stemPlural(w)
	w = stemSuffix(w)
	return stemEnd(w)
}

// stemPlural is step 1 of stem.
func stemPlural(w []byte) []byte {
	switch {
	case bytes.HasSuffix(w, []byte("sses")):
		return w[:len(w)-2]
	case bytes.HasSuffix(w, []byte("ies")):
		if len(w) > 4 {
			return w[:len(w)-2]
		}
		return w[:len(w)-1]
	case bytes.HasSuffix(w, []byte("ss")), bytes.HasSuffix(w, []byte("us")),
		bytes.HasSuffix(w, []byte("is")):
		return w
	case bytes.HasSuffix(w, []byte("s")):
		return w[:len(w)-1]
	}
	return w
}

// stemSuffix is step 2 of stem.
func stemSuffix(w []byte) []byte {
	switch {
	case bytes.HasSuffix(w, []byte("ness")):
		if s := w[:len(w)-4]; len(s) >= 3 {
			return s
		}
	case bytes.HasSuffix(w, []byte("ment")):
		if s := w[:len(w)-4]; len(s) >= 4 {
			return s
		}
	case bytes.HasSuffix(w, []byte("ing")):
		if s := w[:len(w)-3]; len(s) >= 3 && hasVowel(s) {
			return undouble(s)
		}
	case bytes.HasSuffix(w, []byte("ed")):
		if s := w[:len(w)-2]; len(s) >= 3 && hasVowel(s) {
			return undouble(s)
		}
	case bytes.HasSuffix(w, []byte("ly")):
		if s := w[:len(w)-2]; len(s) >= 4 && s[len(s)-1] != 'i' && s[len(s)-1] != 'p' {
			return s
		}
	}
	return w
}

// stemEnd is step 3 of stem.
func stemEnd(w []byte) []byte {
	n := len(w)
	switch {
	case n >= 4 && w[n-1] == 'e':
		return w[:n-1]
	case n >= 3 && w[n-1] == 'y' && !isVowel(w[n-2]):
		w[n-1] = 'i'
	}
	return w
}

// undouble drops the last letter of a stem of four or more letters that
// ends in a doubled consonant other than l, s or z.
func undouble(s []byte) []byte {
	n := len(s)
	if n >= 4 && s[n-1] == s[n-2] && !isVowel(s[n-1]) && bytes.IndexByte([]byte("ylsz"), s[n-1]) < 0 {
		return s[:n-1]
	}
	return s
}

// hasVowel reports whether s holds a, e, i, o, u or y.
func hasVowel(s []byte) bool {
	return bytes.ContainsAny(s, "aeiouy")
}

// isVowel reports whether c is a, e, i, o or u.
func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}
