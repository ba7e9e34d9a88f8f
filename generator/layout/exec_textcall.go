package layout

import (
	"html/template"
	"reflect"
	"text/template/parse"

	"github.com/sineng/sineng/generator/htmlesc"
)

// Printing a function's text. A printed pipeline whose value is a call of
// a template function returning text ({{ formatNumber 0 .N }}, {{
// dateFormat $layout .Date }}) hands the text straight to the escaper, as
// one whose value is a method's text does (exec_text.go): boxing it in a
// reflect.Value, only for the escaper to take it out again, would cost
// an allocation per call.

// textAdapter makes one call of a function returning text from the
// argument values, checked and converted for its parameters.
type textAdapter func(vals []reflect.Value) (string, error)

// textCallOf returns a direct call of fn returning its text unboxed, with
// the Content of that text; nil when fn's signature is not one handled
// here. The calls pass their arguments as directCall's do.
func textCallOf(fn any) (textAdapter, htmlesc.Content) {
	switch f := fn.(type) {
	case dateFormatFunc:
		return func(v []reflect.Value) (string, error) { return textResult(formatDateValue(v[0].String(), v[1])) }, htmlesc.Plain
	case func(any) (string, error):
		return text1(f), htmlesc.Plain
	case func(string, any) (string, error):
		return func(v []reflect.Value) (string, error) { return textResult(f(v[0].String(), anyOf(v[1]))) }, htmlesc.Plain
	case func(any, any) (string, error):
		return func(v []reflect.Value) (string, error) { return textResult(f(anyOf(v[0]), anyOf(v[1]))) }, htmlesc.Plain
	case func(any, ...any) (string, error):
		return func(v []reflect.Value) (string, error) { return textResult(f(anyOf(v[0]), anys(v[1:])...)) }, htmlesc.Plain
	case func(any, any, ...any) (string, error):
		return func(v []reflect.Value) (string, error) {
			return textResult(f(anyOf(v[0]), anyOf(v[1]), anys(v[2:])...))
		}, htmlesc.Plain
	case func(string, ...any) string:
		return func(v []reflect.Value) (string, error) { return f(v[0].String(), anys(v[1:])...), nil }, htmlesc.Plain
	case func(any) (template.HTML, error):
		return text1(f), htmlesc.HTML
	case func(any) (template.URL, error):
		return text1(f), htmlesc.URL
	case func(any) (template.CSS, error):
		return text1(f), htmlesc.CSS
	case func(any) (template.HTMLAttr, error):
		return text1(f), htmlesc.HTMLAttr
	case func(any) (template.JS, error):
		return text1(f), htmlesc.JS
	}
	return nil, htmlesc.Plain
}

// textResult is a call's text as result has it: the error, when not nil,
// fails the call.
func textResult[T ~string](s T, err error) (string, error) {
	if err != nil {
		return "", execErrorf("%v", err)
	}
	return string(s), nil
}

// text1 is the textAdapter of a function of one argument returning text
// of type T.
func text1[T ~string](f func(any) (T, error)) textAdapter {
	return func(v []reflect.Value) (string, error) { return textResult(f(anyOf(v[0]))) }
}

// textCall compiles the value of a printed pipeline that is one call of a
// template function returning text; ok is false for other commands,
// which includes a call whose number of arguments is wrong (the general
// path fails it as html/template does).
func (sc *scope) textCall(cmd *parse.CommandNode) (fn textEvalFn, ok bool, err error) {
	id, isIdent := cmd.Args[0].(*parse.IdentifierNode)
	if !isIdent || isEscaperName(id.Ident) {
		return nil, false, nil
	}
	set := sc.c.set
	// Looked up in the order function looks names up.
	if id.Ident == "partial" && set.ownPartial {
		return nil, false, nil
	}
	f, found := set.funcs[id.Ident]
	if !found {
		if id.Ident != "printf" {
			return nil, false, nil
		}
		f = fmtSprintf
	}
	call, c := textCallOf(f)
	if call == nil {
		return nil, false, nil
	}
	sig := signatureOf(reflect.TypeOf(f))
	given := cmd.Args[1:]
	if _, err := sig.arity(len(given), false); err != nil {
		return nil, false, nil
	}
	args := make([]evalFn, len(given))
	for i, a := range given {
		if args[i], err = sc.typedArg(a, sig.argType(i)); err != nil {
			return nil, false, err
		}
	}
	return func(st *execState, dot reflect.Value) (reflect.Value, string, htmlesc.Content, bool, error) {
		base := len(st.stack)
		if err := st.pushValues(dot, args); err != nil {
			st.popValues(base)
			return reflect.Value{}, "", htmlesc.Plain, false, err
		}
		s, err := call(st.stack[base:])
		st.popValues(base)
		return reflect.Value{}, s, c, err == nil, err
	}, true, nil
}
