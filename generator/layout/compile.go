package layout

import (
	"errors"
	"fmt"
	"reflect"
	"text/template/parse"
)

// The compiler turns a parse tree that html/template has escaped into a
// tree of Go closures with text/template's semantics. Anything it does not
// handle exactly is reported as unsupported, and the template is then
// only ever executed by html/template.

// errUnsupported marks a template the compiler leaves to html/template.
var errUnsupported = errors.New("not supported by the compiled executor")

// unsupported returns an error wrapping errUnsupported.
func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUnsupported, fmt.Sprintf(format, args...))
}

// compiler compiles an entry and the templates it calls.
type compiler struct {
	set     *Set
	trees   map[string]*parse.Tree // the escaped trees the entry may call
	pending map[string]*tmplCode   // compiled so far, by name
	kept    map[string]bool        // keepsDot's answers, by name
}

// template returns the compiled template name, compiling it first.
func (c *compiler) template(name string) (*tmplCode, error) {
	if code := c.pending[name]; code != nil {
		return code, nil
	}
	tree := c.trees[name]
	if tree == nil || tree.Root == nil {
		// Also a context-specific copy html/template derived: its name
		// is not among the trees copied for escaping.
		return nil, unsupported("template %q is not in the namespace", name)
	}
	code := &tmplCode{name: name}
	c.pending[name] = code
	sc := &scope{c: c, vars: []scopeVar{{name: "$", slot: 0}}, slots: 1}
	body, err := sc.list(tree.Root)
	if err != nil {
		return nil, fmt.Errorf("template %q: %w", name, err)
	}
	code.body = body
	code.slots = sc.slots
	return code, nil
}

// scope compiles the nodes of one template, tracking which variables are
// visible where: the ones a running template would find on its stack.
type scope struct {
	c     *compiler
	vars  []scopeVar
	slots int
}

// scopeVar is a variable in scope and its slot in the template's frame.
type scopeVar struct {
	name string
	slot int
}

// declare adds a variable and returns its new slot.
func (sc *scope) declare(name string) int {
	slot := sc.slots
	sc.slots++
	sc.vars = append(sc.vars, scopeVar{name: name, slot: slot})
	return slot
}

// resolve returns the slot of the innermost visible variable name.
func (sc *scope) resolve(name string) (int, error) {
	for i := len(sc.vars) - 1; i >= 0; i-- {
		if sc.vars[i].name == name {
			return sc.vars[i].slot, nil
		}
	}
	return 0, unsupported("variable %s is not visible here when the template runs", name)
}

// mark and popTo bracket the variables of a block.
func (sc *scope) mark() int   { return len(sc.vars) }
func (sc *scope) popTo(m int) { sc.vars = sc.vars[:m] }

// noop is the code of an empty list.
func noop(*execState, reflect.Value) error { return nil }

