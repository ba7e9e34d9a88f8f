package frontmatter

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxFastDepth bounds how deeply inline arrays may nest on the fast path;
// deeper ones go to the general decoder.
const maxFastDepth = 8

// decodeTOMLFast decodes the plain TOML most front matter is written in, in
// one pass that also records the key positions TOMLPositions would find.
// It covers bare keys, [table] and [[array]] headers with one bare key,
// single-line basic strings with the short escapes, literal strings,
// decimal integers and floats, booleans, local dates, local date-times and
// UTC date-times without fractions, and inline arrays of those, with
// comments and blank lines anywhere TOML allows them.
//
// It reports false for anything else, valid or not (quoted or dotted keys,
// inline tables, multi-line strings, other number forms, offsets, a key or
// table defined twice, carriage returns, control characters, invalid UTF-8,
// syntax errors); the caller then runs the general decoder, which gives the
// authoritative values or error. Whatever it accepts decodes to exactly what
// BurntSushi/toml and normalise make of it.
//
// It shares values through d, which may be nil. Its lists are exactly as
// long as they need to be, and so is the positions map when there is a
// Decoder to collect them first.
func decodeTOMLFast(d *Decoder, text []byte, firstLine int) (map[string]any, map[string]Position, bool) {
	if !plainTOMLText(text) {
		return nil, nil, false
	}
	if firstLine < 1 {
		firstLine = 1
	}
	p := fastTOML{s: string(text), line: firstLine, data: map[string]any{}, d: d, textAt: -1}
	if d == nil {
		p.start(d, mostTOMLPositions(text))
	} else {
		p.start(d, 0) // the positions go to d's scratch list first
	}
	ok := p.document()
	if ok {
		p.closeTable(len(p.s))
		p.finishArrays()
	}
	pos := p.finish(d, ok)
	if !ok {
		return nil, nil, false
	}
	return p.data, pos, true
}

// plainTOMLText reports whether text is valid UTF-8 without carriage
// returns or control characters other than tab and newline. It reads eight
// bytes at a time, and looks at the bytes one by one only in a word that
// holds a byte below 0x20 (a newline, most often) or a 0x7f.
func plainTOMLText(text []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	var high uint64 // the high bits of every word: zero for ASCII text
	i := 0
	for ; i+8 <= len(text); i += 8 {
		w := binary.LittleEndian.Uint64(text[i:])
		high |= w
		del := w ^ ones*0x7f // a zero byte where w holds 0x7f
		if (w-ones*0x20)&^w&highs == 0 && (del-ones)&^del&highs == 0 {
			continue
		}
		if !plainTOMLBytes(text[i : i+8]) {
			return false
		}
	}
	if !plainTOMLBytes(text[i:]) {
		return false
	}
	for _, c := range text[i:] {
		high |= uint64(c)
	}
	return high&highs == 0 || utf8.Valid(text)
}

// plainTOMLBytes reports whether b holds no control character but tab and
// newline.
func plainTOMLBytes(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
			return false
		}
	}
	return true
}

// mostTOMLPositions is how many positions text may hold at most: one a
// line, and one more for each comma.
func mostTOMLPositions(text []byte) int {
	return 1 + bytes.Count(text, []byte{'\n'}) + bytes.Count(text, []byte{','})
}

// fastTOML is the state of one decodeTOMLFast call.
type fastTOML struct {
	s         string
	i         int // offset of the next byte
	line      int // file line of s[i]
	lineStart int // offset where the current line starts
	data      map[string]any
	table     map[string]any // the table key/value lines go into
	prefix    string         // its key path
	arrays    []tableArray   // the [[name]] arrays, not in data until the end
	d         *Decoder       // what is shared with other blocks; may be nil
	// The current table when it is not the top level: the offset of its
	// key/value lines (after its header), its name, and whether it is the
	// last element of an array of tables. textAt is -1 at the top level.
	textAt  int
	name    string
	inArray bool
	keyPositions
}

// tableArray is an array of tables being read.
type tableArray struct {
	name  string
	elems []any
}

// Tables and arrays of tables go into data once they are complete, each
// key set once: setting a key again, even one already there, turns a full
// small Go map (8 keys) into a bigger one.

