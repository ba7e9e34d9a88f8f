package layout

import (
	"html/template"
	"reflect"
	"strings"
	"sync/atomic"
	ttemplate "text/template"
	"text/template/parse"

	"github.com/sineng/sineng/generator/htmlesc"
)

// isEscaperName reports whether name is one of the functions html/template
// inserts into the pipelines of an escaped template ("_html_template_…"
// and "_eval_args_"). Those names always mean html/template's functions.
func isEscaperName(name string) bool {
	return strings.HasPrefix(name, "_html_template_") || name == "_eval_args_"
}

// endsEscaped reports whether a printing pipeline ends with an escaper,
// as every printing pipeline of an escaped template does.
func (c *compiler) endsEscaped(p *parse.PipeNode) bool {
	if len(p.Cmds) == 0 {
		return false
	}
	id, ok := p.Cmds[len(p.Cmds)-1].Args[0].(*parse.IdentifierNode)
	return ok && (isEscaperName(id.Ident) || id.Ident == "html" || id.Ident == "urlquery")
}

// textFunc is a function of type func(...any) string: an escaper, or a
// builtin or template function of that type. scratch says it keeps none
// of its arguments, so they may be passed in reused memory.
type textFunc struct {
	fn      func(...any) string
	scratch bool
	// text is fn applied to one value that is text, or nil.
	text htmlesc.TextFunc
	// name is the escaper's name, or "" when fn is not an escaper.
	name string
}

// textBuiltin returns the text/template builtin of type func(...any)
// string called name, and false for other names.
func textBuiltin(name string) (func(...any) string, bool) {
	switch name {
	case "html":
		return ttemplate.HTMLEscaper, true
	case "js":
		return ttemplate.JSEscaper, true
	case "urlquery":
		return ttemplate.URLQueryEscaper, true
	case "print":
		return fmtSprint, true
	case "println":
		return fmtSprintln, true
	}
	return nil, false
}

// textFunc reports whether the command calls a function of type
// func(...any) string, and which.
func (c *compiler) textFunc(cmd *parse.CommandNode) (textFunc, bool, error) {
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok {
		return textFunc{}, false, nil
	}
	name := id.Ident
	if isEscaperName(name) {
		esc, ok := c.set.escaper(name)
		if !ok {
			return textFunc{}, false, unsupported("escaper %s is not available", name)
		}
		return textFunc{fn: esc, scratch: true, text: c.set.textEscaper(name), name: name}, true, nil
	}
	if name == "partial" && c.set.ownPartial {
		return textFunc{}, false, nil
	}
	if fn, ok := c.set.funcs[name]; ok {
		f, ok := fn.(func(...any) string)
		return textFunc{fn: f}, ok, nil
	}
	if f, ok := textBuiltin(name); ok {
		return textFunc{fn: f, scratch: true}, true, nil
	}
	return textFunc{}, false, nil
}

// fieldChain compiles .A.B.C applied to what recv yields, or to dot when
// recv is nil. The last name gets the command's arguments (args[0] is the
// chain itself) and the final value.
func (sc *scope) fieldChain(recv evalFn, names []string, args []parse.Node, final bool) (cmdFn, error) {
	recv, inner, last, err := sc.fieldSites(recv, names, args, final)
	if err != nil {
		return nil, err
	}
	if recv == nil {
		return func(st *execState, dot, final reflect.Value) (reflect.Value, error) {
			return last.eval(st, dot, dot, final)
		}, nil
	}
	return func(st *execState, dot, final reflect.Value) (reflect.Value, error) {
		v, err := evalInner(st, dot, recv, inner)
		if err != nil {
			return v, err
		}
		return last.eval(st, dot, v, final)
	}, nil
}

// fieldSites compiles the sites of a field chain: the receiver of the
// first (nil for dot itself, when it is the only one), the ones before
// the last, and the last, which gets the arguments and the final value.
func (sc *scope) fieldSites(recv evalFn, names []string, args []parse.Node, final bool) (evalFn, []*fieldSite, *fieldSite, error) {
	sites := make([]*fieldSite, len(names))
	for i, name := range names {
		site := &fieldSite{name: name, nameKey: reflect.ValueOf(name)}
		if i == len(names)-1 {
			site.final = final
			site.hasArgs = len(args) > 1 || final
			site.constArgs = !final && (len(args) < 2 || constantArgs(args[1:]))
			if len(args) > 1 {
				site.args = make([]dynArg, len(args)-1)
				for j, a := range args[1:] {
					fn, err := sc.dynamicArg(a)
					if err != nil {
						return nil, nil, nil, err
					}
					site.args[j] = fn
				}
			}
		}
		sites[i] = site
	}
	last := sites[len(sites)-1]
	inner := sites[:len(sites)-1]
	if recv == nil && len(inner) > 0 {
		recv = dotReceiver
	}
	return recv, inner, last, nil
}

