package htmlesc

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
)

// Content is the sort of text a value passed to an escaper carries: plain
// text, or one of html/template's typed strings that some contexts trust.
type Content uint8

// The sorts of text, one for plain strings and one for each of
// html/template's content types.
const (
	Plain    Content = iota // string, and any value printed as text
	CSS                     // template.CSS
	HTML                    // template.HTML
	HTMLAttr                // template.HTMLAttr
	JS                      // template.JS
	JSStr                   // template.JSStr
	URL                     // template.URL
	Srcset                  // template.Srcset
)

// filterFailsafe is what a filter returns in place of a value it rejects.
const filterFailsafe = "ZgotmplZ"

// stringify turns the values passed to an escaper into text and the
// Content of that text. A single value of one of html/template's content
// types (also behind pointers) keeps its Content; everything else is plain text
// printed like fmt.Sprint, skipping untyped nils, dereferencing pointers
// until a fmt.Stringer or an error.
func stringify(args []any) (string, Content) {
	if len(args) == 1 {
		if s, k, ok := typedText(args[0]); ok {
			return s, k
		}
		if isPointer(args[0]) {
			if s, k, ok := typedText(derefAll(args[0])); ok {
				return s, k
			}
		}
	}
	return sprintDeref(args, true), Plain
}

// typedText reports the text and Content of v when v is a string or one of
// html/template's content types.
func typedText(v any) (string, Content, bool) {
	switch s := v.(type) {
	case string:
		return s, Plain, true
	case template.HTML:
		return string(s), HTML, true
	case template.HTMLAttr:
		return string(s), HTMLAttr, true
	case template.URL:
		return string(s), URL, true
	case template.CSS:
		return string(s), CSS, true
	case template.JS:
		return string(s), JS, true
	case template.JSStr:
		return string(s), JSStr, true
	case template.Srcset:
		return string(s), Srcset, true
	}
	return "", Plain, false
}

// isPointer reports whether v holds a pointer.
func isPointer(v any) bool {
	return v != nil && reflect.TypeOf(v).Kind() == reflect.Pointer
}

// derefAll follows pointers in v until a non-pointer or a nil pointer.
func derefAll(v any) any {
	r := reflect.ValueOf(v)
	for r.Kind() == reflect.Pointer && !r.IsNil() {
		r = r.Elem()
	}
	return r.Interface()
}

// derefToPrintable follows pointers in v until a value that is a
// fmt.Stringer or an error, a non-pointer, or a nil pointer.
func derefToPrintable(v any) any {
	if !isPointer(v) {
		return v
	}
	stringer := reflect.TypeFor[fmt.Stringer]()
	errType := reflect.TypeFor[error]()
	r := reflect.ValueOf(v)
	for !r.Type().Implements(stringer) && !r.Type().Implements(errType) &&
		r.Kind() == reflect.Pointer && !r.IsNil() {
		r = r.Elem()
	}
	return r.Interface()
}

// evalArgs prints its arguments like fmt.Sprint after dereferencing
// pointers with derefToPrintable; unlike the escapers it prints an untyped
// nil as "<nil>". It stands for html/template's _eval_args_, which takes
// the arguments of a predefined escaper such as {{html .A .B}}.
func evalArgs(args ...any) string {
	return sprintDeref(args, false)
}

// evalArgsText is evalArgs for one value that is text: the text itself,
// as html/template's content types have no String method.
func evalArgsText(s string, _ Content) string {
	return s
}

// printScalar prints the common unnamed scalar types the way fmt.Sprint
// prints them, without its reflection; ok is false for other types.
func printScalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

// sprintDeref prints args like fmt.Sprint after dereferencing pointers
// with derefToPrintable, dropping untyped nils first when skipNils is set.
// It leaves args as they were.
func sprintDeref(args []any, skipNils bool) string {
	if len(args) == 1 {
		if s, ok := printScalar(args[0]); ok {
			return s
		}
	}
	changed := false
	for _, a := range args {
		if (a == nil && skipNils) || isPointer(a) {
			changed = true
			break
		}
	}
	if !changed {
		return fmt.Sprint(args...)
	}
	vals := make([]any, 0, len(args))
	for _, a := range args {
		if a == nil && skipNils {
			continue
		}
		vals = append(vals, derefToPrintable(a))
	}
	return fmt.Sprint(vals...)
}
