package layout

import (
	"reflect"
	"text/template/parse"
)

// dictEntry is one key, value pair of a dict call whose key is constant
// text: the value's evaluation, or, for a constant value, the value
// itself, converted once.
type dictEntry struct {
	key   string
	val   evalFn
	fixed any
}

// dictCall compiles a call of the Set's own dict whose keys are all
// constant text, such as (dict "page" . "level" 2): the map is filled
// straight from the evaluated values, with no argument slice and no
// boxing of the keys or of constant values. It gives the map the general
// call gives: values are evaluated in order, the first error stops the
// call, and a later key replaces an earlier equal one. ok is false for
// other calls, which callFunc compiles.
func (sc *scope) dictCall(given []parse.Node, final bool) (fn cmdFn, ok bool, err error) {
	if final {
		return nil, false, nil
	}
	entries, ok, err := sc.dictEntries(given)
	if !ok || err != nil {
		return nil, false, err
	}
	return func(st *execState, dot, _ reflect.Value) (reflect.Value, error) {
		m := make(map[string]any, len(entries))
		if err := fillDict(st, dot, entries, m); err != nil {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(m), nil
	}, true, nil
}

// dictEntries compiles the arguments of a call of the Set's own dict
// whose keys are all constant text; ok is false for other calls.
func (sc *scope) dictEntries(given []parse.Node) (entries []dictEntry, ok bool, err error) {
	if len(given)%2 != 0 || !sc.c.set.ownDict {
		return nil, false, nil
	}
	entries = make([]dictEntry, len(given)/2)
	for i := range entries {
		key, ok := given[2*i].(*parse.StringNode)
		if !ok {
			return nil, false, nil
		}
		e := dictEntry{key: key.Text}
		switch n := given[2*i+1].(type) {
		case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
			v, err := typedConstant(n, anyType)
			if err != nil {
				// Such a call fails; the general path fails it the same way.
				return nil, false, nil
			}
			e.fixed = anyOf(v)
		default:
			if e.val, err = sc.typedArg(n, anyType); err != nil {
				return nil, false, err
			}
		}
		entries[i] = e
	}
	return entries, true, nil
}

// fillDict puts the entries, evaluated in order, into the empty map m;
// the first error stops it.
func fillDict(st *execState, dot reflect.Value, entries []dictEntry, m map[string]any) error {
	for _, e := range entries {
		if e.val == nil {
			m[e.key] = e.fixed
			continue
		}
		v, err := e.val(st, dot)
		if err != nil {
			return err
		}
		m[e.key] = anyOf(v)
	}
	return nil
}
