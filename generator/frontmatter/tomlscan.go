package frontmatter

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxScanDepth bounds how deeply nested inline arrays and tables are followed
// for positions; deeper values are skipped without recording their keys.
const maxScanDepth = 64

// TOMLPositions returns the position of every key path in a TOML document
// whose first line is line firstLine of its file (values below 1 count as 1).
//
// BurntSushi/toml does not expose key positions, so this is a small scanner of
// its own. It follows [table] and [[array.of.tables]] headers (counting the
// elements of each array), dotted and quoted keys, and inline arrays and
// tables, and it skips strings, multi-line strings and comments. The first
// occurrence of a path wins. It never fails: on text that is not valid TOML
// it records what it can and skips the rest of a line it does not understand.
func TOMLPositions(src []byte, firstLine int) map[string]Position {
	if firstLine < 1 {
		firstLine = 1
	}
	s := tomlScanner{src: src, line: firstLine, pos: map[string]Position{}, arrays: map[string]int{}}
	s.document()
	return s.pos
}

// tomlScanner walks TOML text once, left to right.
type tomlScanner struct {
	src       []byte
	i         int // offset of the next byte
	line      int // file line of src[i]
	lineStart int // offset where the current line starts
	pos       map[string]Position
	arrays    map[string]int // resolved array-of-tables path → index of its last element
	table     string         // resolved path of the table that key/value lines belong to
}

// keySeg is one part of a dotted key and where it is written.
type keySeg struct {
	name string
	at   Position
}

func (s *tomlScanner) eof() bool { return s.i >= len(s.src) }

// peek returns the next byte, or 0 at the end.
func (s *tomlScanner) peek() byte { return s.peekAt(0) }

// peekAt returns the byte n places ahead, or 0 past the end.
func (s *tomlScanner) peekAt(n int) byte {
	if j := s.i + n; j < len(s.src) {
		return s.src[j]
	}
	return 0
}

// next consumes one byte, keeping the line count.
func (s *tomlScanner) next() {
	if s.eof() {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.lineStart = s.i + 1
	}
	s.i++
}

// here is the position of src[i]; its column counts characters.
func (s *tomlScanner) here() Position {
	return Position{Line: s.line, Col: utf8.RuneCount(s.src[s.lineStart:s.i]) + 1}
}

func (s *tomlScanner) record(path string, at Position) {
	if _, ok := s.pos[path]; !ok {
		s.pos[path] = at
	}
}

// skipSpace skips spaces, tabs and carriage returns on the current line.
func (s *tomlScanner) skipSpace() {
	for c := s.peek(); !s.eof() && (c == ' ' || c == '\t' || c == '\r'); c = s.peek() {
		s.next()
	}
}

// skipToEOL skips to the next newline, leaving it unread.
func (s *tomlScanner) skipToEOL() {
	for !s.eof() && s.peek() != '\n' {
		s.next()
	}
}

// skipBlank skips whitespace, newlines and comments, as allowed inside
// arrays and (TOML 1.1) inline tables.
func (s *tomlScanner) skipBlank() {
	for !s.eof() {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.next()
		case '#':
			s.skipToEOL()
		default:
			return
		}
	}
}

// document scans the whole text, one expression a line.
func (s *tomlScanner) document() {
	for !s.eof() {
		s.skipSpace()
		switch s.peek() {
		case '\n':
			s.next()
			continue
		case '#':
		case '[':
			s.header()
		default:
			s.keyValue(s.table, 0)
		}
		s.skipToEOL()
	}
}

// header reads a [table] or [[array]] header and makes it the current table.
func (s *tomlScanner) header() {
	array := s.peekAt(1) == '['
	s.next()
	if array {
		s.next()
	}
	segs := s.key()
	if len(segs) == 0 {
		s.table = ""
		return
	}
	resolved := ""
	for k, seg := range segs {
		resolved = JoinKey(resolved, seg.name)
		if array && k == len(segs)-1 {
			n := 0
			if last, ok := s.arrays[resolved]; ok {
				n = last + 1
			}
			s.arrays[resolved] = n
			s.record(resolved, seg.at)
			resolved = JoinIndex(resolved, n)
			s.record(resolved, seg.at)
			break
		}
		s.record(resolved, seg.at)
		if last, ok := s.arrays[resolved]; ok {
			resolved = JoinIndex(resolved, last)
		}
	}
	s.table = resolved
}

// key reads a possibly dotted key; it returns nil when there is none.
func (s *tomlScanner) key() []keySeg {
	var segs []keySeg
	for {
		s.skipSpace()
		at := s.here()
		name, ok := s.keyPart()
		if !ok {
			return nil
		}
		segs = append(segs, keySeg{name: name, at: at})
		s.skipSpace()
		if s.peek() != '.' {
			return segs
		}
		s.next()
	}
}

// keyPart reads one bare or quoted key.
func (s *tomlScanner) keyPart() (string, bool) {
	switch s.peek() {
	case '"':
		return s.quotedKey('"')
	case '\'':
		return s.quotedKey('\'')
	}
	start := s.i
	for !s.eof() && isBareKeyByte(s.peek()) {
		s.next()
	}
	return string(s.src[start:s.i]), s.i > start
}

// isBareKeyByte is lenient: anything that cannot end a bare key is part of
// it, so keys with letters beyond ASCII still get positions.
func isBareKeyByte(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '=', '.', '[', ']', '"', '\'', '#', ',', '{', '}':
		return false
	}
	return true
}