// list compiles a list of nodes, joining neighbouring texts.
func (sc *scope) list(l *parse.ListNode) (runFn, error) {
	if l == nil {
		return noop, nil
	}
	var fns []runFn
	var text []byte
	flush := func() {
		if len(text) > 0 {
			fns = append(fns, textFn(text))
			text = nil
		}
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			text = append(text, n.Text...)
			continue
		case *parse.CommentNode:
			continue
		}
		flush()
		fn, err := sc.node(n)
		if err != nil {
			return nil, err
		}
		fns = append(fns, fn)
	}
	flush()
	switch len(fns) {
	case 0:
		return noop, nil
	case 1:
		return fns[0], nil
	}
	return func(st *execState, dot reflect.Value) error {
		for _, fn := range fns {
			if err := fn(st, dot); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

func textFn(text []byte) runFn {
	return func(st *execState, _ reflect.Value) error {
		st.out.Write(text)
		if st.sink != nil && st.out == st.top && st.holding == 0 && st.out.Len() >= spillSize {
			st.spill()
		}
		return nil
	}
}

func (sc *scope) node(n parse.Node) (runFn, error) {
	switch n := n.(type) {
	case *parse.ActionNode:
		return sc.action(n)
	case *parse.IfNode:
		return sc.ifOrWith(n.Pipe, n.List, n.ElseList, false)
	case *parse.WithNode:
		return sc.ifOrWith(n.Pipe, n.List, n.ElseList, true)
	case *parse.RangeNode:
		return sc.rangeNode(n)
	case *parse.TemplateNode:
		return sc.templateCall(n)
	case *parse.ListNode:
		return sc.list(n)
	case *parse.BreakNode:
		return func(*execState, reflect.Value) error { return errBreak }, nil
	case *parse.ContinueNode:
		return func(*execState, reflect.Value) error { return errContinue }, nil
	}
	return nil, unsupported("node %T", n)
}

// action compiles {{ pipeline }}: it prints the pipeline's value unless
// the pipeline declares variables.
func (sc *scope) action(n *parse.ActionNode) (runFn, error) {
	if len(n.Pipe.Decl) == 0 {
		if !sc.c.endsEscaped(n.Pipe) {
			return nil, unsupported("action %s is not escaped", n)
		}
		if fn, ok, err := sc.streamedPartial(n.Pipe); err != nil || ok {
			return fn, err
		}
		if fn, ok, err := sc.textPipeline(n.Pipe); err != nil || ok {
			return fn, err
		}
	}
	pipe, err := sc.pipeline(n.Pipe, false)
	if err != nil {
		return nil, err
	}
	if len(n.Pipe.Decl) > 0 {
		return func(st *execState, dot reflect.Value) error {
			_, err := pipe(st, dot)
			return err
		}, nil
	}
	return func(st *execState, dot reflect.Value) error {
		v, err := pipe(st, dot)
		if err != nil {
			return err
		}
		return printValue(st, v)
	}, nil
}

// printValue writes v as an action prints it: fmt.Fprint of its printable
// value.
func printValue(st *execState, v reflect.Value) error {
	if v.IsValid() && v.Kind() == reflect.String && v.Type() == stringType {
		st.out.WriteString(v.String())
		return nil
	}
	p, ok := printable(v)
	if !ok {
		return execErrorf("can't print value of type %s", v.Type())
	}
	fmt.Fprint(st.out, p)
	return nil
}

// ifOrWith compiles {{ if }} and {{ with }}; with sets dot to the value
// inside its first branch.
func (sc *scope) ifOrWith(p *parse.PipeNode, list, elseList *parse.ListNode, with bool) (runFn, error) {
	m := sc.mark()
	defer sc.popTo(m)
	pipe, err := sc.pipeline(p, false)
	if err != nil {
		return nil, err
	}
	inner := sc.mark()
	then, err := sc.list(list)
	if err != nil {
		return nil, err
	}
	sc.popTo(inner)
	var otherwise runFn
	if elseList != nil {
		if otherwise, err = sc.list(elseList); err != nil {
			return nil, err
		}
	}
	return func(st *execState, dot reflect.Value) error {
		v, err := pipe(st, dot)
		if err != nil {
			return err
		}
		truth, ok := truthOf(ifaceElem(v))
		if !ok {
			return execErrorf("if/with can't use %v", v)
		}
		switch {
		case truth && with:
			return then(st, v)
		case truth:
			return then(st, dot)
		case otherwise != nil:
			return otherwise(st, dot)
		}
		return nil
	}, nil
}

// templateCall compiles {{ template "name" pipeline }}: the callee comes
// from the same namespace and runs in a frame of its own.
func (sc *scope) templateCall(n *parse.TemplateNode) (runFn, error) {
	callee, err := sc.c.template(n.Name)
	if err != nil {
		return nil, err
	}
	if n.Pipe == nil {
		return func(st *execState, _ reflect.Value) error {
			return st.call(callee, reflect.Value{})
		}, nil
	}
	if run, ok, err := sc.reusedDictCall(n, callee); err != nil || ok {
		return run, err
	}
	pipe, err := sc.pipeline(n.Pipe, false)
	if err != nil {
		return nil, err
	}
	return func(st *execState, dot reflect.Value) error {
		v, err := pipe(st, dot)
		if err != nil {
			return err
		}
		return st.call(callee, v)
	}, nil
}