// arrayOf returns the array of tables made by [[name]], nil when there is
// none.
func (p *fastTOML) arrayOf(name string) *tableArray {
	for i := range p.arrays {
		if p.arrays[i].name == name {
			return &p.arrays[i]
		}
	}
	return nil
}

// finishArrays puts every array of tables into data, each with a backing
// array of its own length, so no spare capacity outlives the decoding;
// with a Decoder the backing array comes from its blocks.
func (p *fastTOML) finishArrays() {
	for _, a := range p.arrays {
		elems := a.elems
		if p.d != nil || cap(elems) > len(elems) {
			elems = p.d.copyList(elems)
		}
		p.data[a.name] = elems
	}
}

// here is the position of s[i]; its column counts characters.
func (p *fastTOML) here() Position {
	return Position{Line: p.line, Col: utf8.RuneCountInString(p.s[p.lineStart:p.i]) + 1}
}

// newline consumes the '\n' at s[i].
func (p *fastTOML) newline() {
	p.i++
	p.line++
	p.lineStart = p.i
}

func (p *fastTOML) skipSpace() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// endLine accepts the rest of a line after an expression: spaces, an
// optional comment, then a newline (consumed) or the end of the text.
func (p *fastTOML) endLine() bool {
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == '#' {
		p.skipComment()
	}
	if p.i >= len(p.s) {
		return true
	}
	if p.s[p.i] != '\n' {
		return false
	}
	p.newline()
	return true
}

// skipComment skips from '#' to the newline, leaving it unread.
func (p *fastTOML) skipComment() {
	if j := strings.IndexByte(p.s[p.i:], '\n'); j >= 0 {
		p.i += j
	} else {
		p.i = len(p.s)
	}
}

// skipBlank skips spaces, newlines and comments, as allowed inside arrays.
func (p *fastTOML) skipBlank() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t':
			p.i++
		case '\n':
			p.newline()
		case '#':
			p.skipComment()
		default:
			return
		}
	}
}

// document reads the text one line at a time.
func (p *fastTOML) document() bool {
	p.table = p.data
	for p.i < len(p.s) {
		p.skipSpace()
		if p.i >= len(p.s) {
			return true
		}
		switch p.s[p.i] {
		case '\n':
			p.newline()
			continue
		case '#':
			p.skipComment()
			continue
		case '[':
			if !p.header() {
				return false
			}
		default:
			if !p.keyValue() {
				return false
			}
		}
		if !p.endLine() {
			return false
		}
	}
	return true
}

// bareKey reads a bare key; it is "" when there is none.
func (p *fastTOML) bareKey() string {
	start := p.i
	for p.i < len(p.s) && isFastBareKeyByte(p.s[p.i]) {
		p.i++
	}
	return p.s[start:p.i]
}

func isFastBareKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// closeTable ends the current table, whose key/value lines end at offset
// end, and puts a [name] table into data. With a Decoder, a table written
// with the same text before takes its place.
func (p *fastTOML) closeTable(end int) {
	if p.textAt < 0 {
		return
	}
	t := p.table
	if p.d != nil {
		t = p.d.table(p.s[p.textAt:end], t)
	}
	if p.inArray {
		a := p.arrayOf(p.name)
		a.elems[len(a.elems)-1] = t
	} else {
		p.data[p.name] = t
	}
	p.textAt = -1
}

// header reads "[name]" or "[[name]]" and makes that table current.
func (p *fastTOML) header() bool {
	p.closeTable(p.i)
	array := p.i+1 < len(p.s) && p.s[p.i+1] == '['
	p.i++
	if array {
		p.i++
	}
	p.skipSpace()
	at := p.here()
	name := p.bareKey()
	if name == "" {
		return false
	}
	p.skipSpace()
	if !strings.HasPrefix(p.s[p.i:], "]") {
		return false
	}
	p.i++
	if array {
		if !strings.HasPrefix(p.s[p.i:], "]") {
			return false
		}
		p.i++
	}
	t := map[string]any{}
	_, exists := p.data[name]
	a := p.arrayOf(name)
	switch {
	case exists || !array && a != nil:
		return false
	case !array:
		name = p.d.name(name)
		p.record(name, at)
		p.prefix = name
	case a == nil:
		name = p.d.name(name)
		p.arrays = append(p.arrays, tableArray{name: name, elems: []any{t}})
		p.record(name, at)
		p.prefix = p.d.joinIndex(name, 0)
		p.record(p.prefix, at)
	default:
		name = a.name
		p.prefix = p.d.joinIndex(name, len(a.elems))
		a.elems = append(a.elems, t)
		p.record(p.prefix, at)
	}
	p.table = t
	p.textAt, p.name, p.inArray = p.i, name, array
	return true
}

