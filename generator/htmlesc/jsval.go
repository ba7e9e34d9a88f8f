package htmlesc

import (
	"encoding/json"
	"fmt"
	"html/template"
	"reflect"
	"regexp"
	"strings"
	"unicode/utf8"
)

// jsValEscaper writes a value as a JavaScript expression: its JSON
// encoding, padded with spaces when it starts or ends like an identifier
// or number, with U+2028 and U+2029 escaped. Trusted template.JS passes as
// is and template.JSStr is put in double quotes; a fmt.Stringer that is not
// a json.Marshaler is encoded as its String text; several values are
// encoded as the string fmt.Sprint makes of them. A value JSON cannot
// encode becomes a comment holding the error, followed by null.
func jsValEscaper(args ...any) string {
	var a any
	if len(args) == 1 {
		a = derefToJSONMarshaler(args[0])
		switch v := a.(type) {
		case template.JS:
			return string(v)
		case template.JSStr:
			return `"` + string(v) + `"`
		case json.Marshaler:
			// Encoded by its own method, even if it is a fmt.Stringer too.
		case fmt.Stringer:
			a = v.String()
		}
	} else {
		vals := make([]any, len(args))
		for i, v := range args {
			vals[i] = derefToJSONMarshaler(v)
		}
		a = fmt.Sprint(vals...)
	}
	b, err := json.Marshal(a)
	if err != nil {
		return " /* " + jsCommentSafe(err.Error()) + " */null "
	}
	if len(b) == 0 {
		return " null "
	}
	first, _ := utf8.DecodeRune(b)
	last, _ := utf8.DecodeLastRune(b)
	pad := isJSIdentPart(first) || isJSIdentPart(last)
	out := escapeLineSeparators(b)
	if pad {
		return " " + out + " "
	}
	return out
}

// derefToJSONMarshaler follows pointers in v until a json.Marshaler, a
// non-pointer or a nil pointer.
func derefToJSONMarshaler(v any) any {
	if !isPointer(v) {
		return v
	}
	marshaler := reflect.TypeFor[json.Marshaler]()
	r := reflect.ValueOf(v)
	for !r.Type().Implements(marshaler) && r.Kind() == reflect.Pointer && !r.IsNil() {
		r = r.Elem()
	}
	return r.Interface()
}

// escapeLineSeparators returns b as a string with the characters U+2028
// and U+2029 written as JavaScript escapes.
func escapeLineSeparators(b []byte) string {
	var sb strings.Builder
	written := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == '\u2028' || r == '\u2029' {
			if written == 0 {
				sb.Grow(len(b) + 8)
			}
			sb.Write(b[written:i])
			if r == '\u2028' {
				sb.WriteString(`\u2028`)
			} else {
				sb.WriteString(`\u2029`)
			}
			written = i + n
		}
		i += n
	}
	if written == 0 {
		return string(b)
	}
	sb.Write(b[written:])
	return sb.String()
}

// jsCommentSafe rewrites an error message so that it can neither end the
// JavaScript comment it is put in nor the script element around it.
func jsCommentSafe(msg string) string {
	msg = regexp.MustCompile(`(?i)<(/?)script`).ReplaceAllString(msg, `\x3C${1}script`)
	msg = strings.ReplaceAll(msg, "*/", "* /")
	return strings.ReplaceAll(msg, "<!--", `\x3C!--`)
}

// isJSIdentPart reports whether r is an ASCII letter, digit, '$' or '_',
// which could join a neighbouring keyword or number.
func isJSIdentPart(r rune) bool {
	return r == '$' || r == '_' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}
