package htmlesc

import (
	"strings"
	"unicode/utf8"
)

// jsTable names the escaping rules of one JavaScript string-like context.
type jsTable uint8

const (
	jsString     jsTable = iota // a quoted string literal
	jsStringNorm                // a quoted string literal, from trusted template.JSStr
	jsTemplate                  // a template literal (`...`)
	jsRegexp                    // a regular expression literal
)

// jsStrEscaper escapes a value for the inside of a quoted JavaScript
// string. Trusted template.JSStr keeps its backslash escapes.
func jsStrEscaper(args ...any) string { return jsStrEscaperText(stringify(args)) }

// jsStrEscaperText is jsStrEscaper for one value: the text s of Content k.
func jsStrEscaperText(s string, k Content) string {
	if k == JSStr {
		return escapeJS(s, jsStringNorm)
	}
	return escapeJS(s, jsString)
}

// jsTmplLitEscaper escapes a value for the inside of a JavaScript template
// literal. It treats every value as plain text.
func jsTmplLitEscaper(args ...any) string { return jsTmplLitEscaperText(stringify(args)) }

// jsTmplLitEscaperText is jsTmplLitEscaper for one value: the text s, whatever its Content.
func jsTmplLitEscaperText(s string, _ Content) string {
	return escapeJS(s, jsTemplate)
}

// jsRegexpEscaper escapes a value so that it matches itself literally
// inside a JavaScript regular expression literal; the empty string becomes
// "(?:)". It treats every value as plain text.
func jsRegexpEscaper(args ...any) string { return jsRegexpEscaperText(stringify(args)) }

// jsRegexpEscaperText is jsRegexpEscaper for one value: the text s, whatever its Content.
func jsRegexpEscaperText(s string, _ Content) string {
	s = escapeJS(s, jsRegexp)
	if s == "" {
		return "(?:)"
	}
	return s
}

// escapeJS replaces the characters of s that table escapes, the ASCII
// controls, and U+2028 and U+2029, with JavaScript escapes.
func escapeJS(s string, table jsTable) string {
	i := 0
	for i < len(s) && jsEscapeAt(s, i, table) == "" {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	written := 0
	for i < len(s) {
		repl := jsEscapeAt(s, i, table)
		if repl == "" {
			i++
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			i += 3 // U+2028 or U+2029
		}
		written = i
	}
	b.WriteString(s[written:])
	return b.String()
}

// jsEscapeAt returns the escape of the character starting at s[i], or ""
// when it stays as is. Bytes from 0x80 up are escaped only as the first
// byte of U+2028 or U+2029 (which no valid UTF-8 sequence can contain).
func jsEscapeAt(s string, i int, table jsTable) string {
	c := s[i]
	if c >= utf8.RuneSelf {
		if c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0xa8:
				return `\u2028`
			case 0xa9:
				return `\u2029`
			}
		}
		return ""
	}
	if c < 0x20 {
		return jsControl(c)
	}
	switch c {
	case '"':
		return `\u0022`
	case '&':
		return `\u0026`
	case '\'':
		return `\u0027`
	case '+':
		return `\u002b`
	case '/':
		return `\/`
	case '<':
		return `\u003c`
	case '>':
		return `\u003e`
	case '\\':
		if table != jsStringNorm {
			return `\\`
		}
		return ""
	}
	if table == jsRegexp {
		// A backslash and the character itself.
		if i := strings.IndexByte(regexpSpecials, c); i >= 0 {
			return regexpEscapes[2*i : 2*i+2]
		}
		return ""
	}
	switch c {
	case '`':
		return `\u0060`
	case '$':
		if table == jsTemplate {
			return `\u0024`
		}
	case '{':
		if table == jsTemplate {
			return `\u007b`
		}
	case '}':
		if table == jsTemplate {
			return `\u007d`
		}
	}
	return ""
}

// jsControl is the escape of the ASCII control c (below 0x20).
func jsControl(c byte) string {
	switch c {
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\f':
		return `\f`
	case '\r':
		return `\r`
	}
	return controlEscapes[6*int(c) : 6*int(c)+6]
}

// regexpSpecials are the characters a regular expression literal escapes
// with a backslash, leaving out '/' and '\\' (jsEscapeAt escapes those the
// same way for a string literal); regexpEscapes holds the escapes in the
// same order.
const (
	regexpSpecials = `$()*-.?[]^{|}`
	regexpEscapes  = `\$\(\)\*\-\.\?\[\]\^\{\|\}`
)

// controlEscapes holds \u00XX for the ASCII controls 0x00 to 0x1f in order.
const controlEscapes = `\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007` +
	`\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f` +
	`\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017` +
	`\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f`
