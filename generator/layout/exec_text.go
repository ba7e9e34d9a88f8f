package layout

import (
	"html/template"
	"reflect"
	"text/template/parse"
	"unsafe"

	"github.com/sineng/sineng/generator/htmlesc"
)

// Printing a method's text. A printed pipeline whose value is a field
// chain ending in a method that returns text ({{ .T "key" }}, {{
// .DocumentTitle }}) hands the text straight to the escaper: boxing it in
// a reflect.Value first would cost an allocation per call.

// textEvalFn evaluates a printed pipeline's value: as text of a Content
// (isText), or else as a value.
type textEvalFn func(st *execState, dot reflect.Value) (v reflect.Value, s string, c htmlesc.Content, isText bool, err error)

// directText is a method returning text, called directly on the pointer
// recv (see directMethod).
type directText func(recv unsafe.Pointer, args []reflect.Value) (string, error)

// textChain compiles the value of a printed pipeline that is one field
// chain command (.A.B, $x.A, (pipeline).A); ok is false for other
// commands.
func (sc *scope) textChain(cmd *parse.CommandNode) (fn textEvalFn, ok bool, err error) {
	var recv evalFn
	var names []string
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		names = n.Ident
	case *parse.ChainNode:
		if recv, err = sc.chainReceiver(n); err != nil {
			return nil, false, err
		}
		names = n.Field
	case *parse.VariableNode:
		if len(n.Ident) == 1 {
			return nil, false, nil
		}
		slot, err := sc.resolve(n.Ident[0])
		if err != nil {
			return nil, false, err
		}
		recv = func(st *execState, _ reflect.Value) (reflect.Value, error) { return st.variable(slot), nil }
		names = n.Ident[1:]
	default:
		return nil, false, nil
	}
	recv, inner, last, err := sc.fieldSites(recv, names, cmd.Args, false)
	if err != nil {
		return nil, false, err
	}
	return func(st *execState, dot reflect.Value) (reflect.Value, string, htmlesc.Content, bool, error) {
		v := dot
		if recv != nil {
			var err error
			if v, err = evalInner(st, dot, recv, inner); err != nil {
				return v, "", htmlesc.Plain, false, err
			}
		}
		return last.evalText(st, dot, v)
	}, true, nil
}

// evalText applies the site to receiver as eval does (with no final
// value), returning the text of a method that returns text, without
// boxing it, and any other value as the command's value.
func (f *fieldSite) evalText(st *execState, dot, receiver reflect.Value) (reflect.Value, string, htmlesc.Content, bool, error) {
	if receiver.IsValid() {
		rv, isNil := derefAll(receiver)
		if !isNil || rv.Kind() != reflect.Interface {
			e := f.resolve(rv)
			if e.kind == fieldMethod && e.text != nil {
				m := rv
				if e.onAddr {
					m = rv.Addr()
				}
				if !e.stable {
					s, err := callTextMethod(st, dot, m, e, f.args)
					return reflect.Value{}, s, e.content, err == nil, err
				}
				memo, key, gen := f.memoFor(st, m, true)
				if memo != nil {
					return reflect.Value{}, memo.s, e.content, true, nil
				}
				s, err := callTextMethod(st, dot, m, e, f.args)
				if err == nil {
					f.remember(&stableMemo{gen: gen, key: key, text: true, s: s})
				}
				return reflect.Value{}, s, e.content, err == nil, err
			}
			// Anything else as eval has it, without resolving again.
			v, err := f.apply(st, dot, rv, e, reflect.Value{})
			return unwrapAny(v), "", htmlesc.Plain, false, err
		}
	}
	v, err := f.eval(st, dot, receiver, reflect.Value{})
	return unwrapAny(v), "", htmlesc.Plain, false, err
}