// keyValue reads "key = value" into the current table.
func (p *fastTOML) keyValue() bool {
	at := p.here()
	key := p.bareKey()
	if key == "" {
		return false
	}
	p.skipSpace()
	if p.i >= len(p.s) || p.s[p.i] != '=' {
		return false
	}
	p.i++
	p.skipSpace()
	if _, dup := p.table[key]; dup {
		return false
	}
	key = p.d.name(key)
	path := p.d.joinKey(p.prefix, key)
	p.record(path, at)
	v, ok := p.value(path, 0)
	if !ok {
		return false
	}
	p.table[key] = v
	return true
}

// value reads one value at path.
func (p *fastTOML) value(path string, depth int) (any, bool) {
	if p.i >= len(p.s) {
		return nil, false
	}
	switch c := p.s[p.i]; {
	case c == '"':
		return p.basicString()
	case c == '\'':
		return p.literalString()
	case c == '[':
		if depth >= maxFastDepth {
			return nil, false
		}
		return p.array(path, depth+1)
	case c == 't' && strings.HasPrefix(p.s[p.i:], "true"):
		p.i += len("true")
		return true, p.atValueEnd()
	case c == 'f' && strings.HasPrefix(p.s[p.i:], "false"):
		p.i += len("false")
		return false, p.atValueEnd()
	case '0' <= c && c <= '9' || c == '+' || c == '-':
		return p.numberOrDate()
	}
	return nil, false
}

// atValueEnd reports whether the byte after a value may follow it.
func (p *fastTOML) atValueEnd() bool {
	if p.i >= len(p.s) {
		return true
	}
	switch p.s[p.i] {
	case ' ', '\t', '\n', '#', ',', ']':
		return true
	}
	return false
}

// basicString reads a single-line "string".
func (p *fastTOML) basicString() (any, bool) {
	start := p.i + 1
	for j := start; j < len(p.s); j++ {
		switch p.s[j] {
		case '"':
			if j == start && strings.HasPrefix(p.s[j:], `""`) {
				return nil, false // a multi-line string
			}
			p.i = j + 1
			return p.d.str(p.s[start:j], false), true
		case '\\':
			return p.escapedString(start)
		case '\n':
			return nil, false
		}
	}
	return nil, false
}

// escapedString reads the rest of a basic string that holds a backslash.
func (p *fastTOML) escapedString(start int) (any, bool) {
	var b strings.Builder
	for j := start; j < len(p.s); j++ {
		c := p.s[j]
		switch c {
		case '"':
			p.i = j + 1
			return p.d.str(b.String(), true), true
		case '\n':
			return nil, false
		case '\\':
			if j+1 >= len(p.s) {
				return nil, false
			}
			j++
			e, ok := shortEscape(p.s[j])
			if !ok {
				return nil, false
			}
			b.WriteByte(e)
		default:
			b.WriteByte(c)
		}
	}
	return nil, false
}

// literalString reads a single-line 'string'.
func (p *fastTOML) literalString() (any, bool) {
	start := p.i + 1
	for j := start; j < len(p.s); j++ {
		switch p.s[j] {
		case '\'':
			if j == start && strings.HasPrefix(p.s[j:], "''") {
				return nil, false // a multi-line string
			}
			p.i = j + 1
			return p.d.str(p.s[start:j], false), true
		case '\n':
			return nil, false
		}
	}
	return nil, false
}

// array reads an inline array, which may span lines. Its elements are
// collected on the stack, so the slice is made once, at its length.
func (p *fastTOML) array(path string, depth int) (any, bool) {
	start := p.i
	p.i++
	var small [smallArray]any
	elems := small[:0]
	for {
		p.skipBlank()
		if p.i >= len(p.s) {
			return nil, false
		}
		if p.s[p.i] == ']' {
			break
		}
		elem := p.d.joinIndex(path, len(elems))
		p.record(elem, p.here())
		v, ok := p.value(elem, depth)
		if !ok {
			return nil, false
		}
		elems = append(elems, v)
		p.skipBlank()
		if p.i >= len(p.s) {
			return nil, false
		}
		if p.s[p.i] == ']' {
			break
		}
		if p.s[p.i] != ',' {
			return nil, false
		}
		p.i++
	}
	p.i++
	return p.d.list(p.s[start:p.i], elems), true
}

