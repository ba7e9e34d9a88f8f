// Package frontmatter splits a content file into its front matter and body
// and decodes the front matter into plain Go values with the position of
// every key.
//
// A file opens with a "+++" line for TOML or a "---" line for YAML and closes
// the block with the same line. Both formats decode to the same value types
// (string, bool, int64, float64, time.Time, []any, map[string]any), so later
// stages never care which one a page used. Positions are file lines and byte
// columns, ready for a diag.Error.
//
// The package reads bytes and returns values; it does no file I/O and keeps no
// state, so every function is safe for concurrent use.
package frontmatter

import (
	"strconv"
	"strings"
)

// Format is the language a front matter block is written in.
type Format int

const (
	// None means the file has no front matter.
	None Format = iota
	// TOML is front matter between "+++" lines.
	TOML
	// YAML is front matter between "---" lines.
	YAML
)

// String returns the format's name: "none", "toml" or "yaml".
func (f Format) String() string {
	switch f {
	case TOML:
		return "toml"
	case YAML:
		return "yaml"
	case None:
		return "none"
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// Position is a place in a file: a 1-based line and a 1-based column that
// counts characters (a Chinese character or a tab is one), as every
// position sineng reports in content and configuration does.
type Position struct {
	Line int
	Col  int
}

// Matter is a page's decoded front matter.
type Matter struct {
	// Format is the language of the block, None when the file has none.
	Format Format
	// Data holds the decoded values; it is never nil. Values are string,
	// bool, int64, float64, time.Time, []any or map[string]any. A date or
	// date-time written without an offset is read as UTC, in both formats.
	// The Matters of one Decoder may share lists and tables, so no value
	// may be modified.
	Data map[string]any
	// Pos maps a key path to the position of the key in the file. Paths
	// join table keys with "." and add "[i]" for array elements:
	// "title", "funding.requested", "budget[2].total", "tags[1]".
	// The Matters of one Decoder may share it, so it may not be modified.
	Pos map[string]Position
	// Line is the line of the opening delimiter (1), 0 when Format is None
	// or when the Matter came from DecodeTOML.
	Line int
	// BodyLine is the 1-based line of the file where the body starts.
	BodyLine int
}

// Position returns where the key path is written: the path itself, else its
// nearest recorded parent ("budget[2].total", then "budget[2]", then
// "budget"), else the opening delimiter at column 1, else line 1.
func (m *Matter) Position(path string) Position {
	if p, ok := Nearest(m.Pos, path); ok {
		return p
	}
	if m.Line > 0 {
		return Position{Line: m.Line, Col: 1}
	}
	return Position{Line: 1, Col: 1}
}

// Nearest looks path up in pos and, when it is missing, its parents in turn,
// dropping the last ".key" or "[i]" each time. It reports false when neither
// the path nor any parent is recorded.
func Nearest(pos map[string]Position, path string) (Position, bool) {
	for path != "" {
		if p, ok := pos[path]; ok {
			return p, true
		}
		path = parentPath(path)
	}
	return Position{}, false
}

// parentPath drops the last segment of a key path: "a.b[2]" → "a.b",
// "a.b" → "a", "a" → "".
func parentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

// JoinKey appends a table key to a key path, as Matter.Pos records it:
// ("funding", "requested") → "funding.requested", ("", "title") → "title".
func JoinKey(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// JoinIndex appends an array index to a key path, as Matter.Pos records it:
// ("budget", 2) → "budget[2]".
func JoinIndex(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}