// callTextMethod calls the method e resolves to, which returns text,
// directly on recv.
func callTextMethod(st *execState, dot, recv reflect.Value, e *fieldEntry, args []dynArg) (string, error) {
	if _, err := e.sig.arity(len(args), false); err != nil {
		return "", err
	}
	base := len(st.stack)
	defer st.popValues(base)
	if err := e.sig.push(st, dot, args, false, reflect.Value{}); err != nil {
		return "", err
	}
	return e.text(recv.UnsafePointer(), st.stack[base:])
}

// directTextOf returns a direct call of m, a method of a pointer type,
// that returns its text result unboxed, with the Content of that text;
// nil when the result is not text htmlesc.ContentOf knows or the
// signature is not one directMethodOf handles. mt is the method's type
// without the receiver.
func directTextOf(m reflect.Method, mt reflect.Type) (directText, htmlesc.Content) {
	if !goodResults(mt) {
		return nil, htmlesc.Plain
	}
	c, ok := htmlesc.ContentOf(mt.Out(0))
	if !ok {
		return nil, htmlesc.Plain
	}
	code := funcPointer(m.Func)
	withErr := mt.NumOut() == 2
	var params []reflect.Kind
	for i := range mt.NumIn() {
		k := mt.In(i).Kind()
		if mt.IsVariadic() && i == mt.NumIn()-1 {
			if mt.In(i).Elem() != anyType {
				return nil, c
			}
		}
		params = append(params, k)
	}
	switch {
	case len(params) == 0 && !withErr:
		f := *(*func(unsafe.Pointer) string)(unsafe.Pointer(&code))
		return func(r unsafe.Pointer, _ []reflect.Value) (string, error) { return f(r), nil }, c
	case len(params) == 0:
		f := *(*func(unsafe.Pointer) (string, error))(unsafe.Pointer(&code))
		return func(r unsafe.Pointer, _ []reflect.Value) (string, error) {
			s, err := f(r)
			if err != nil {
				return "", execErrorf("%v", err)
			}
			return s, nil
		}, c
	case withErr:
		return nil, c
	case len(params) == 1 && params[0] == reflect.String:
		f := *(*func(unsafe.Pointer, string) string)(unsafe.Pointer(&code))
		return func(r unsafe.Pointer, a []reflect.Value) (string, error) { return f(r, a[0].String()), nil }, c
	case len(params) == 1 && params[0] == reflect.Int:
		f := *(*func(unsafe.Pointer, int) string)(unsafe.Pointer(&code))
		return func(r unsafe.Pointer, a []reflect.Value) (string, error) { return f(r, int(a[0].Int())), nil }, c
	case len(params) == 2 && params[0] == reflect.String && params[1] == reflect.Int:
		f := *(*func(unsafe.Pointer, string, int) string)(unsafe.Pointer(&code))
		return func(r unsafe.Pointer, a []reflect.Value) (string, error) {
			return f(r, a[0].String(), int(a[1].Int())), nil
		}, c
	case len(params) == 2 && params[0] == reflect.String && params[1] == reflect.Slice && mt.IsVariadic():
		f := *(*func(unsafe.Pointer, string, ...any) string)(unsafe.Pointer(&code))
		return func(r unsafe.Pointer, a []reflect.Value) (string, error) {
			return f(r, a[0].String(), anys(a[1:])...), nil
		}, c
	}
	return nil, c
}

// boxText is the value of text s of Content c, of the type it had: the
// types htmlesc.ContentOf knows are one for each Content.
func boxText(s string, c htmlesc.Content) any {
	switch c {
	case htmlesc.CSS:
		return template.CSS(s)
	case htmlesc.HTML:
		return template.HTML(s)
	case htmlesc.HTMLAttr:
		return template.HTMLAttr(s)
	case htmlesc.JS:
		return template.JS(s)
	case htmlesc.JSStr:
		return template.JSStr(s)
	case htmlesc.URL:
		return template.URL(s)
	case htmlesc.Srcset:
		return template.Srcset(s)
	}
	return s
}
