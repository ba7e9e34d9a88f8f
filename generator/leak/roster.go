package leak

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// matcher finds every roster name in one pass over the bytes with an
// Aho–Corasick automaton compiled to a full transition table over byte
// classes. It is built once and only read afterwards.
type matcher struct {
	class [256]uint16 // byte → class; 0 is every byte no name contains
	ncls  int32       // number of classes
	// next holds the transitions with each state numbered by its row
	// offset (state*ncls), so a step is one add and one load. A target
	// where a name ends is stored as ^row, a negative number.
	next []int32
	out  []int32 // state → index in pats of the name ending there, or -1
	link []int32 // state → nearest state on the fail chain with an output, or -1
	pats []pattern
}

// pattern is one name as the automaton sees it.
type pattern struct {
	n     int  // length in bytes
	latin bool // matched on word boundaries only
}

// newMatcher compiles the roster names, or returns nil when there are none.
func newMatcher(names []string) *matcher {
	m := &matcher{}
	seen := map[string]bool{}
	var keys []string
	for _, name := range names {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		latin := !hasCJK(name)
		forms := []string{name}
		if latin {
			forms = append(forms, strings.ToLower(name), strings.ToUpper(name))
		}
		for _, f := range forms {
			key := foldKey(f)
			if seen[key] {
				continue
			}
			seen[key] = true
			keys = append(keys, key)
			m.pats = append(m.pats, pattern{n: len(key), latin: latin})
		}
	}
	if len(keys) == 0 {
		return nil
	}
	m.classes(keys)
	m.compile(m.build(keys))
	return m
}

// foldKey lower-cases ASCII letters and turns tab, CR and LF into a space,
// the same folding the class table applies to scanned bytes.
func foldKey(s string) string {
	b := []byte(s)
	for k, c := range b {
		b[k] = foldByte(c)
	}
	return string(b)
}

func foldByte(c byte) byte {
	switch {
	case c >= 'A' && c <= 'Z':
		return c | 0x20
	case c == '\t' || c == '\n' || c == '\r':
		return ' '
	}
	return c
}

// classes numbers the bytes the keys use; a folded byte shares its class.
func (m *matcher) classes(keys []string) {
	next := uint16(1)
	for _, k := range keys {
		for i := 0; i < len(k); i++ {
			if m.class[k[i]] == 0 {
				m.class[k[i]] = next
				next++
			}
		}
	}
	for c := 0; c < 256; c++ {
		if f := foldByte(byte(c)); f != byte(c) {
			m.class[c] = m.class[f]
		}
	}
	m.ncls = int32(next)
}

// build makes the trie of the keys, then the fail links breadth first, and
// fills in every missing transition; it returns the transition table
// indexed by state*ncls+class.
func (m *matcher) build(keys []string) []int32 {
	ncls := m.ncls
	var delta []int32
	addState := func() int32 {
		st := int32(len(m.out))
		for range ncls {
			delta = append(delta, -1)
		}
		m.out = append(m.out, -1)
		m.link = append(m.link, -1)
		return st
	}
	addState()
	for p, k := range keys {
		st := int32(0)
		for i := 0; i < len(k); i++ {
			at := st*ncls + int32(m.class[k[i]])
			if delta[at] < 0 {
				delta[at] = addState()
			}
			st = delta[at]
		}
		m.out[st] = int32(p)
	}
	fail := make([]int32, len(m.out))
	queue := make([]int32, 0, len(m.out))
	for c := int32(0); c < ncls; c++ {
		if v := delta[c]; v < 0 {
			delta[c] = 0
		} else {
			queue = append(queue, v)
		}
	}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if f := fail[u]; m.out[f] >= 0 {
			m.link[u] = f
		} else {
			m.link[u] = m.link[f]
		}
		for c := int32(0); c < ncls; c++ {
			v := delta[u*ncls+c]
			target := delta[fail[u]*ncls+c]
			if v < 0 {
				delta[u*ncls+c] = target
				continue
			}
			fail[v] = target
			queue = append(queue, v)
		}
	}
	return delta
}

// compile turns the transition table into next: targets as row offsets,
// negated (^row) where a name ends.
func (m *matcher) compile(delta []int32) {
	m.next = make([]int32, len(delta))
	for at, st := range delta {
		row := st * m.ncls
		if m.out[st] >= 0 || m.link[st] >= 0 {
			row = ^row
		}
		m.next[at] = row
	}
}

// find appends a hit for every occurrence of a name in data.
func (m *matcher) find(data []byte, hits []hit) []hit {
	row := int32(0)
	for i, b := range data {
		row = m.next[row+int32(m.class[b])]
		if row < 0 {
			row = ^row
			hits = m.report(data, row/m.ncls, i+1, hits)
		}
	}
	return hits
}

// report appends a hit for each name that ends at end in state st.
func (m *matcher) report(data []byte, st int32, end int, hits []hit) []hit {
	if m.out[st] < 0 {
		st = m.link[st]
	}
	for ; st >= 0; st = m.link[st] {
		p := m.pats[m.out[st]]
		start := end - p.n
		if !p.latin || wordBounded(data, start, end) {
			hits = append(hits, hit{kind: KindRosterName, start: start, end: end})
		}
	}
	return hits
}

// hasCJK reports whether s holds a Han, kana or Hangul character; such a
// name is matched as a plain substring.
func hasCJK(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

func isCJK(r rune) bool {
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// wordBounded reports whether data[start:end] has no word character of a
// non-CJK script directly before or after it.
func wordBounded(data []byte, start, end int) bool {
	if start > 0 {
		if r, _ := utf8.DecodeLastRune(data[:start]); isWordRune(r) {
			return false
		}
	}
	if end < len(data) {
		if r, _ := utf8.DecodeRune(data[end:]); isWordRune(r) {
			return false
		}
	}
	return true
}

// isWordRune reports whether r continues a Latin-script word: a letter,
// digit, combining mark or underscore, except CJK characters.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || isAlnum(byte(r))
	}
	if r == utf8.RuneError || isCJK(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
