package layout

import (
	"reflect"
	"sync/atomic"

	"github.com/sineng/sineng/generator/htmlesc"
)

// A field site is one .Name in a compiled template: a method call, a
// struct field or a map key, depending on the receiver. What it resolves
// to for a receiver type is worked out once (MethodByName, FieldByName)
// and kept in a small per-site cache, so executions only index.

// maxSiteTypes is how many receiver types a site remembers; a site that
// sees more forgets the older ones.
const maxSiteTypes = 4

// fieldSite is one .Name of a field chain.
type fieldSite struct {
	name    string
	nameKey reflect.Value // name as a map key
	args    []dynArg      // arguments, for a method
	hasArgs bool          // arguments or a final value are given
	final   bool          // the site gets the value before it in the pipeline
	cache   atomic.Pointer[siteEntries]
	// constArgs says the site has only constant arguments, and no final
	// value: the text of a stable method (StableText) is kept in memo.
	constArgs bool
	memo      stableStore
}

// siteEntries is what a field site remembers: its entries for up to
// maxSiteTypes receiver types, oldest first. They are held in place, not
// behind a slice, so that finding one reads two pointers deep, not three:
// in a build, the compiled templates run between other work and their
// data is mostly out of the processor's nearest cache.
type siteEntries struct {
	n int
	e [maxSiteTypes]fieldEntry
}

// fieldKind is what a site resolves to for one receiver type.
type fieldKind uint8

const (
	fieldFails  fieldKind = iota // an error in text/template
	fieldMethod                  // a method of the receiver (or of its address)
	fieldStruct                  // a struct field
	fieldMapKey                  // a map entry
)

// fieldEntry is a site's resolution for a receiver type and
// addressability.
type fieldEntry struct {
	typ  reflect.Type
	addr bool
	kind fieldKind
	// fieldMethod: the method's index and signature, and whether it is
	// called on the receiver's address.
	method int
	onAddr bool
	sig    *signature
	direct directMethod // the method called without reflection, when it can be
	// text is direct returning its text unboxed, when the method
	// returns text of a Content, content.
	text    directText
	content htmlesc.Content
	stable  bool  // direct is a stable method (StableText) and the site's arguments constant
	index   []int // fieldStruct: the field's index path
	// fieldMapKey: the map is a map[string]any, whose values a lookup
	// returns as the values they hold (a nil one still as MapIndex has
	// it: a nil interface, which fails a field chain through it).
	anyMap   bool
	whyFails string
}

// signature describes a function or method type for calls.
type signature struct {
	numIn    int
	variadic bool
	anyTail  bool // the variadic parameter is ...any
	in       []reflect.Type
	good     bool // one result, or a result and an error
}

func signatureOf(typ reflect.Type) *signature {
	s := &signature{numIn: typ.NumIn(), variadic: typ.IsVariadic(), good: goodResults(typ)}
	s.in = make([]reflect.Type, s.numIn)
	for i := range s.in {
		s.in[i] = typ.In(i)
	}
	s.anyTail = s.variadic && s.in[s.numIn-1].Elem() == anyType
	return s
}

// eval applies the site to receiver, as text/template's evalField does.
func (f *fieldSite) eval(st *execState, dot, receiver, final reflect.Value) (reflect.Value, error) {
	if !receiver.IsValid() {
		return reflect.Value{}, nil
	}
	rv, isNil := derefAll(receiver)
	if isNil && rv.Kind() == reflect.Interface {
		return reflect.Value{}, execErrorf("nil pointer evaluating %s.%s", receiver.Type(), f.name)
	}
	return f.apply(st, dot, rv, f.resolve(rv), final)
}

