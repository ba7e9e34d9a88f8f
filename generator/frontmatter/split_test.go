package frontmatter

import (
	"errors"
	"testing"

	"github.com/sineng/sineng/generator/diag"
)

func TestParseSplit(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		format   Format
		line     int
		bodyLine int
		body     string
		title    any
	}{
		{name: "no front matter", src: "# Hello\n\ntext\n", format: None, bodyLine: 1, body: "# Hello\n\ntext\n"},
		{name: "empty file", src: "", format: None, bodyLine: 1, body: ""},
		{name: "delimiter later", src: "intro\n+++\ntitle = 'x'\n+++\n", format: None, bodyLine: 1, body: "intro\n+++\ntitle = 'x'\n+++\n"},
		{name: "four dashes are not a delimiter", src: "----\ntitle: x\n----\n", format: None, bodyLine: 1, body: "----\ntitle: x\n----\n"},
		{name: "toml", src: "+++\ntitle = \"T\"\n+++\nbody\n", format: TOML, line: 1, bodyLine: 4, body: "body\n", title: "T"},
		{name: "yaml", src: "---\ntitle: T\n---\nbody\n", format: YAML, line: 1, bodyLine: 4, body: "body\n", title: "T"},
		{name: "bom", src: "\uFEFF+++\ntitle = \"T\"\n+++\nbody", format: TOML, line: 1, bodyLine: 4, body: "body", title: "T"},
		{name: "bom without front matter", src: "\uFEFFbody", format: None, bodyLine: 1, body: "body"},
		{name: "crlf", src: "---\r\ntitle: T\r\n---\r\nbody\r\n", format: YAML, line: 1, bodyLine: 4, body: "body\r\n", title: "T"},
		{name: "trailing spaces on delimiters", src: "+++  \ntitle = 'T'\n+++\t\nbody", format: TOML, line: 1, bodyLine: 4, body: "body", title: "T"},
		{name: "closing delimiter at end of file", src: "+++\ntitle = 'T'\n+++", format: TOML, line: 1, bodyLine: 4, body: "", title: "T"},
		{name: "empty toml block", src: "+++\n+++\nbody", format: TOML, line: 1, bodyLine: 3, body: "body"},
		{name: "empty yaml block", src: "---\n---\nbody", format: YAML, line: 1, bodyLine: 3, body: "body"},
		{name: "yaml comments only", src: "---\n# nothing\n---\n", format: YAML, line: 1, bodyLine: 4, body: ""},
		{name: "indented delimiter inside yaml block scalar", src: "---\ntitle: |\n  ---\n---\nb", format: YAML, line: 1, bodyLine: 5, body: "b", title: "---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, body, err := Parse("p.md", []byte(tt.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if m.Format != tt.format || m.Line != tt.line || m.BodyLine != tt.bodyLine {
				t.Errorf("format, line, body line = %v, %d, %d; want %v, %d, %d", m.Format, m.Line, m.BodyLine, tt.format, tt.line, tt.bodyLine)
			}
			if string(body) != tt.body {
				t.Errorf("body = %q, want %q", body, tt.body)
			}
			if m.Data == nil || m.Pos == nil {
				t.Fatalf("Data or Pos is nil")
			}
			if m.Data["title"] != tt.title {
				t.Errorf("title = %#v, want %#v", m.Data["title"], tt.title)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		keepsBody bool
	}{
		{name: "unclosed toml", src: "+++\ntitle = 'x'\nbody\n", line: 1, col: 1},
		{name: "unclosed yaml", src: "---\ntitle: x\n", line: 1, col: 1},
		{name: "only a delimiter", src: "+++", line: 1, col: 1},
		{name: "toml syntax", src: "+++\ntitle = 'x'\nbad = = 1\n+++\nbody", line: 3, col: 7, keepsBody: true},
		{name: "toml unterminated string", src: "+++\n\n\ntitle = \"x\n+++\n", line: 4, keepsBody: true},
		{name: "toml duplicate key", src: "+++\na = 1\na = 2\n+++\n", line: 3, col: 1, keepsBody: true},
		{name: "toml duplicate key after a long line", src: "+++\ntitle = \"ok, a long title\"\ntitle = \"again\"\n+++\n", line: 3, col: 1, keepsBody: true},
		{name: "toml junk after a value", src: "+++\ntitle = \"abcd\"  ;\n+++\n", line: 2, col: 17, keepsBody: true},
		{name: "toml junk after Chinese", src: "+++\ntitle = \"中文中文\" x\n+++\n", line: 2, col: 16, keepsBody: true}, // columns count characters
		{name: "yaml syntax", src: "---\ntitle: x\nbad: [1, 2\nmore: y\n---\nbody", line: 3, keepsBody: true},       // the line of the open bracket
		{name: "yaml syntax without a line", src: "---\na: b: c\n---\n", line: 2, col: 1, keepsBody: true},          // yaml names no line: its first
		{name: "yaml extra bracket", src: "---\na: 1\nb: 2\nc: [1, 2]]\n---\n", line: 4, keepsBody: true},           // the parser counts lines from 0
		{name: "yaml open brace", src: "---\na: 1\nb: 2\nc: 3\ntags: {x: 1\n---\n", line: 5, keepsBody: true},       // so does this message
		{name: "yaml invalid UTF-8", src: "---\na: 1\ntitle: 中\xff文\n---\n", line: 3, col: 9, keepsBody: true},      // the byte itself
		{name: "yaml unterminated quote", src: "---\na: 'x\nb: 2\n---\n", line: 4, keepsBody: true},
		{name: "yaml not a mapping", src: "---\n- a\n- b\n---\n", line: 2, col: 1, keepsBody: true},
		{name: "yaml scalar document", src: "---\n\njust text\n---\n", line: 3, col: 1, keepsBody: true},
		{name: "yaml duplicate key", src: "---\na: 1\nb: 2\na: 3\n---\n", line: 4, col: 1, keepsBody: true},
		{name: "yaml tab indentation", src: "---\na:\n\tb: 1\n---\n", line: 3, keepsBody: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, body, err := Parse("content/p.md", []byte(tt.src))
			var de *diag.Error
			if !errors.As(err, &de) {
				t.Fatalf("error = %v (%T), want *diag.Error", err, err)
			}
			if de.File != "content/p.md" || de.Line != tt.line {
				t.Errorf("error at %s:%d, want content/p.md:%d (%v)", de.File, de.Line, tt.line, err)
			}
			if tt.col != 0 && de.Col != tt.col {
				t.Errorf("error column %d, want %d (%v)", de.Col, tt.col, err)
			}
			if de.Col < 1 {
				t.Errorf("error column %d, want a column", de.Col)
			}
			if (body != nil) != tt.keepsBody {
				t.Errorf("body = %q, want body kept: %v", body, tt.keepsBody)
			}
			if m.Data == nil {
				t.Errorf("Data is nil on error")
			}
		})
	}
}
