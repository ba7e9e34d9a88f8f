package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

// tagKind tells the forms of a shortcode tag apart.
type tagKind int

const (
	tagOpen       tagKind = iota // {{< name args >}}, closed later or not at all
	tagSelfClosed                // {{< name args />}}
	tagClose                     // {{< /name >}}
	tagEscaped                   // {{</* anything */>}}, shown literally
)

// tag is one shortcode tag as written in the source.
type tag struct {
	kind       tagKind
	markdown   bool // {{% %}} rather than {{< >}}
	start, end int  // byte range of the whole tag in the source
	name       string
	args       []string
	named      map[string]string
	literal    string // for tagEscaped: the tag as it is to be shown
}

// delims returns the opening and closing delimiters of the tag's form.
func (t *tag) delims() (string, string) {
	if t.markdown {
		return "{{%", "%}}"
	}
	return "{{<", ">}}"
}

// HasShortcode reports whether body opens a shortcode tag ("{{<" or "{{%")
// anywhere, inside code included: whether converting it may call a
// shortcode.
func HasShortcode(body []byte) bool { return shortcodeStart(body) >= 0 }

// shortcodeStart returns the index in b of the next "{{<" or "{{%", or -1.
func shortcodeStart(b []byte) int {
	off := 0
	for {
		i := bytes.Index(b[off:], []byte("{{"))
		if i < 0 {
			return -1
		}
		i += off
		if i+2 < len(b) && (b[i+2] == '<' || b[i+2] == '%') {
			return i
		}
		off = i + 1
	}
}

// parseTag reads the shortcode tag that starts at src[pos] with "{{<" or
// "{{%". The error, if any, describes the tag at pos.
func parseTag(src []byte, pos int) (tag, error) {
	t := tag{start: pos, markdown: src[pos+2] == '%'}
	open, closing := t.delims()
	i := skipSpace(src, pos+3)
	if bytes.HasPrefix(src[i:], []byte("/*")) {
		return parseEscaped(src, t, i+2)
	}
	if i < len(src) && src[i] == '/' {
		t.kind = tagClose
		i = skipSpace(src, i+1)
	}
	t.name, i = readName(src, i, closing)
	if t.name == "" {
		if i >= len(src) {
			return t, fmt.Errorf("unclosed shortcode tag %s: missing %s", open, closing)
		}
		return t, fmt.Errorf("shortcode tag %s has no name", open)
	}
	for {
		i = skipSpace(src, i)
		switch {
		case i >= len(src):
			return t, fmt.Errorf("unclosed shortcode tag %s %s: missing %s", open, t.name, closing)
		case bytes.HasPrefix(src[i:], []byte(closing)):
			t.end = i + len(closing)
			return t, nil
		case src[i] == '/' && bytes.HasPrefix(src[i+1:], []byte(closing)):
			if t.kind == tagClose {
				return t, fmt.Errorf("closing shortcode tag %s /%s cannot also be self-closing", open, t.name)
			}
			t.kind = tagSelfClosed
			t.end = i + 1 + len(closing)
			return t, nil
		case t.kind == tagClose:
			return t, fmt.Errorf("closing shortcode tag %s /%s takes no arguments", open, t.name)
		}
		var err error
		if i, err = t.readArg(src, i, closing); err != nil {
			return t, err
		}
	}
}

// parseEscaped reads the rest of an escaped tag {{</* … */>}} whose comment
// text starts at i.
func parseEscaped(src []byte, t tag, i int) (tag, error) {
	open, closing := t.delims()
	t.kind = tagEscaped
	for k := i; ; {
		j := bytes.Index(src[k:], []byte("*/"))
		if j < 0 {
			return t, fmt.Errorf("unclosed escaped shortcode %s/*: missing */%s", open, closing)
		}
		j += k
		if e := skipSpace(src, j+2); bytes.HasPrefix(src[e:], []byte(closing)) {
			t.literal = open + string(src[i:j]) + closing
			t.end = e + len(closing)
			return t, nil
		}
		k = j + 2
	}
}

// readArg reads one argument at src[i]: "quoted", `raw`, bare, or
// key=value with a quoted, raw or bare value. It returns the index after it.
func (t *tag) readArg(src []byte, i int, closing string) (int, error) {
	if src[i] == '"' || src[i] == '`' {
		v, j, err := readQuoted(src, i)
		if err != nil {
			return j, fmt.Errorf("shortcode %s: %w", t.name, err)
		}
		t.args = append(t.args, v)
		return j, nil
	}
	word, j := readBare(src, i, closing)
	if j >= len(src) || src[j] != '=' {
		if word == "" {
			r, _ := utf8.DecodeRune(src[j:])
			return j, fmt.Errorf("shortcode %s: unexpected %q", t.name, r)
		}
		t.args = append(t.args, word)
		return j, nil
	}
	if word == "" {
		return j, fmt.Errorf("shortcode %s: argument with '=' but no name", t.name)
	}
	j++
	var v string
	if j < len(src) && (src[j] == '"' || src[j] == '`') {
		var err error
		if v, j, err = readQuoted(src, j); err != nil {
			return j, fmt.Errorf("shortcode %s: argument %s: %w", t.name, word, err)
		}
	} else {
		v, j = readBare(src, j, closing)
	}
	if t.named == nil {
		t.named = map[string]string{}
	}
	t.named[word] = v
	return j, nil
}

// errUnterminated reports a quoted argument without its closing quote.
var errUnterminated = errors.New("unterminated quoted argument")

// readQuoted reads a "double-quoted" string (with \" and \\ escapes) or a
// `raw` one starting at src[i], and returns its value and the index after it.
func readQuoted(src []byte, i int) (string, int, error) {
	q := src[i]
	var b []byte
	for j := i + 1; j < len(src); j++ {
		c := src[j]
		switch {
		case c == q:
			return string(b), j + 1, nil
		case q == '"' && c == '\\' && j+1 < len(src) && (src[j+1] == '"' || src[j+1] == '\\'):
			j++
			b = append(b, src[j])
		default:
			b = append(b, c)
		}
	}
	return "", len(src), errUnterminated
}

// readBare reads an unquoted word starting at src[i]; it ends at white space,
// '=', a quote, or the tag's end.
func readBare(src []byte, i int, closing string) (string, int) {
	j := i
	for j < len(src) {
		c := src[j]
		if isSpace(c) || c == '=' || c == '"' || c == '`' || atTagEnd(src[j:], closing) {
			break
		}
		j++
	}
	return string(src[i:j]), j
}

// readName reads a shortcode name: letters, digits and "_-./", and any
// non-ASCII letter.
func readName(src []byte, i int, closing string) (string, int) {
	j := i
	for j < len(src) {
		c := src[j]
		ok := c >= 0x80 || c == '_' || c == '-' || c == '.' || c == '/' ||
			('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
		if !ok || atTagEnd(src[j:], closing) {
			break
		}
		j++
	}
	return string(src[i:j]), j
}

// atTagEnd reports whether b starts with closing or with "/" and closing.
func atTagEnd(b []byte, closing string) bool {
	if len(b) > 0 && b[0] == '/' {
		b = b[1:]
	}
	return bytes.HasPrefix(b, []byte(closing))
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
