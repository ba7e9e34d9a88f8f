package layout

import (
	"reflect"
)

// The builtins of text/template that take reflect.Values (and, or, not,
// len, index, call and the comparisons), restated over the values the
// compiled executor passes around. and, or and call are special forms
// and compiled in compile_func.go; the rest are here.

// builtinFn is a builtin over evaluated arguments.
type builtinFn func(args []reflect.Value) (reflect.Value, error)

// builtinArity is how many arguments a builtin takes: exactly min, or at
// least min when variadic.
type builtinArity struct {
	min      int
	variadic bool
}

// valueBuiltin returns the builtin called name, when it is compiled as a
// plain call over its arguments' values, with its arity.
func valueBuiltin(name string) (builtinFn, builtinArity, bool) {
	switch name {
	case "not":
		return builtinNot, builtinArity{min: 1}, true
	case "len":
		return builtinLen, builtinArity{min: 1}, true
	case "index":
		return builtinIndex, builtinArity{min: 1, variadic: true}, true
	case "eq":
		return builtinEq, builtinArity{min: 1, variadic: true}, true
	case "ne":
		return compare2(func(a, b reflect.Value) (bool, error) {
			eq, err := equalAny(a, b)
			return !eq, err
		}), builtinArity{min: 2}, true
	case "lt":
		return compare2(lessThan), builtinArity{min: 2}, true
	case "le":
		return compare2(lessOrEqual), builtinArity{min: 2}, true
	case "gt":
		return compare2(func(a, b reflect.Value) (bool, error) {
			le, err := lessOrEqual(a, b)
			return !le && err == nil, err
		}), builtinArity{min: 2}, true
	case "ge":
		return compare2(func(a, b reflect.Value) (bool, error) {
			lt, err := lessThan(a, b)
			return !lt && err == nil, err
		}), builtinArity{min: 2}, true
	}
	return nil, builtinArity{}, false
}

func builtinNot(args []reflect.Value) (reflect.Value, error) {
	return reflect.ValueOf(!truthy(args[0])), nil
}

func builtinLen(args []reflect.Value) (reflect.Value, error) {
	item, isNil := derefAll(args[0])
	if isNil {
		return reflect.Value{}, execErrorf("len of nil pointer")
	}
	switch item.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return reflect.ValueOf(item.Len()), nil
	}
	return reflect.Value{}, execErrorf("len of type %s", item.Type())
}

func builtinIndex(args []reflect.Value) (reflect.Value, error) {
	item := ifaceElem(args[0])
	if !item.IsValid() {
		return reflect.Value{}, execErrorf("index of untyped nil")
	}
	for _, index := range args[1:] {
		index = ifaceElem(index)
		var isNil bool
		if item, isNil = derefAll(item); isNil {
			return reflect.Value{}, execErrorf("index of nil pointer")
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			x, err := indexOf(index, item.Len())
			if err != nil {
				return reflect.Value{}, err
			}
			item = item.Index(x)
		case reflect.Map:
			key, err := mapKey(index, item.Type().Key())
			if err != nil {
				return reflect.Value{}, err
			}
			if x := item.MapIndex(key); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			return reflect.Value{}, execErrorf("can't index item of type %s", item.Type())
		}
	}
	return item, nil
}

// indexOf checks an index against a length: an integer of any kind in
// [0, n]. (Indexing at n then fails in reflect, as in text/template.)
func indexOf(index reflect.Value, n int) (int, error) {
	var x int64
	switch index.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x = index.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		x = int64(index.Uint())
	case reflect.Invalid:
		return 0, execErrorf("cannot index slice/array with nil")
	default:
		return 0, execErrorf("cannot index slice/array with type %s", index.Type())
	}
	if x < 0 || int(x) < 0 || int(x) > n {
		return 0, execErrorf("index out of range: %d", x)
	}
	return int(x), nil
}

// mapKey converts an index to a map's key type: nil to the zero key when
// the key type can be nil, integers across integer kinds.
func mapKey(v reflect.Value, keyType reflect.Type) (reflect.Value, error) {
	if !v.IsValid() {
		if !nilFits(keyType) {
			return reflect.Value{}, execErrorf("value is nil; should be of type %s", keyType)
		}
		v = reflect.Zero(keyType)
	}
	if v.Type().AssignableTo(keyType) {
		return v, nil
	}
	if intKind(v.Kind()) && intKind(keyType.Kind()) && v.Type().ConvertibleTo(keyType) {
		return v.Convert(keyType), nil
	}
	return reflect.Value{}, execErrorf("value has type %s; should be %s", v.Type(), keyType)
}

