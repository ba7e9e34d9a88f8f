package layout

import (
	"reflect"
	"text/template/parse"

	"github.com/sineng/sineng/generator/htmlesc"
)

// pipeline compiles a pipeline: its commands, each one's value passed to
// the next as its final argument, then its variables declared or set.
// nested is true for a parenthesized pipeline inside a command, where a
// declaration could be skipped by and/or and is left to html/template.
func (sc *scope) pipeline(p *parse.PipeNode, nested bool) (evalFn, error) {
	if p == nil {
		return func(*execState, reflect.Value) (reflect.Value, error) { return reflect.Value{}, nil }, nil
	}
	if nested && len(p.Decl) > 0 {
		return nil, unsupported("variable declared inside a parenthesized pipeline")
	}
	cmds := make([]cmdFn, len(p.Cmds))
	for i, cmd := range p.Cmds {
		fn, err := sc.command(cmd, i > 0)
		if err != nil {
			return nil, err
		}
		cmds[i] = fn
	}
	slots, err := sc.declSlots(p)
	if err != nil {
		return nil, err
	}
	return pipelineFn(cmds, slots), nil
}

// declSlots declares the variables of p (or finds them, for an
// assignment) once its commands are compiled, and returns their slots.
func (sc *scope) declSlots(p *parse.PipeNode) ([]int, error) {
	slots := make([]int, len(p.Decl))
	for i, v := range p.Decl {
		name := v.Ident[0]
		if p.IsAssign {
			slot, err := sc.resolve(name)
			if err != nil {
				return nil, err
			}
			slots[i] = slot
			continue
		}
		slots[i] = sc.declare(name)
	}
	return slots, nil
}

func pipelineFn(cmds []cmdFn, slots []int) evalFn {
	if len(cmds) == 1 && len(slots) == 0 {
		cmd := cmds[0]
		return func(st *execState, dot reflect.Value) (reflect.Value, error) {
			v, err := cmd(st, dot, reflect.Value{})
			if err != nil {
				return v, err
			}
			return unwrapAny(v), nil
		}
	}
	return func(st *execState, dot reflect.Value) (reflect.Value, error) {
		var v reflect.Value
		for _, cmd := range cmds {
			var err error
			if v, err = cmd(st, dot, v); err != nil {
				return v, err
			}
			v = unwrapAny(v)
		}
		for _, slot := range slots {
			st.setVariable(slot, v)
		}
		return v, nil
	}
}

// unwrapAny digs into a value of type interface{}, as each command of a
// pipeline does with its result.
func unwrapAny(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
		return v.Elem()
	}
	return v
}

