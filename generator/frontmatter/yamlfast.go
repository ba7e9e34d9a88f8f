package frontmatter

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxFastYAMLDepth bounds how deeply blocks may nest on the YAML fast path;
// deeper ones go to the general decoder.
const maxFastYAMLDepth = 16

// decodeYAMLFast decodes the plain YAML most front matter is written in, in
// one pass that also records the key positions decodeYAML would. It covers
// block mappings with simple keys, block sequences (of scalars, flow
// sequences or mappings), single-line flow sequences of scalars, and
// single-line scalars: double-quoted without escapes, single-quoted
// without a doubled quote, and plain ones that are text, true/false/null,
// decimal integers, decimal floats or dates written YYYY-MM-DD.
//
// It reports false for anything else, valid or not (tabs, carriage returns,
// characters YAML treats as line breaks or refuses, anchors, aliases, tags,
// block scalars, flow mappings, multi-line scalars, other number or date
// forms, a key defined twice, syntax errors); the caller then runs the
// general decoder, which gives the authoritative values or error. Whatever
// it accepts decodes to exactly what decodeYAML makes of it.
//
// It shares values through d, which may be nil. Its lists are exactly as
// long as they need to be, and so is the positions map when there is a
// Decoder to collect them first.
func decodeYAMLFast(d *Decoder, text []byte, firstLine int) (map[string]any, map[string]Position, bool) {
	entries, ok := plainYAMLText(text)
	if !ok {
		return nil, nil, false
	}
	p := fastYAML{s: string(text), line: firstLine, d: d}
	p.start(d, entries)
	m, ok := p.document()
	pos := p.finish(d, ok)
	if !ok {
		return nil, nil, false
	}
	return m, pos, true
}

// plainYAMLText reports whether text is valid UTF-8 made only of characters
// YAML prints, without tabs, carriage returns, byte order marks or the
// characters YAML counts as line breaks besides '\n'. It also returns how
// many positions the text may hold at most: one a line, and one more for
// each comma.
func plainYAMLText(text []byte) (entries int, ok bool) {
	entries = 1
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n' || c == ',':
				entries++
			case c < 0x20 || c == 0x7f:
				return 0, false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return 0, false
		case r == 0x2028 || r == 0x2029 || r == 0xFEFF:
			return 0, false
		case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000:
		default:
			return 0, false // C1 controls, NEL, surrogates
		}
		i += size
	}
	return entries, true
}

// fastYAML is the state of one decodeYAMLFast call.
type fastYAML struct {
	s         string
	i         int      // offset of the next byte
	line      int      // file line of s[i]
	lineStart int      // offset where the current line starts
	d         *Decoder // what is shared with other blocks; may be nil
	keyPositions
}

// document reads the whole text, a block mapping at column 0 or nothing.
func (p *fastYAML) document() (map[string]any, bool) {
	p.skipBlankLines()
	if p.i >= len(p.s) {
		return map[string]any{}, true
	}
	if p.indent() != 0 {
		return nil, false
	}
	m, ok := p.mapping(0, "", 0)
	if !ok || p.i < len(p.s) {
		return nil, false
	}
	return m, true
}

// here is the position of s[i]; its column counts characters.
func (p *fastYAML) here() Position {
	return Position{Line: p.line, Col: utf8.RuneCountInString(p.s[p.lineStart:p.i]) + 1}
}

// indent is the column of s[i], counted from 0.
func (p *fastYAML) indent() int { return p.i - p.lineStart }

func (p *fastYAML) skipSpace() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

// skipBlankLines moves to the first character of the next line that holds
// more than spaces and a comment, or to the end of the text. It starts from
// s[i], which may be inside a line.
func (p *fastYAML) skipBlankLines() {
	for {
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == '#' && (p.i == p.lineStart || p.s[p.i-1] == ' ') {
			p.skipToEOL()
		}
		if p.i >= len(p.s) || p.s[p.i] != '\n' {
			return
		}
		p.i++
		p.line++
		p.lineStart = p.i
	}
}

func (p *fastYAML) skipToEOL() {
	if j := strings.IndexByte(p.s[p.i:], '\n'); j >= 0 {
		p.i += j
	} else {
		p.i = len(p.s)
	}
}