// apply is eval once the receiver is dereferenced (rv, not a nil
// interface) and the site resolved for it (e).
func (f *fieldSite) apply(st *execState, dot, rv reflect.Value, e *fieldEntry, final reflect.Value) (reflect.Value, error) {
	switch e.kind {
	case fieldMethod:
		m := rv
		if e.onAddr {
			m = rv.Addr()
		}
		if e.stable {
			memo, key, gen := f.memoFor(st, m, false)
			if memo != nil {
				return memo.v, nil
			}
			v, err := callMethod(st, dot, m, e, f.args, f.final, final)
			if err == nil {
				f.remember(&stableMemo{gen: gen, key: key, v: v})
			}
			return v, err
		}
		if e.direct != nil {
			return callMethod(st, dot, m, e, f.args, f.final, final)
		}
		return callSig(st, dot, m.Method(e.method), e.sig, f.args, f.final, final)
	case fieldStruct:
		if len(e.index) == 1 {
			return rv.Field(e.index[0]), nil
		}
		v, err := rv.FieldByIndexErr(e.index)
		if err != nil {
			return reflect.Value{}, execErrorf("%v", err)
		}
		return v, nil
	case fieldMapKey:
		if e.anyMap && rv.CanInterface() {
			// A dict: index it as a Go map. MapIndex would copy the
			// interface value out to the heap.
			if x, ok := rv.Interface().(map[string]any)[f.name]; x != nil {
				return reflect.ValueOf(x), nil
			} else if !ok {
				return reflect.Value{}, nil
			}
		}
		return rv.MapIndex(f.nameKey), nil
	}
	return reflect.Value{}, execErrorf("%s: %s", f.name, e.whyFails)
}

// resolve returns the site's entry for rv's type, working it out on a
// miss.
func (f *fieldSite) resolve(rv reflect.Value) *fieldEntry {
	typ, addr := rv.Type(), rv.CanAddr()
	if p := f.cache.Load(); p != nil {
		for i := range p.n {
			if p.e[i].typ == typ && p.e[i].addr == addr {
				return &p.e[i]
			}
		}
	}
	e := f.lookup(rv)
	for {
		old := f.cache.Load()
		next := new(siteEntries)
		if old != nil {
			keep := old.e[:old.n]
			if len(keep) >= maxSiteTypes {
				keep = keep[1:]
			}
			next.n = copy(next.e[:], keep)
		}
		next.e[next.n] = e
		next.n++
		if f.cache.CompareAndSwap(old, next) {
			return &next.e[next.n-1]
		}
	}
}

// lookup works out what the site means for a receiver as text/template
// does: a method of the receiver (of its address when addressable) first,
// then a struct field or a map key.
func (f *fieldSite) lookup(rv reflect.Value) fieldEntry {
	e := fieldEntry{typ: rv.Type(), addr: rv.CanAddr()}
	ptr := rv
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
		e.onAddr = true
	}
	if m, ok := ptr.Type().MethodByName(f.name); ok {
		e.kind = fieldMethod
		e.method = m.Index
		mt := ptr.Method(m.Index).Type()
		e.sig = signatureOf(mt)
		if ptr.Kind() == reflect.Pointer {
			e.direct = directMethodOf(m, mt)
			if e.direct != nil {
				e.text, e.content = directTextOf(m, mt)
				e.stable = f.constArgs && isStable(ptr, f.name)
			}
		}
		return e
	}
	e.onAddr = false
	switch rv.Kind() {
	case reflect.Struct:
		sf, ok := rv.Type().FieldByName(f.name)
		if !ok {
			break
		}
		switch {
		case !sf.IsExported():
			e.whyFails = "unexported field"
		case f.hasArgs:
			e.whyFails = "has arguments but cannot be invoked as function"
		default:
			e.kind = fieldStruct
			e.index = sf.Index
		}
		return e
	case reflect.Map:
		if !stringType.AssignableTo(rv.Type().Key()) {
			break
		}
		if f.hasArgs {
			e.whyFails = "is not a method but has arguments"
			return e
		}
		e.kind = fieldMapKey
		e.anyMap = rv.Type() == anyMapType
		return e
	case reflect.Pointer:
		e.whyFails = "nil pointer"
		return e
	}
	e.whyFails = "can't evaluate field in type " + rv.Type().String()
	return e
}

// callSig calls fun, a function or method of signature sig, with args
// evaluated for its parameter types and final as its last argument, as
// text/template's evalCall does.
func callSig(st *execState, dot, fun reflect.Value, sig *signature, args []dynArg, hasFinal bool, final reflect.Value) (reflect.Value, error) {
	numFixed, err := sig.arity(len(args), hasFinal)
	if err != nil {
		return reflect.Value{}, err
	}
	base := len(st.stack)
	v, err := sig.call(st, dot, fun, args, numFixed, hasFinal, final)
	st.popValues(base)
	return v, err
}

