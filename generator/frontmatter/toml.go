package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/sineng/sineng/generator/diag"
)

// DecodeTOML decodes a whole TOML document that is a file of its own, such as
// site.toml, with the positions of its keys. The Matter's Format is TOML and
// its Line and BodyLine are 0. A leading UTF-8 byte order mark is ignored.
// Errors are *diag.Error values positioned in file.
func DecodeTOML(file string, src []byte) (Matter, error) {
	src = bytes.TrimPrefix(src, utf8BOM)
	data, pos, err := decodeTOML(nil, file, src, 1)
	return Matter{Format: TOML, Data: data, Pos: pos}, err
}

// decodeTOML decodes text whose first line is line firstLine of file, with
// the values d shares (d may be nil). The maps it returns are never nil.
//
// Plain front matter takes the one-pass decodeTOMLFast; anything it does not
// cover goes through BurntSushi/toml and the TOMLPositions scanner.
func decodeTOML(d *Decoder, file string, text []byte, firstLine int) (map[string]any, map[string]Position, error) {
	if data, pos, ok := decodeTOMLFast(d, text, firstLine); ok {
		return data, pos, nil
	}
	return decodeTOMLGeneral(file, text, firstLine)
}

// decodeTOMLGeneral decodes any TOML document with BurntSushi/toml and finds
// the key positions with TOMLPositions.
func decodeTOMLGeneral(file string, text []byte, firstLine int) (map[string]any, map[string]Position, error) {
	data := map[string]any{}
	if _, err := toml.Decode(string(text), &data); err != nil {
		return map[string]any{}, map[string]Position{}, tomlError(file, text, firstLine, err)
	}
	normaliseMap(data)
	return data, TOMLPositions(text, firstLine), nil
}

// tomlError turns a TOML decoding error in text into a *diag.Error in the
// file. The position comes from the error's byte offset in text, with the
// column in characters: the parser's own column is off for an error at the
// start of a line (a key defined twice), where it counts from the line
// before.
func tomlError(file string, text []byte, firstLine int, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line, col := pe.Position.Line, pe.Position.Col
		if start := pe.Position.Start; start >= 0 && start <= len(text) && (start > 0 || line <= 1) {
			at := PositionAt(text, gotAt(pe.Message, text, start))
			line, col = at.Line, at.Col
		}
		return diag.Errorf(file, firstLine+max(line, 1)-1, max(col, 1), "toml: %s", pe.Message)
	}
	return &diag.Error{File: file, Line: firstLine, Col: 1, Err: fmt.Errorf("toml: %w", err)}
}

// gotAt moves start, where the parser stopped, to the character a message
// "…, but got 'X' instead" names, when X follows on the same line: the
// parser stops before the spaces that lead to it.
func gotAt(msg string, text []byte, start int) int {
	const head, tail = "but got '", "' instead"
	i := strings.LastIndex(msg, head)
	if i < 0 || !strings.HasSuffix(msg, tail) {
		return start
	}
	got := msg[i+len(head) : len(msg)-len(tail)]
	if utf8.RuneCountInString(got) != 1 {
		return start
	}
	rest := text[start:]
	if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	if k := bytes.Index(rest, []byte(got)); k >= 0 {
		return start + k
	}
	return start
}

// normaliseMap rewrites, in place, the values BurntSushi/toml produces into
// the package's value types: arrays of tables become []any, and local dates
// and times are moved to UTC so a build never depends on the machine's zone.
func normaliseMap(m map[string]any) {
	for k, v := range m {
		m[k] = normalise(v)
	}
}

func normalise(v any) any {
	switch v := v.(type) {
	case map[string]any:
		normaliseMap(v)
		return v
	case []map[string]any:
		out := make([]any, len(v))
		for i, t := range v {
			normaliseMap(t)
			out[i] = t
		}
		return out
	case []any:
		for i := range v {
			v[i] = normalise(v[i])
		}
		return v
	case time.Time:
		return localToUTC(v)
	case int:
		return int64(v)
	}
	return v
}

// localToUTC keeps the wall clock of a TOML local date, date-time or time and
// sets its zone to UTC. Times with an explicit offset are returned unchanged.
func localToUTC(t time.Time) time.Time {
	switch t.Location().String() {
	case "datetime-local", "date-local", "time-local":
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	}
	return t
}