// endLine accepts the rest of a line after a value: spaces and an optional
// comment, then the newline (consumed) or the end of the text.
func (p *fastYAML) endLine() bool {
	start := p.i
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == '#' {
		if p.i == start {
			return false // a comment needs a space before it
		}
		p.skipToEOL()
	}
	if p.i >= len(p.s) {
		return true
	}
	if p.s[p.i] != '\n' {
		return false
	}
	p.i++
	p.line++
	p.lineStart = p.i
	return true
}

// keyAhead returns the length of the simple key at s[i], "name:" followed
// by a space or the end of the line, or 0 when there is none.
func (p *fastYAML) keyAhead() int {
	j := p.i
	for j < len(p.s) && isFastYAMLKeyByte(p.s[j]) {
		j++
	}
	n := j - p.i
	if n == 0 || n > 512 || p.s[p.i] == '-' || j >= len(p.s) || p.s[j] != ':' {
		return 0
	}
	if j+1 < len(p.s) && p.s[j+1] != ' ' && p.s[j+1] != '\n' {
		return 0
	}
	return n
}

func isFastYAMLKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c >= utf8.RuneSelf
}

// mapping reads a block mapping whose keys stand at column indent, the first
// one at s[i].
func (p *fastYAML) mapping(indent int, path string, depth int) (map[string]any, bool) {
	if depth > maxFastYAMLDepth {
		return nil, false
	}
	m := map[string]any{}
	var nulls []string // keys whose value is null, which m leaves out
	for {
		if p.i >= len(p.s) {
			return m, true
		}
		switch ind := p.indent(); {
		case ind < indent:
			return m, true
		case ind > indent:
			return nil, false
		}
		n := p.keyAhead()
		if n == 0 {
			return nil, false
		}
		at := p.here()
		name := p.s[p.i : p.i+n]
		if _, dup := m[name]; dup || slices.Contains(nulls, name) {
			return nil, false // the key is defined twice (perhaps null the first time)
		}
		name = p.d.name(name)
		child := p.d.joinKey(path, name)
		p.record(child, at)
		p.i += n + 1
		v, ok := p.mappingValue(indent, child, depth)
		if !ok {
			return nil, false
		}
		if v != nil {
			m[name] = v
		} else {
			nulls = append(nulls, name)
		}
	}
}

// mappingValue reads what follows "key:" in a mapping at column indent and
// moves to the next content line.
func (p *fastYAML) mappingValue(indent int, path string, depth int) (any, bool) {
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] != '\n' && p.s[p.i] != '#' {
		v, ok := p.inlineValue(path, false)
		if !ok || !p.endLine() {
			return nil, false
		}
		p.skipBlankLines()
		return v, true
	}
	if p.i < len(p.s) && p.s[p.i] == '#' && p.s[p.i-1] != ' ' {
		return nil, false
	}
	p.skipBlankLines()
	if p.i >= len(p.s) {
		return nil, true
	}
	ind := p.indent()
	switch {
	case p.atItem() && ind >= indent:
		return p.sequence(ind, path, depth+1)
	case ind > indent:
		return p.mapping(ind, path, depth+1)
	}
	return nil, true // an empty value is null
}

// atItem reports whether s[i] starts a block sequence item "- ".
func (p *fastYAML) atItem() bool {
	return p.s[p.i] == '-' && (p.i+1 == len(p.s) || p.s[p.i+1] == ' ' || p.s[p.i+1] == '\n')
}

// sequence reads a block sequence whose "- " stand at column indent.
func (p *fastYAML) sequence(indent int, path string, depth int) (any, bool) {
	if depth > maxFastYAMLDepth {
		return nil, false
	}
	var small [smallArray]any // collects the items: the slice is made once, at its length
	items := small[:0]
	for p.i < len(p.s) {
		ind := p.indent()
		if ind < indent || ind == indent && !p.atItem() {
			break
		}
		if ind > indent {
			return nil, false
		}
		p.i++
		if p.i >= len(p.s) || p.s[p.i] != ' ' {
			return nil, false // an item on the lines below
		}
		p.skipSpace()
		if p.i >= len(p.s) || p.s[p.i] == '\n' || p.s[p.i] == '#' {
			return nil, false
		}
		elem := p.d.joinIndex(path, len(items))
		p.record(elem, p.here())
		var v any
		var ok bool
		if p.keyAhead() > 0 {
			v, ok = p.mapping(p.indent(), elem, depth+1)
		} else {
			v, ok = p.inlineValue(elem, false)
			ok = ok && p.endLine()
			p.skipBlankLines()
		}
		if !ok {
			return nil, false
		}
		items = append(items, v)
	}
	return p.d.copyList(items), true
}