// evalInner evaluates the receiver of a field chain and the sites before
// its last.
func evalInner(st *execState, dot reflect.Value, recv evalFn, inner []*fieldSite) (reflect.Value, error) {
	v, err := recv(st, dot)
	if err != nil {
		return v, err
	}
	for _, site := range inner {
		if v, err = site.eval(st, dot, v, reflect.Value{}); err != nil {
			return v, err
		}
	}
	return v, nil
}

// function compiles a call of the function name: html/template's
// escapers, the Set's partial, the template functions, then the
// builtins, in the order text/template looks them up. args[0] is the
// function's own node; asArg says the call is an argument, whose value
// is not unwrapped from an interface as a command's is.
func (sc *scope) function(name string, args []parse.Node, final, asArg bool) (cmdFn, error) {
	var given []parse.Node
	if len(args) > 0 {
		given = args[1:]
	}
	set := sc.c.set
	if isEscaperName(name) {
		esc, ok := set.escaper(name)
		if !ok {
			return nil, unsupported("escaper %s is not available", name)
		}
		return sc.callFunc(esc, given, final, asArg, nil)
	}
	if name == "partial" && set.ownPartial {
		call := callPartial
		if len(given) > 0 {
			if n, ok := given[0].(*parse.StringNode); ok {
				if rel, ok := set.partialName(n.Text); ok {
					// A constant name is looked up once, here.
					if !final {
						if fn, ok, err := sc.partialFileCall(rel, n.Text, given, false); err != nil || ok {
							return fn, err
						}
					}
					call = callPartialFile(rel, n.Text, false)
				}
			}
		}
		return sc.callFunc(set.partial, given, final, asArg, call)
	}
	if name == "dict" {
		if fn, ok, err := sc.dictCall(given, final); err != nil || ok {
			return fn, err
		}
	}
	if fn, ok := set.funcs[name]; ok {
		return sc.callFunc(fn, given, final, asArg, nil)
	}
	if fn, ok := textBuiltin(name); ok {
		return sc.callFunc(fn, given, final, asArg, nil)
	}
	switch name {
	case "and", "or":
		return sc.andOr(name == "or", given, final)
	case "call":
		return sc.valueCall(given, final, builtinArity{min: 1, variadic: true}, func(vals []reflect.Value) (reflect.Value, error) {
			return callBuiltin(vals[0], vals[1:])
		})
	case "printf":
		return sc.callFunc(fmtSprintf, given, final, asArg, nil)
	}
	if fn, arity, ok := valueBuiltin(name); ok {
		return sc.valueCall(given, final, arity, fn)
	}
	return nil, unsupported("function %q", name)
}

// callPartial calls the Set's partial function from compiled code, so a
// compiled partial runs in the same execution.
func callPartial(st *execState, vals []reflect.Value) (reflect.Value, error) {
	h, err := st.set.partialCall(st, vals[0].String(), anys(vals[1:]))
	if err != nil {
		return reflect.Value{}, err
	}
	return reflect.ValueOf(h), nil
}

// streamedPartial compiles {{ partial "name" … }} printed in HTML text,
// whose escaped pipeline is partial | _html_template_htmlescaper, to run
// the partial straight into the output. That is the same bytes only
// because the escaper returns template.HTML unchanged, which is checked
// here rather than assumed. ok is false for other pipelines.
func (sc *scope) streamedPartial(p *parse.PipeNode) (fn runFn, ok bool, err error) {
	set := sc.c.set
	if len(p.Cmds) != 2 || len(p.Decl) > 0 || !set.ownPartial || len(p.Cmds[1].Args) != 1 || len(p.Cmds[0].Args) < 2 {
		return nil, false, nil
	}
	if id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode); !ok || id.Ident != "partial" {
		return nil, false, nil
	}
	if id, ok := p.Cmds[1].Args[0].(*parse.IdentifierNode); !ok || id.Ident != "_html_template_htmlescaper" {
		return nil, false, nil
	}
	name, ok := p.Cmds[0].Args[1].(*parse.StringNode)
	if !ok {
		return nil, false, nil
	}
	rel, ok := set.partialName(name.Text)
	if !ok {
		return nil, false, nil
	}
	esc, ok := set.escaper("_html_template_htmlescaper")
	if !ok {
		return nil, false, unsupported("escaper _html_template_htmlescaper is not available")
	}
	if !keepsHTML(esc) {
		return nil, false, nil
	}
	cmd, ok, err := sc.partialFileCall(rel, name.Text, p.Cmds[0].Args[1:], true)
	if err != nil {
		return nil, false, err
	}
	if !ok {
		if cmd, err = sc.callFunc(set.partial, p.Cmds[0].Args[1:], false, false, callPartialFile(rel, name.Text, true)); err != nil {
			return nil, false, err
		}
	}
	return func(st *execState, dot reflect.Value) error {
		_, err := cmd(st, dot, reflect.Value{})
		return err
	}, true, nil
}