// textPipeline compiles a printing pipeline that ends with escapers (each
// a function of type func(...any) string) to write the text the last one
// returns. ok is false when the pipeline does not end so.
func (sc *scope) textPipeline(p *parse.PipeNode) (fn runFn, ok bool, err error) {
	// Find the escapers at the end of the pipeline.
	first := len(p.Cmds)
	var escs []textFunc
	for first > 0 {
		tf, ok, err := sc.c.textFunc(p.Cmds[first-1])
		if err != nil {
			return nil, false, err
		}
		if !ok {
			break
		}
		escs = append([]textFunc{tf}, escs...)
		first--
	}
	if len(escs) == 0 {
		return nil, false, nil
	}
	if first == 1 && len(escs) == 1 && len(p.Cmds[1].Args) == 1 {
		fn, ok, err := sc.dateAction(p.Cmds[0], escs[0])
		if err != nil || ok {
			return fn, ok, err
		}
	}
	// The value before the escapers: a field chain whose method's text
	// the first escaper takes unboxed, or else the pipeline's value.
	var value textEvalFn
	if first == 1 && escs[0].text != nil {
		if value, _, err = sc.textChain(p.Cmds[0]); err != nil {
			return nil, false, err
		}
		if value == nil {
			if value, _, err = sc.textCall(p.Cmds[0]); err != nil {
				return nil, false, err
			}
		}
	}
	if value == nil && first > 0 {
		before, err := sc.pipeline(&parse.PipeNode{NodeType: parse.NodePipe, Pos: p.Pos, Cmds: p.Cmds[:first]}, false)
		if err != nil {
			return nil, false, err
		}
		value = textValue(before)
	}
	steps := make([]textStep, len(escs))
	for i, tf := range escs {
		cmd := p.Cmds[first+i]
		args := make([]evalFn, len(cmd.Args)-1)
		for j, a := range cmd.Args[1:] {
			if args[j], err = sc.typedArg(a, anyType); err != nil {
				return nil, false, err
			}
		}
		steps[i] = textStep{fn: tf, args: args, final: first+i > 0}
	}
	if len(steps) == 1 && value != nil && len(steps[0].args) == 0 && steps[0].fn.scratch {
		// The commonest action: a value and the escaper of its context.
		esc, text := steps[0].fn.fn, steps[0].fn.text
		return func(st *execState, dot reflect.Value) error {
			v, s, c, isText, err := value(st, dot)
			if err != nil {
				return err
			}
			if !isText {
				s, c, isText = textOf(v)
			}
			if isText && text != nil {
				st.out.WriteString(text(s, c))
				return nil
			}
			args := st.args[:1]
			args[0] = anyOf(v)
			s = esc(args...)
			args[0] = nil
			st.out.WriteString(s)
			return nil
		}, true, nil
	}
	return textSteps(value, steps), true, nil
}

// textValue is a printed pipeline's value as a textEvalFn: never as text.
func textValue(before evalFn) textEvalFn {
	return func(st *execState, dot reflect.Value) (reflect.Value, string, htmlesc.Content, bool, error) {
		v, err := before(st, dot)
		return v, "", htmlesc.Plain, false, err
	}
}

// textOf returns v as the text an escaper sees, when v is a string or one
// of html/template's content types: those escape without being boxed.
func textOf(v reflect.Value) (string, htmlesc.Content, bool) {
	if v.Kind() != reflect.String {
		return "", htmlesc.Plain, false
	}
	c, ok := htmlesc.ContentOf(v.Type())
	return v.String(), c, ok
}

// textStep is one escaper call of a printing pipeline.
type textStep struct {
	fn    textFunc
	args  []evalFn
	final bool // the step gets the value before it as its last argument
}

func textSteps(value textEvalFn, steps []textStep) runFn {
	return func(st *execState, dot reflect.Value) error {
		var v reflect.Value
		var s string
		var c htmlesc.Content
		var isText bool
		if value != nil {
			var err error
			if v, s, c, isText, err = value(st, dot); err != nil {
				return err
			}
			if !isText {
				s, c, isText = textOf(v)
			}
		}
		for i, step := range steps {
			if step.fn.text != nil && step.final && len(step.args) == 0 {
				// One value in, as text: the value before, or the text the
				// step before returned.
				if i > 0 {
					s = step.fn.text(s, htmlesc.Plain)
					continue
				}
				if isText {
					s = step.fn.text(s, c)
					continue
				}
			}
			var prev any
			switch {
			case !step.final:
			case i > 0:
				prev = s
			case isText && !v.IsValid():
				prev = boxText(s, c)
			default:
				prev = anyOf(v)
			}
			var err error
			if s, err = step.call(st, dot, prev); err != nil {
				return err
			}
		}
		st.out.WriteString(s)
		return nil
	}
}