// inlineValue reads a scalar or a flow sequence on the current line.
func (p *fastYAML) inlineValue(path string, flow bool) (any, bool) {
	switch c := p.s[p.i]; c {
	case '"', '\'':
		return p.quoted(c)
	case '[':
		if flow {
			return nil, false
		}
		return p.flowSequence(path)
	}
	return p.plain(flow)
}

// quoted reads a single-line quoted scalar without escapes.
func (p *fastYAML) quoted(q byte) (any, bool) {
	start := p.i + 1
	for j := start; j < len(p.s); j++ {
		switch c := p.s[j]; {
		case c == q:
			if q == '\'' && j+1 < len(p.s) && p.s[j+1] == '\'' {
				return nil, false // an escaped quote
			}
			p.i = j + 1
			return p.d.str(p.s[start:j], false), true
		case c == '\n', c == '\\' && q == '"':
			return nil, false
		}
	}
	return nil, false
}

// flowSequence reads a single-line [a, b] of scalars.
func (p *fastYAML) flowSequence(path string) (any, bool) {
	p.i++
	var small [smallArray]any // collects the items: the slice is made once, at its length
	items := small[:0]
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return []any{}, true
	}
	for {
		if p.i >= len(p.s) || p.s[p.i] == ',' || p.s[p.i] == ']' || p.s[p.i] == '\n' || p.s[p.i] == '#' {
			return nil, false
		}
		elem := p.d.joinIndex(path, len(items))
		p.record(elem, p.here())
		v, ok := p.inlineValue(elem, true)
		if !ok {
			return nil, false
		}
		items = append(items, v)
		p.skipSpace()
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
		p.skipSpace()
	}
	p.i++
	return p.d.copyList(items), true
}

// plain reads a plain scalar and resolves it as YAML does.
func (p *fastYAML) plain(flow bool) (any, bool) {
	start := p.i
	end := p.i // end of the text without trailing spaces
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '\n' {
			break
		}
		if c == '#' && p.s[p.i-1] == ' ' {
			break
		}
		if c == ':' && (flow || p.i+1 == len(p.s) || p.s[p.i+1] == ' ' || p.s[p.i+1] == '\n') {
			return nil, false
		}
		if flow {
			if c == ',' || c == ']' {
				break
			}
			if c == '[' || c == '{' || c == '}' {
				return nil, false
			}
		}
		p.i++
		if c != ' ' {
			end = p.i
		}
	}
	p.i = end
	return p.resolvePlain(p.s[start:end])
}

// resolvePlain gives a plain scalar the value YAML resolves it to, for the
// forms the fast path covers.
func (p *fastYAML) resolvePlain(v string) (any, bool) {
	if v == "" {
		return nil, false
	}
	c := v[0]
	switch {
	case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		switch v {
		case "true", "True", "TRUE":
			return true, true
		case "false", "False", "FALSE":
			return false, true
		case "null", "Null", "NULL":
			return nil, true
		}
		return p.d.str(v, false), true
	case c >= utf8.RuneSelf:
		return p.d.str(v, false), true
	case '0' <= c && c <= '9' || c == '-' || c == '+':
		return p.d.yamlScalar(v)
	}
	return nil, false
}

// resolveNumber reads [+-](0|[1-9][0-9]*)(.[0-9]+)? as an int64 or a float64,
// and YYYY-MM-DD as a date in UTC.
func resolveNumber(v string) (any, bool) {
	if len(v) == len("2006-01-02") && digitsAt(v, "dddd-dd-dd") {
		t, err := time.Parse("2006-1-2", v)
		return t, err == nil
	}
	i := 0
	if v[0] == '-' || v[0] == '+' {
		i++
	}
	intStart := i
	i = skipDigits(v, i)
	if i == intStart || v[intStart] == '0' && i-intStart > 1 {
		return nil, false
	}
	if i == len(v) {
		n, err := strconv.ParseInt(v, 10, 64)
		return n, err == nil
	}
	if v[i] != '.' {
		return nil, false
	}
	j := skipDigits(v, i+1)
	if j == i+1 || j != len(v) {
		return nil, false
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}