// numberOrDate reads a decimal integer or float, a local date, or a local
// or UTC date-time without fraction.
func (p *fastTOML) numberOrDate() (any, bool) {
	start := p.i
	end := start
	for end < len(p.s) && isFastScalarByte(p.s[end]) {
		end++
	}
	tok := p.s[start:end]
	p.i = end
	if !p.atValueEnd() {
		return nil, false
	}
	if isDateToken(tok) && end+1 < len(p.s) && p.s[end] == ' ' && '0' <= p.s[end+1] && p.s[end+1] <= '9' {
		return nil, false // a date-time written with a space
	}
	return p.d.tomlScalar(tok)
}

// isDateToken reports whether a number-or-date token is to be read as a
// date.
func isDateToken(tok string) bool {
	return len(tok) >= len("2006-01-02") && tok[4] == '-'
}

// decodeTOMLScalar decodes a number-or-date token.
func decodeTOMLScalar(tok string) (any, bool) {
	if isDateToken(tok) {
		return fastDateTime(tok)
	}
	return fastNumber(tok)
}

func isFastScalarByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' ||
		c == '+' || c == '-' || c == '.' || c == ':' || c == '_'
}

// fastNumber decodes [+-](0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?.
func fastNumber(tok string) (any, bool) {
	i := 0
	if i < len(tok) && (tok[i] == '+' || tok[i] == '-') {
		i++
	}
	intStart := i
	i = skipDigits(tok, i)
	switch {
	case i == intStart:
		return nil, false
	case tok[intStart] == '0' && i-intStart > 1:
		return nil, false // a leading zero
	}
	isFloat := false
	if i < len(tok) && tok[i] == '.' {
		j := skipDigits(tok, i+1)
		if j == i+1 {
			return nil, false
		}
		i, isFloat = j, true
	}
	if i < len(tok) && (tok[i] == 'e' || tok[i] == 'E') {
		i++
		if i < len(tok) && (tok[i] == '+' || tok[i] == '-') {
			i++
		}
		j := skipDigits(tok, i)
		if j == i {
			return nil, false
		}
		i, isFloat = j, true
	}
	if i != len(tok) {
		return nil, false
	}
	if isFloat {
		f, err := strconv.ParseFloat(tok, 64)
		return f, err == nil
	}
	n, err := strconv.ParseInt(tok, 10, 64)
	return n, err == nil
}

// skipDigits returns the index of the first byte at or after i that is not
// an ASCII digit.
func skipDigits(s string, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// fastDateTime decodes YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS and that with a "Z",
// as the UTC time with the same wall clock.
func fastDateTime(tok string) (any, bool) {
	const date, dateTime = "2006-01-02", "2006-01-02T15:04:05"
	layout := ""
	switch {
	case len(tok) == len(date) && digitsAt(tok, "dddd-dd-dd"):
		layout = date
	case len(tok) == len(dateTime) && digitsAt(tok, "dddd-dd-ddTdd:dd:dd"):
		layout = dateTime
	case len(tok) == len(dateTime)+1 && tok[len(dateTime)] == 'Z' && digitsAt(tok, "dddd-dd-ddTdd:dd:dd"):
		layout, tok = dateTime, tok[:len(dateTime)]
	default:
		return nil, false
	}
	t, err := time.Parse(layout, tok)
	if err != nil {
		return nil, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC), true
}

// digitsAt reports whether s starts with pattern, where 'd' stands for an
// ASCII digit and any other byte for itself.
func digitsAt(s, pattern string) bool {
	if len(s) < len(pattern) {
		return false
	}
	for i := 0; i < len(pattern); i++ {
		c := s[i]
		if pattern[i] == 'd' {
			if c < '0' || c > '9' {
				return false
			}
		} else if c != pattern[i] {
			return false
		}
	}
	return true
}
