package frontmatter

import (
	"bytes"

	"github.com/sineng/sineng/generator/diag"
)

// utf8BOM is the byte order mark some editors put at the start of a file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Parse splits src into front matter and body and decodes the front matter.
//
// Front matter is recognised only when the very first line (after an
// optional UTF-8 byte order mark) is "+++" (TOML) or "---" (YAML); it ends at
// the next line that is the same delimiter. Trailing spaces and CRLF line
// endings are allowed on delimiter lines. Without front matter the Matter has
// Format None and an empty Data map, and the body is src without its byte
// order mark.
//
// Every error is a *diag.Error positioned in the whole file. When the block
// is never closed the body is nil; when it is closed but does not decode the
// body is still returned, so a caller can go on checking the rest.
//
// Strings in the Matter may share the memory of one copy of the front
// matter text; a Decoder shares what files repeat and keeps no text.
func Parse(file string, src []byte) (Matter, []byte, error) {
	return parse(nil, file, src)
}

// parse is Parse with the values d shares; d may be nil.
func parse(d *Decoder, file string, src []byte) (Matter, []byte, error) {
	src = bytes.TrimPrefix(src, utf8BOM)
	m := Matter{BodyLine: 1}

	first, rest := cutLine(src)
	delim := trimLineEnd(first)
	switch {
	case bytes.Equal(delim, []byte("+++")):
		m.Format = TOML
	case bytes.Equal(delim, []byte("---")):
		m.Format = YAML
	default:
		m.Data, m.Pos = map[string]any{}, map[string]Position{}
		return m, src, nil
	}
	m.Line = 1

	start := len(src) - len(rest) // offset of the first line inside the block
	line := 2
	for off := start; ; line++ {
		if off >= len(src) {
			m.Data, m.Pos = map[string]any{}, map[string]Position{}
			return m, nil, diag.Errorf(file, 1, 1, "front matter opened with %q is never closed", delim)
		}
		text, next := cutLine(src[off:])
		if len(text) >= len(delim) && text[0] == delim[0] && bytes.Equal(trimLineEnd(text), delim) {
			block := src[start:off]
			body := next
			m.BodyLine = line + 1
			var err error
			if m.Format == TOML {
				m.Data, m.Pos, err = decodeTOML(d, file, block, 2)
			} else {
				m.Data, m.Pos, err = decodeYAML(d, file, block, 2)
			}
			return m, body, err
		}
		off = len(src) - len(next)
	}
}

// cutLine returns the first line of b without its "\n", and what follows it.
func cutLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:]
	}
	return b, b[len(b):]
}

// trimLineEnd drops a trailing "\r" and trailing spaces and tabs.
func trimLineEnd(b []byte) []byte {
	return bytes.TrimRight(b, " \t\r")
}
