package layout

import (
	"reflect"
	"text/template/parse"
)

// partialFileCall compiles {{ partial "name" CONTEXT KEY... }} for a
// constant name found to be the file rel, with no value before it in the
// pipeline, to call the partial without the checks and boxing of a
// general function call: the context goes to the partial as its dot and
// the keys into a fragmentKey, neither through a slice. When the call
// has keys and its context is a dict of values that cannot fail (see
// pureArg), the context is evaluated only when the partial runs, not for
// an output that is kept already. stream writes the output to st.out. ok
// is false for calls left to the general path (more keys than allowed).
func (sc *scope) partialFileCall(rel, name string, given []parse.Node, stream bool) (fn cmdFn, ok bool, err error) {
	// given[0] is the name.
	args := given[1:]
	if len(args) > 1+maxFragmentKeys {
		return nil, false, nil
	}
	var ctx evalFn
	if len(args) > 0 {
		if ctx, err = sc.typedArg(args[0], anyType); err != nil {
			return nil, false, err
		}
	}
	if len(args) < 2 {
		return func(st *execState, dot, _ reflect.Value) (reflect.Value, error) {
			var data any
			if ctx != nil {
				v, err := ctx(st, dot)
				if err != nil {
					return reflect.Value{}, err
				}
				data = anyOf(v)
			}
			if stream {
				return reflect.Value{}, st.set.streamPartial(st, rel, data)
			}
			h, err := st.set.executePartial(st, rel, data)
			if err != nil {
				return reflect.Value{}, err
			}
			return reflect.ValueOf(h), nil
		}, true, nil
	}
	keys := make([]evalFn, len(args)-1)
	for i, a := range args[1:] {
		if keys[i], err = sc.typedArg(a, anyType); err != nil {
			return nil, false, err
		}
	}
	lazy := sc.pureArg(args[0])
	site := new(fragmentSite)
	return func(st *execState, dot, _ reflect.Value) (reflect.Value, error) {
		var data any
		if !lazy {
			v, err := ctx(st, dot)
			if err != nil {
				return reflect.Value{}, err
			}
			data = anyOf(v)
		}
		var vals [maxFragmentKeys]any
		for i, key := range keys {
			v, err := key(st, dot)
			if err != nil {
				return reflect.Value{}, err
			}
			vals[i] = anyOf(v)
		}
		k, err := newFragmentKey(rel, vals[:len(keys)])
		if err != nil {
			return reflect.Value{}, execErrorf("partial %q: %v", name, err)
		}
		var later evalFn
		if lazy {
			later = ctx
		}
		h, err := st.set.keyedPartial(st, site, k, data, later, dot, stream)
		if err != nil || stream {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(h), nil
	}, true, nil
}

// pureArg reports whether evaluating n can neither fail nor have an
// effect, so that it may be left out when its value is not needed: a
// constant with a value (not a number too big for an int), dot, a
// variable without fields, or a call of the built-in dict with constant
// text keys and pure values.
func (sc *scope) pureArg(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.DotNode, *parse.BoolNode, *parse.StringNode:
		return true
	case *parse.NumberNode:
		v, err := untypedConstant(n)
		return err == nil && v.IsValid()
	case *parse.VariableNode:
		return len(n.Ident) == 1
	case *parse.PipeNode:
		if len(n.Decl) > 0 || len(n.Cmds) != 1 || !sc.c.set.ownDict {
			return false
		}
		args := n.Cmds[0].Args
		if id, ok := args[0].(*parse.IdentifierNode); !ok || id.Ident != "dict" || len(args)%2 != 1 {
			return false
		}
		for i := 1; i < len(args); i += 2 {
			if _, ok := args[i].(*parse.StringNode); !ok || !sc.pureArg(args[i+1]) {
				return false
			}
		}
		return true
	}
	return false
}