// call evaluates the step's arguments and calls its function with them,
// then prev when the step takes the value before it.
func (step textStep) call(st *execState, dot reflect.Value, prev any) (string, error) {
	n := len(step.args)
	if step.final {
		n++
	}
	var args []any
	if step.fn.scratch && n <= len(st.args) {
		// Every argument is evaluated before any is stored: evaluating
		// one may run another escaper.
		if len(step.args) == 0 {
			args = st.args[:n]
		} else {
			var vals [4]reflect.Value
			for i, a := range step.args {
				v, err := a(st, dot)
				if err != nil {
					return "", err
				}
				vals[i] = v
			}
			args = st.args[:n]
			for i := range step.args {
				args[i] = anyOf(vals[i])
			}
		}
	} else {
		args = make([]any, n)
		for i, a := range step.args {
			v, err := a(st, dot)
			if err != nil {
				return "", err
			}
			args[i] = anyOf(v)
		}
	}
	if step.final {
		args[n-1] = prev
	}
	s := step.fn.fn(args...)
	if step.fn.scratch {
		clear(args)
	}
	return s, nil
}

// command compiles one command of a pipeline; final reports that it gets
// the value of the command before it.
func (sc *scope) command(cmd *parse.CommandNode, final bool) (cmdFn, error) {
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return sc.fieldChain(nil, n.Ident, cmd.Args, final)
	case *parse.ChainNode:
		recv, err := sc.chainReceiver(n)
		if err != nil {
			return nil, err
		}
		return sc.fieldChain(recv, n.Field, cmd.Args, final)
	case *parse.IdentifierNode:
		return sc.function(n.Ident, cmd.Args, final, false)
	case *parse.PipeNode:
		if len(cmd.Args) > 1 || final {
			return failCmd("can't give argument to non-function %s", n), nil
		}
		pipe, err := sc.pipeline(n, true)
		if err != nil {
			return nil, err
		}
		return func(st *execState, dot, _ reflect.Value) (reflect.Value, error) { return pipe(st, dot) }, nil
	case *parse.VariableNode:
		slot, err := sc.resolve(n.Ident[0])
		if err != nil {
			return nil, err
		}
		recv := func(st *execState, _ reflect.Value) (reflect.Value, error) { return st.variable(slot), nil }
		if len(n.Ident) == 1 {
			if len(cmd.Args) > 1 || final {
				return failCmd("can't give argument to non-function %s", n), nil
			}
			return func(st *execState, _, _ reflect.Value) (reflect.Value, error) { return st.variable(slot), nil }, nil
		}
		return sc.fieldChain(recv, n.Ident[1:], cmd.Args, final)
	}
	if len(cmd.Args) > 1 || final {
		return failCmd("can't give argument to non-function %s", cmd.Args[0]), nil
	}
	switch n := cmd.Args[0].(type) {
	case *parse.DotNode:
		return func(_ *execState, dot, _ reflect.Value) (reflect.Value, error) { return dot, nil }, nil
	case *parse.NilNode:
		return failCmd("nil is not a command"), nil
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		v, err := untypedConstant(n)
		if err != nil {
			return failCmd("%v", err), nil
		}
		return func(*execState, reflect.Value, reflect.Value) (reflect.Value, error) { return v, nil }, nil
	}
	return nil, unsupported("command %s", cmd)
}

// failCmd is a command that fails when it runs (and only then: it may sit
// in a branch that never runs).
func failCmd(format string, args ...any) cmdFn {
	return errCmd(execErrorf(format, args...))
}

// errCmd is a command that fails with err when it runs.
func errCmd(err error) cmdFn {
	return func(*execState, reflect.Value, reflect.Value) (reflect.Value, error) { return reflect.Value{}, err }
}

func failEval(err error) evalFn {
	return func(*execState, reflect.Value) (reflect.Value, error) { return reflect.Value{}, err }
}

func dotReceiver(_ *execState, dot reflect.Value) (reflect.Value, error) { return dot, nil }

// chainReceiver compiles the operand of (pipeline).Field or fn.Field.
func (sc *scope) chainReceiver(n *parse.ChainNode) (evalFn, error) {
	if n.Node.Type() == parse.NodeNil {
		return failEval(execErrorf("indirection through explicit nil in %s", n)), nil
	}
	return sc.value(n.Node)
}

