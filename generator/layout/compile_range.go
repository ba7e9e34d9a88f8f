package layout

import (
	"cmp"
	"reflect"
	"slices"
	"text/template/parse"
)

// rangeLoop is a compiled {{ range }}: the pipeline, the slots its
// variables live in, the body and the {{ else }}.
type rangeLoop struct {
	pipe      evalFn
	decls     int // how many variables the range declares or assigns
	indexSlot int // slot of the index or key variable, when decls == 2
	elemSlot  int // slot of the element variable, when decls > 0
	body      runFn
	otherwise runFn
}

func (sc *scope) rangeNode(n *parse.RangeNode) (runFn, error) {
	m := sc.mark()
	defer sc.popTo(m)
	pipe, err := sc.pipeline(n.Pipe, false)
	if err != nil {
		return nil, err
	}
	r := &rangeLoop{pipe: pipe, decls: len(n.Pipe.Decl)}
	if r.decls > 2 {
		return nil, unsupported("range with %d variables", r.decls)
	}
	if r.decls > 0 {
		// Resolved now that the pipeline declared them: with two, the
		// index comes first; with one, it is the element.
		if r.elemSlot, err = sc.resolveDecl(n.Pipe, r.decls-1); err != nil {
			return nil, err
		}
	}
	if r.decls == 2 {
		if r.indexSlot, err = sc.resolveDecl(n.Pipe, 0); err != nil {
			return nil, err
		}
	}
	inner := sc.mark()
	if r.body, err = sc.list(n.List); err != nil {
		return nil, err
	}
	sc.popTo(inner)
	if n.ElseList != nil {
		if r.otherwise, err = sc.list(n.ElseList); err != nil {
			return nil, err
		}
	}
	return r.run, nil
}

// resolveDecl returns the slot variable i of a pipeline's declaration
// refers to once the pipeline has run.
func (sc *scope) resolveDecl(p *parse.PipeNode, i int) (int, error) {
	return sc.resolve(p.Decl[i].Ident[0])
}

func (r *rangeLoop) run(st *execState, dot reflect.Value) error {
	v, err := r.pipe(st, dot)
	if err != nil {
		return err
	}
	val, _ := derefAll(v)
	ran, err := r.iterate(st, val)
	if err != nil || ran {
		return err
	}
	if r.otherwise != nil {
		return r.otherwise(st, dot)
	}
	return nil
}

// iterate runs the body for each element of val and reports whether it
// ran at least once.
func (r *rangeLoop) iterate(st *execState, val reflect.Value) (bool, error) {
	switch val.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if r.decls > 1 {
			return false, execErrorf("can't use %v to iterate over more than one variable", val)
		}
		return r.seq(st, val)
	case reflect.Array, reflect.Slice:
		n := val.Len()
		for i := 0; i < n; i++ {
			var index reflect.Value
			if r.decls == 2 {
				index = reflect.ValueOf(i)
			}
			stop, err := r.once(st, index, val.Index(i))
			if err != nil || stop {
				return true, err
			}
		}
		return n > 0, nil
	case reflect.Map:
		if val.Len() == 0 {
			return false, nil
		}
		entries, err := sortedEntries(val)
		if err != nil {
			return false, err
		}
		for _, e := range entries {
			stop, err := r.once(st, e.key, e.value)
			if err != nil || stop {
				return true, err
			}
		}
		return true, nil
	case reflect.Chan:
		if val.IsNil() {
			return false, nil
		}
		if val.Type().ChanDir() == reflect.SendDir {
			return false, execErrorf("range over send-only channel %v", val)
		}
		i := 0
		for ; ; i++ {
			elem, ok := val.Recv()
			if !ok {
				break
			}
			stop, err := r.once(st, reflect.ValueOf(i), elem)
			if err != nil || stop {
				return true, err
			}
		}
		return i > 0, nil
	case reflect.Invalid:
		return false, nil
	case reflect.Func:
		if val.Type().CanSeq() {
			if r.decls > 1 {
				return false, execErrorf("can't use %v iterate over more than one variable", val)
			}
			return r.seq(st, val)
		}
		if val.Type().CanSeq2() {
			return r.seq2(st, val)
		}
	}
	return false, execErrorf("range can't iterate over %v", val)
}

// seq2 ranges over the pairs a two-value iterator yields. It is apart
// from iterate because a range over a function moves the results of the
// function it is in to the heap: iterate would allocate on every call.
func (r *rangeLoop) seq2(st *execState, val reflect.Value) (bool, error) {
	ran := false
	for k, e := range val.Seq2() {
		ran = true
		if r.decls < 2 {
			k, e = reflect.Value{}, k
		}
		stop, err := r.once(st, k, e)
		if err != nil || stop {
			return true, err
		}
	}
	return ran, nil
}

// seq ranges over the values an integer or a one-value iterator yields.
func (r *rangeLoop) seq(st *execState, val reflect.Value) (bool, error) {
	ran := false
	for e := range val.Seq() {
		ran = true
		stop, err := r.once(st, reflect.Value{}, e)
		if err != nil || stop {
			return true, err
		}
	}
	return ran, nil
}

// once runs the body for one element; stop reports a {{ break }}.
func (r *rangeLoop) once(st *execState, index, elem reflect.Value) (stop bool, err error) {
	switch r.decls {
	case 1:
		st.setVariable(r.elemSlot, elem)
	case 2:
		st.setVariable(r.indexSlot, index)
		st.setVariable(r.elemSlot, elem)
	}
	switch err := r.body(st, elem); err {
	case nil, errContinue:
		return false, nil
	case errBreak:
		return true, nil
	default:
		return true, err
	}
}

// mapEntry is a key and value of a map being ranged over.
type mapEntry struct{ key, value reflect.Value }

// sortedEntries returns the entries of a map in the order text/template
// ranges over them (fmt's order for map keys). Only keys of basic kinds
// are sorted here; other maps fail, leaving them to html/template.
func sortedEntries(m reflect.Value) ([]mapEntry, error) {
	var cmpKeys func(a, b reflect.Value) int
	switch m.Type().Key().Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		cmpKeys = func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		cmpKeys = func(a, b reflect.Value) int { return cmp.Compare(a.Uint(), b.Uint()) }
	case reflect.String:
		cmpKeys = func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) }
	case reflect.Float32, reflect.Float64:
		cmpKeys = func(a, b reflect.Value) int { return cmp.Compare(a.Float(), b.Float()) }
	case reflect.Bool:
		cmpKeys = func(a, b reflect.Value) int {
			x, y := a.Bool(), b.Bool()
			switch {
			case x == y:
				return 0
			case x:
				return 1
			}
			return -1
		}
	default:
		return nil, execErrorf("range over a map keyed by %s", m.Type().Key())
	}
	out := make([]mapEntry, 0, m.Len())
	for it := m.MapRange(); it.Next(); {
		out = append(out, mapEntry{it.Key(), it.Value()})
	}
	slices.SortStableFunc(out, func(a, b mapEntry) int { return cmpKeys(a.key, b.key) })
	return out, nil
}