// keepsHTML reports whether an escaper returns template.HTML unchanged.
func keepsHTML(esc func(...any) string) bool {
	const probe = "<p class=\"x\" title='y'>a &amp; b &lt; \x00 é</p>\n"
	return esc(template.HTML(probe)) == probe
}

// callPartialFile is callPartial for a name known to be the file rel;
// stream writes the output to st.out and makes the call's value invalid.
func callPartialFile(rel, name string, stream bool) adapter {
	site := new(fragmentSite)
	return func(st *execState, vals []reflect.Value) (reflect.Value, error) {
		h, err := st.set.partialFile(st, site, rel, name, anys(vals[1:]), stream)
		if err != nil || stream {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(h), nil
	}
}

// callFunc compiles a call of the Go function fn with text/template's
// argument checks and conversions. call, when given, makes the call from
// the checked arguments; otherwise a direct call for a known signature or
// reflect.Value.Call does.
func (sc *scope) callFunc(fn any, given []parse.Node, final, asArg bool, call adapter) (cmdFn, error) {
	fv := reflect.ValueOf(fn)
	typ := fv.Type()
	sig := signatureOf(typ)
	if _, err := sig.arity(len(given), final); err != nil {
		return errCmd(err), nil
	}
	argFns := make([]evalFn, len(given))
	for i, a := range given {
		var err error
		if argFns[i], err = sc.typedArg(a, sig.argType(i)); err != nil {
			return nil, err
		}
	}
	var finalType reflect.Type
	if final {
		finalType = sig.argType(len(given))
	}
	if call == nil && !(asArg && typ.Out(0).Kind() == reflect.Interface) {
		call = directCall(fn)
	}
	if call == nil {
		call = func(_ *execState, vals []reflect.Value) (reflect.Value, error) {
			return callResult(fv.Call(vals))
		}
	}
	return func(st *execState, dot, fin reflect.Value) (reflect.Value, error) {
		base := len(st.stack)
		defer st.popValues(base)
		if err := st.pushValues(dot, argFns); err != nil {
			return reflect.Value{}, err
		}
		if final {
			v, err := fitType(fin, finalType)
			if err != nil {
				return v, err
			}
			st.stack = append(st.stack, v)
		}
		return call(st, st.stack[base:])
	}, nil
}

// andOr compiles the and and or builtins: arguments are evaluated in
// order until one decides, and that value is the result.
func (sc *scope) andOr(isOr bool, given []parse.Node, final bool) (cmdFn, error) {
	if len(given) == 0 && !final {
		return failCmd("wrong number of args: want at least 1 got 0"), nil
	}
	vals, err := sc.values(given)
	if err != nil {
		return nil, err
	}
	return func(st *execState, dot, fin reflect.Value) (reflect.Value, error) {
		var v reflect.Value
		for _, a := range vals {
			var err error
			if v, err = a(st, dot); err != nil {
				return v, err
			}
			v = plainValue(v)
			if truthy(v) == isOr {
				return v, nil
			}
		}
		if final {
			v = plainValue(fin)
		}
		return v, nil
	}, nil
}

func (sc *scope) values(given []parse.Node) ([]evalFn, error) {
	vals := make([]evalFn, len(given))
	for i, a := range given {
		fn, err := sc.value(a)
		if err != nil {
			return nil, err
		}
		vals[i] = fn
	}
	return vals, nil
}

// valueCall compiles a builtin over argument values (their parameters
// are reflect.Values).
func (sc *scope) valueCall(given []parse.Node, final bool, arity builtinArity, fn builtinFn) (cmdFn, error) {
	numIn := len(given)
	if final {
		numIn++
	}
	if numIn < arity.min || !arity.variadic && numIn != arity.min {
		return failCmd("wrong number of args: want %d got %d", arity.min, numIn), nil
	}
	vals, err := sc.values(given)
	if err != nil {
		return nil, err
	}
	return func(st *execState, dot, fin reflect.Value) (reflect.Value, error) {
		base := len(st.stack)
		defer st.popValues(base)
		if err := st.pushValues(dot, vals); err != nil {
			return reflect.Value{}, err
		}
		if final {
			st.stack = append(st.stack, fin)
		}
		args := st.stack[base:]
		for i, v := range args {
			args[i] = plainValue(v)
		}
		return fn(args)
	}, nil
}

// constCache is a constant argument of a method call, converted to the
// parameter type the last call asked for.
type constCache struct {
	node parse.Node
	last atomic.Pointer[constEntry]
}

type constEntry struct {
	typ reflect.Type
	v   reflect.Value
	err error
}

func (c *constCache) get(_ *execState, _ reflect.Value, typ reflect.Type) (reflect.Value, error) {
	if e := c.last.Load(); e != nil && e.typ == typ {
		return e.v, e.err
	}
	v, err := typedConstant(c.node, typ)
	c.last.Store(&constEntry{typ: typ, v: v, err: err})
	return v, err
}