// value compiles a node used as an argument where no type is asked for:
// its value as evaluated, without the checks of a typed argument.
func (sc *scope) value(n parse.Node) (evalFn, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return dotReceiver, nil
	case *parse.NilNode:
		return func(*execState, reflect.Value) (reflect.Value, error) { return reflect.Value{}, nil }, nil
	case *parse.FieldNode:
		return cmdAsEval(sc.fieldChain(nil, n.Ident, nil, false))
	case *parse.VariableNode:
		slot, err := sc.resolve(n.Ident[0])
		if err != nil {
			return nil, err
		}
		recv := func(st *execState, _ reflect.Value) (reflect.Value, error) { return st.variable(slot), nil }
		if len(n.Ident) == 1 {
			return recv, nil
		}
		return cmdAsEval(sc.fieldChain(recv, n.Ident[1:], nil, false))
	case *parse.PipeNode:
		return sc.pipeline(n, true)
	case *parse.IdentifierNode:
		return cmdAsEval(sc.function(n.Ident, nil, false, true))
	case *parse.ChainNode:
		recv, err := sc.chainReceiver(n)
		if err != nil {
			return nil, err
		}
		return cmdAsEval(sc.fieldChain(recv, n.Field, nil, false))
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		v, err := untypedConstant(n)
		if err != nil {
			return failEval(err), nil
		}
		return func(*execState, reflect.Value) (reflect.Value, error) { return v, nil }, nil
	}
	return nil, unsupported("argument %s", n)
}

func cmdAsEval(fn cmdFn, err error) (evalFn, error) {
	if err != nil {
		return nil, err
	}
	return func(st *execState, dot reflect.Value) (reflect.Value, error) { return fn(st, dot, reflect.Value{}) }, nil
}

// typedArg compiles an argument for a parameter of type typ, known when
// compiling: the value checked and converted as text/template does.
func (sc *scope) typedArg(n parse.Node, typ reflect.Type) (evalFn, error) {
	switch n.(type) {
	case *parse.NilNode:
		if !nilFits(typ) {
			return failEval(execErrorf("cannot assign nil to %s", typ)), nil
		}
		z := reflect.Zero(typ)
		return func(*execState, reflect.Value) (reflect.Value, error) { return z, nil }, nil
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		v, err := typedConstant(n, typ)
		if err != nil {
			return failEval(err), nil
		}
		return func(*execState, reflect.Value) (reflect.Value, error) { return v, nil }, nil
	}
	val, err := sc.value(n)
	if err != nil {
		return nil, err
	}
	if typ == anyType {
		return func(st *execState, dot reflect.Value) (reflect.Value, error) {
			v, err := val(st, dot)
			if err != nil || v.IsValid() {
				return v, err
			}
			return reflect.Zero(anyType), nil
		}, nil
	}
	return func(st *execState, dot reflect.Value) (reflect.Value, error) {
		v, err := val(st, dot)
		if err != nil {
			return v, err
		}
		return fitType(v, typ)
	}, nil
}

// dynArg is an argument whose parameter type is only known when the call
// runs (a method's).
type dynArg func(st *execState, dot reflect.Value, typ reflect.Type) (reflect.Value, error)

// dynamicArg compiles an argument for a parameter whose type is known
// only at run time.
func (sc *scope) dynamicArg(n parse.Node) (dynArg, error) {
	switch n.(type) {
	case *parse.NilNode:
		return func(_ *execState, _ reflect.Value, typ reflect.Type) (reflect.Value, error) {
			if !nilFits(typ) {
				return reflect.Value{}, execErrorf("cannot assign nil to %s", typ)
			}
			return reflect.Zero(typ), nil
		}, nil
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		cache := &constCache{node: n}
		return cache.get, nil
	}
	val, err := sc.value(n)
	if err != nil {
		return nil, err
	}
	return func(st *execState, dot reflect.Value, typ reflect.Type) (reflect.Value, error) {
		v, err := val(st, dot)
		if err != nil {
			return v, err
		}
		return fitType(v, typ)
	}, nil
}