// quotedKey reads a single-line quoted key and returns its text, with escapes
// of basic strings decoded.
func (s *tomlScanner) quotedKey(q byte) (string, bool) {
	s.next()
	start := s.i
	escaped := false
	for !s.eof() {
		c := s.peek()
		if c == '\n' {
			return "", false
		}
		if c == '\\' && q == '"' {
			escaped = true
			s.next()
			if !s.eof() && s.peek() != '\n' {
				s.next()
			}
			continue
		}
		if c == q {
			raw := string(s.src[start:s.i])
			s.next()
			if escaped {
				raw = unescapeBasic(raw)
			}
			return raw, true
		}
		s.next()
	}
	return "", false
}

// keyValue reads "key = value" inside the table at prefix.
func (s *tomlScanner) keyValue(prefix string, depth int) {
	segs := s.key()
	if len(segs) == 0 {
		return
	}
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.next()
	s.skipSpace()
	path := prefix
	for _, seg := range segs {
		path = JoinKey(path, seg.name)
		s.record(path, seg.at)
	}
	s.value(path, depth)
}

// value skips one value, recording the keys and elements inside inline
// arrays and tables.
func (s *tomlScanner) value(path string, depth int) {
	switch c := s.peek(); c {
	case '"', '\'':
		s.skipString()
	case '[', '{':
		if depth >= maxScanDepth {
			s.skipNested()
		} else if c == '[' {
			s.array(path, depth+1)
		} else {
			s.inlineTable(path, depth+1)
		}
	default:
		s.skipScalar()
	}
}

// array reads an inline array, which may span lines.
func (s *tomlScanner) array(path string, depth int) {
	s.next()
	for i := 0; ; i++ {
		s.skipBlank()
		if s.eof() {
			return
		}
		if s.peek() == ']' {
			s.next()
			return
		}
		elem := JoinIndex(path, i)
		s.record(elem, s.here())
		s.value(elem, depth)
		s.skipBlank()
		switch s.peek() {
		case ',':
			s.next()
		case ']':
			s.next()
			return
		default:
			return
		}
	}
}

// inlineTable reads an inline table { k = v, ... }.
func (s *tomlScanner) inlineTable(path string, depth int) {
	s.next()
	for {
		s.skipBlank()
		if s.eof() {
			return
		}
		if s.peek() == '}' {
			s.next()
			return
		}
		s.keyValue(path, depth)
		s.skipBlank()
		switch s.peek() {
		case ',':
			s.next()
		case '}':
			s.next()
			return
		default:
			return
		}
	}
}

// skipNested skips a bracketed value without recursion.
func (s *tomlScanner) skipNested() {
	open := 0
	for !s.eof() {
		switch s.peek() {
		case '[', '{':
			open++
			s.next()
		case ']', '}':
			open--
			s.next()
			if open <= 0 {
				return
			}
		case '"', '\'':
			s.skipString()
		case '#':
			s.skipToEOL()
		default:
			s.next()
		}
	}
}

// skipScalar skips a number, boolean or date-time (which may hold a space).
func (s *tomlScanner) skipScalar() {
	for !s.eof() {
		switch s.peek() {
		case ',', ']', '}', '#', '\n':
			return
		}
		s.next()
	}
}

// skipString skips a basic, literal or multi-line string starting at a quote.
func (s *tomlScanner) skipString() {
	q := s.peek()
	if s.peekAt(1) == q && s.peekAt(2) == q {
		s.next()
		s.next()
		s.next()
		for !s.eof() {
			c := s.peek()
			if c == '\\' && q == '"' {
				s.next()
				s.next()
				continue
			}
			if c == q && s.peekAt(1) == q && s.peekAt(2) == q {
				s.next()
				s.next()
				s.next()
				for extra := 0; extra < 2 && s.peek() == q; extra++ {
					s.next() // up to two quotes may end the content
				}
				return
			}
			s.next()
		}
		return
	}
	s.next()
	for !s.eof() {
		c := s.peek()
		if c == '\n' {
			return
		}
		s.next()
		if c == '\\' && q == '"' {
			if s.peek() != '\n' {
				s.next()
			}
			continue
		}
		if c == q {
			return
		}
	}
}

// unescapeBasic decodes the escapes of a TOML basic string. An escape it
// does not know is kept as written.
func unescapeBasic(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' || i+1 >= len(raw) {
			b.WriteByte(c)
			continue
		}
		i++
		e := raw[i]
		if short, ok := shortEscape(e); ok {
			b.WriteByte(short)
			continue
		}
		if e == 'x' || e == 'u' || e == 'U' {
			n := hexDigits(e)
			if i+n < len(raw) {
				if r, err := strconv.ParseUint(raw[i+1:i+1+n], 16, 32); err == nil && utf8.ValidRune(rune(r)) {
					b.WriteRune(rune(r))
					i += n
					continue
				}
			}
		}
		b.WriteByte('\\')
		b.WriteByte(e)
	}
	return b.String()
}

// shortEscape returns the byte a TOML escape of one letter stands for
// (\b \t \n \f \r \e \" \\), given the letter after the backslash. It
// reports false for any other letter.
func shortEscape(e byte) (byte, bool) {
	switch e {
	case 'b':
		return '\b', true
	case 't':
		return '\t', true
	case 'n':
		return '\n', true
	case 'f':
		return '\f', true
	case 'r':
		return '\r', true
	case 'e':
		return 0x1b, true
	case '"', '\\':
		return e, true
	}
	return 0, false
}

// hexDigits is how many hex digits follow the escape letter \x, \u or \U.
func hexDigits(e byte) int {
	switch e {
	case 'x':
		return 2
	case 'u':
		return 4
	}
	return 8
}