func intKind(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// valueClass groups kinds the way the comparisons do.
type valueClass int

const (
	classOther valueClass = iota
	classBool
	classComplex
	classInt
	classFloat
	classString
	classUint
)

func classOf(v reflect.Value) valueClass {
	switch v.Kind() {
	case reflect.Bool:
		return classBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return classInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return classUint
	case reflect.Float32, reflect.Float64:
		return classFloat
	case reflect.Complex64, reflect.Complex128:
		return classComplex
	case reflect.String:
		return classString
	}
	return classOther
}

func builtinEq(args []reflect.Value) (reflect.Value, error) {
	if len(args) < 2 {
		return reflect.Value{}, execErrorf("missing argument for comparison")
	}
	for _, b := range args[1:] {
		eq, err := equalAny(args[0], b)
		if err != nil {
			return reflect.Value{}, err
		}
		if eq {
			return reflect.ValueOf(true), nil
		}
	}
	return reflect.ValueOf(false), nil
}

func compare2(cmp func(a, b reflect.Value) (bool, error)) builtinFn {
	return func(args []reflect.Value) (reflect.Value, error) {
		ok, err := cmp(args[0], args[1])
		if err != nil {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(ok), nil
	}
}

// equalAny is eq of two values: basic kinds by value (integers across
// signedness), other comparable values with ==, nil equal only to nil.
func equalAny(a, b reflect.Value) (bool, error) {
	a, b = ifaceElem(a), ifaceElem(b)
	ca, cb := classOf(a), classOf(b)
	if ca != cb {
		switch {
		case ca == classInt && cb == classUint:
			return a.Int() >= 0 && uint64(a.Int()) == b.Uint(), nil
		case ca == classUint && cb == classInt:
			return b.Int() >= 0 && a.Uint() == uint64(b.Int()), nil
		}
		if a.IsValid() && b.IsValid() {
			return false, execErrorf("incompatible types for comparison: %v and %v", a.Type(), b.Type())
		}
		return false, nil
	}
	switch ca {
	case classBool:
		return a.Bool() == b.Bool(), nil
	case classComplex:
		return a.Complex() == b.Complex(), nil
	case classFloat:
		return a.Float() == b.Float(), nil
	case classInt:
		return a.Int() == b.Int(), nil
	case classString:
		return a.String() == b.String(), nil
	case classUint:
		return a.Uint() == b.Uint(), nil
	}
	if a.Kind() != b.Kind() && a.IsValid() && b.IsValid() {
		return false, execErrorf("non-comparable types %v and %v", a.Type(), b.Type())
	}
	if nilOrInvalid(a) || nilOrInvalid(b) {
		return nilOrInvalid(a) == nilOrInvalid(b), nil
	}
	if !b.Type().Comparable() {
		return false, execErrorf("non-comparable type %v", b.Type())
	}
	return a.Interface() == b.Interface(), nil
}

func nilOrInvalid(v reflect.Value) bool {
	return !v.IsValid() || canBeNil(v.Type()) && v.IsNil()
}

// lessThan is lt: basic ordered kinds only, integers across signedness.
func lessThan(a, b reflect.Value) (bool, error) {
	a, b = ifaceElem(a), ifaceElem(b)
	ca, cb := classOf(a), classOf(b)
	if ca == classOther || cb == classOther {
		return false, execErrorf("invalid type for comparison")
	}
	if ca != cb {
		switch {
		case ca == classInt && cb == classUint:
			return a.Int() < 0 || uint64(a.Int()) < b.Uint(), nil
		case ca == classUint && cb == classInt:
			return b.Int() >= 0 && a.Uint() < uint64(b.Int()), nil
		}
		return false, execErrorf("incompatible types for comparison: %v and %v", a.Type(), b.Type())
	}
	switch ca {
	case classFloat:
		return a.Float() < b.Float(), nil
	case classInt:
		return a.Int() < b.Int(), nil
	case classString:
		return a.String() < b.String(), nil
	case classUint:
		return a.Uint() < b.Uint(), nil
	}
	return false, execErrorf("invalid type for comparison")
}

// lessOrEqual is le: lt, or else eq.
func lessOrEqual(a, b reflect.Value) (bool, error) {
	lt, err := lessThan(a, b)
	if lt || err != nil {
		return lt, err
	}
	return equalAny(a, b)
}

// callBuiltin is the call builtin: fn called with args, each converted to
// its parameter type as call converts them.
func callBuiltin(fn reflect.Value, args []reflect.Value) (reflect.Value, error) {
	fn = ifaceElem(fn)
	if !fn.IsValid() {
		return reflect.Value{}, execErrorf("call of nil")
	}
	typ := fn.Type()
	if typ.Kind() != reflect.Func {
		return reflect.Value{}, execErrorf("non-function of type %s", typ)
	}
	if !goodResults(typ) {
		return reflect.Value{}, execErrorf("bad function signature %s", typ)
	}
	numIn := typ.NumIn()
	var dddType reflect.Type
	if typ.IsVariadic() {
		if len(args) < numIn-1 {
			return reflect.Value{}, execErrorf("wrong number of args: got %d want at least %d", len(args), numIn-1)
		}
		dddType = typ.In(numIn - 1).Elem()
	} else if len(args) != numIn {
		return reflect.Value{}, execErrorf("wrong number of args: got %d want %d", len(args), numIn)
	}
	argv := make([]reflect.Value, len(args))
	for i, arg := range args {
		argType := dddType
		if !typ.IsVariadic() || i < numIn-1 {
			argType = typ.In(i)
		}
		v, err := mapKey(ifaceElem(arg), argType)
		if err != nil {
			return reflect.Value{}, err
		}
		argv[i] = v
	}
	ret := fn.Call(argv)
	if len(ret) == 2 && !ret[1].IsNil() {
		return reflect.Value{}, execErrorf("call: %v", ret[1].Interface())
	}
	return ret[0], nil
}