// callMethod calls the method e resolves to, directly, on recv.
func callMethod(st *execState, dot, recv reflect.Value, e *fieldEntry, args []dynArg, hasFinal bool, final reflect.Value) (reflect.Value, error) {
	if _, err := e.sig.arity(len(args), hasFinal); err != nil {
		return reflect.Value{}, err
	}
	base := len(st.stack)
	if err := e.sig.push(st, dot, args, hasFinal, final); err != nil {
		st.popValues(base)
		return reflect.Value{}, err
	}
	v, err := e.direct(recv.UnsafePointer(), st.stack[base:])
	st.popValues(base)
	return v, err
}

// arity checks the number of arguments given (and the final value) and
// the results, and returns the number of fixed parameters.
func (sig *signature) arity(given int, hasFinal bool) (int, error) {
	numIn := given
	if hasFinal {
		numIn++
	}
	numFixed := given
	if sig.variadic {
		numFixed = sig.numIn - 1
		if numIn < numFixed {
			return 0, execErrorf("wrong number of args: want at least %d got %d", sig.numIn-1, given)
		}
	} else if numIn != sig.numIn {
		return 0, execErrorf("wrong number of args: want %d got %d", sig.numIn, numIn)
	}
	if !sig.good {
		return 0, execErrorf("function has a bad signature")
	}
	return numFixed, nil
}

// call evaluates the arguments onto st.stack and calls fun with them.
func (sig *signature) call(st *execState, dot, fun reflect.Value, args []dynArg, numFixed int, hasFinal bool, final reflect.Value) (reflect.Value, error) {
	base := len(st.stack)
	if err := sig.push(st, dot, args, hasFinal, final); err != nil {
		return reflect.Value{}, err
	}
	vals := st.stack[base:]
	if sig.anyTail {
		// Pass ...any as a slice made here: reflect would make one
		// element by element.
		tail := anys(vals[numFixed:])
		st.stack = append(st.stack[:base+numFixed], reflect.ValueOf(tail))
		return callResult(fun.CallSlice(st.stack[base:]))
	}
	return callResult(fun.Call(vals))
}

// push evaluates the arguments for their parameter types, then the final
// value, onto st.stack.
func (sig *signature) push(st *execState, dot reflect.Value, args []dynArg, hasFinal bool, final reflect.Value) error {
	for i, a := range args {
		v, err := a(st, dot, sig.argType(i))
		if err != nil {
			return err
		}
		st.stack = append(st.stack, v)
	}
	if hasFinal {
		v, err := fitType(final, sig.argType(len(args)))
		if err != nil {
			return err
		}
		st.stack = append(st.stack, v)
	}
	return nil
}

// argType is the type argument i is passed as: its parameter's type, or
// the element type of a variadic parameter. The number of arguments is
// checked (see arity).
func (sig *signature) argType(i int) reflect.Type {
	if !sig.variadic || i < sig.numIn-1 {
		return sig.in[i]
	}
	return sig.in[sig.numIn-1].Elem()
}

// callResult turns what a call returned into its value: an error result
// that is not nil fails the call, a reflect.Value result is unwrapped.
func callResult(ret []reflect.Value) (reflect.Value, error) {
	if len(ret) == 2 && !ret[1].IsNil() {
		return reflect.Value{}, execErrorf("%v", ret[1].Interface())
	}
	v := ret[0]
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v, nil
}

// pushValues evaluates args with dot onto st.stack; on an error the
// caller pops what was pushed.
func (st *execState) pushValues(dot reflect.Value, args []evalFn) error {
	for _, a := range args {
		v, err := a(st, dot)
		if err != nil {
			return err
		}
		st.stack = append(st.stack, v)
	}
	return nil
}

// popValues drops the argument values above base.
func (st *execState) popValues(base int) {
	clear(st.stack[base:])
	st.stack = st.stack[:base]
}
