package highlight

import (
	"bytes"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// maxCoalesced is the length below which chroma's coalescing lexer keeps
// merging a token with the next one of the same type.
const maxCoalesced = 8192

// spanTags maps each token type to the opening tag of its span, "" for a
// type written without one. It is built by New and only read afterwards.
type spanTags map[chroma.TokenType]string

// newSpanTags returns the span tags of chroma's standard token types.
func newSpanTags() spanTags {
	tags := make(spanTags, len(chroma.StandardTypes))
	for t := range chroma.StandardTypes {
		tags[t] = spanTag(t)
	}
	return tags
}

// open returns the opening tag for tokens of type t.
func (s spanTags) open(t chroma.TokenType) string {
	if tag, ok := s[t]; ok {
		return tag
	}
	return spanTag(t) // a type of a lexer's own, not a standard one
}

// spanTag returns the opening tag chroma's HTML formatter writes, with
// classes and no prefix, before a token of type t: the class of t or of
// its nearest standard ancestor.
func spanTag(t chroma.TokenType) string {
	for t != 0 {
		if cls, ok := chroma.StandardTypes[t]; ok {
			return classTag(cls)
		}
		t = t.Parent()
	}
	return classTag(chroma.StandardTypes[t])
}

func classTag(cls string) string {
	if cls == "" {
		return ""
	}
	return `<span class="` + cls + `">`
}

// formatTokens writes the tokens of it to b as chroma's HTML formatter does
// with classes and without the surrounding <pre>, after chroma.Coalesce has
// merged them: runs of one type joined while shorter than maxCoalesced,
// each run cut after every newline, each piece escaped and wrapped in its
// type's span. It takes the tokens one at a time, so no token slice, line
// slices or joined strings are built. pending is scratch space for a run;
// the grown scratch is returned.
func (s spanTags) formatTokens(b *bytes.Buffer, it chroma.Iterator, pending []byte) []byte {
	var typ chroma.TokenType
	have := false
	for t := it(); t != chroma.EOF; t = it() {
		if t.Value == "" {
			continue
		}
		if have && t.Type == typ && len(pending) < maxCoalesced {
			pending = append(pending, t.Value...)
			continue
		}
		if have {
			s.writeRun(b, typ, pending)
		}
		typ, pending, have = t.Type, append(pending[:0], t.Value...), true
	}
	if have {
		s.writeRun(b, typ, pending)
	}
	return pending
}

// writeRun writes one coalesced token: escaped, and when its type has a
// class, one span per line.
func (s spanTags) writeRun(b *bytes.Buffer, typ chroma.TokenType, v []byte) {
	open := s.open(typ)
	if open == "" {
		escapeHTML(b, v)
		return
	}
	for len(v) > 0 {
		line := v
		if i := bytes.IndexByte(v, '\n'); i >= 0 {
			line = v[:i+1]
		}
		v = v[len(line):]
		b.WriteString(open)
		escapeHTML(b, line)
		b.WriteString("</span>")
	}
}

// escapeHTML writes v to b escaped as html.EscapeString escapes it.
func escapeHTML(b stringWriter, v []byte) {
	last := 0
	for i, c := range v {
		var esc string
		switch c {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		b.Write(v[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.Write(v[last:])
}

// isPlaintextLexer reports whether lexer is chroma's plaintext lexer
// ("text", "plain"), whose rules (".+" and "\n") make every character part
// of a token of the class-less type Text.
func isPlaintextLexer(lexer chroma.Lexer) bool {
	cfg := lexer.Config()
	return cfg != nil && cfg.Name == "plaintext" && !cfg.EnsureNL
}

// lexesAsIs reports whether chroma's lexers see code byte for byte: it is
// valid UTF-8, so the round trip through runes keeps it, and holds no '\r',
// which chroma turns into '\n'. The plaintext lexer then writes code as
// the escaped code and nothing else.
func lexesAsIs(code []byte) bool {
	return bytes.IndexByte(code, '\r') < 0 && utf8.Valid(code)
}
