package layout

import (
	"reflect"
	"unsafe"
)

// Direct method calls. reflect.Value.Call costs a few hundred nanoseconds
// and several allocations per call, most of a compiled template's time
// on views whose templates call many small methods. For a method called
// on a pointer (a pointer receiver, or a value method reached through
// the address of an addressable value), whose parameters and result have
// one of a few shapes, the compiler calls the method's function directly:
// the function of a method expression (*T).M takes the receiver as its
// first argument, and a *T is passed exactly as an unsafe.Pointer is, so
// the function value can be called as a func(unsafe.Pointer, …) of the
// same other parameters and results. Results are returned as the
// reflect.Value that reflect.Value.Call would have returned: the same
// type, not addressable.

// directMethod is a method called directly: it calls it on the pointer
// recv with the argument values, already checked and converted for its
// parameters.
type directMethod func(recv unsafe.Pointer, args []reflect.Value) (reflect.Value, error)

// directMethodOf returns a direct call of m, a method of a pointer type,
// or nil when its signature is not one handled here. mt is the method's
// type without the receiver.
func directMethodOf(m reflect.Method, mt reflect.Type) directMethod {
	if !goodResults(mt) {
		return nil
	}
	out := mt.Out(0)
	withErr := mt.NumOut() == 2
	code := funcPointer(m.Func)
	params := make([]reflect.Kind, mt.NumIn())
	for i := range params {
		t := mt.In(i)
		params[i] = t.Kind()
		if mt.IsVariadic() && i == len(params)-1 {
			if t.Elem() != anyType {
				return nil
			}
			params[i] = reflect.Slice
		}
	}
	res := resultShape(out)
	if res == shapeNone {
		return nil
	}
	switch {
	case len(params) == 0 && !withErr:
		switch res {
		case shapeString:
			f := *(*func(unsafe.Pointer) string)(unsafe.Pointer(&code))
			return func(r unsafe.Pointer, _ []reflect.Value) (reflect.Value, error) { return basicResult(f(r), out), nil }
		case shapeBool:
			f := *(*func(unsafe.Pointer) bool)(unsafe.Pointer(&code))
			return func(r unsafe.Pointer, _ []reflect.Value) (reflect.Value, error) { return basicResult(f(r), out), nil }
		case shapeInt:
			f := *(*func(unsafe.Pointer) int)(unsafe.Pointer(&code))
			return func(r unsafe.Pointer, _ []reflect.Value) (reflect.Value, error) { return basicResult(f(r), out), nil }
		case shapePointer:
			f := *(*func(unsafe.Pointer) unsafe.Pointer)(unsafe.Pointer(&code))
			return func(r unsafe.Pointer, _ []reflect.Value) (reflect.Value, error) { return pointerResult(f(r), out), nil }
		}
	case len(params) == 0 && withErr && res == shapeString:
		f := *(*func(unsafe.Pointer) (string, error))(unsafe.Pointer(&code))
		return func(r unsafe.Pointer, _ []reflect.Value) (reflect.Value, error) {
			s, err := f(r)
			if err != nil {
				return reflect.Value{}, execErrorf("%v", err)
			}
			return basicResult(s, out), nil
		}
	case withErr:
		return nil
	case len(params) == 1 && params[0] == reflect.String:
		switch res {
		case shapeString:
			f := *(*func(unsafe.Pointer, string) string)(unsafe.Pointer(&code))
			return func(r unsafe.Pointer, a []reflect.Value) (reflect.Value, error) {
				return basicResult(f(r, a[0].String()), out), nil
			}
		case shapePointer:
			f := *(*func(unsafe.Pointer, string) unsafe.Pointer)(unsafe.Pointer(&code))
			return func(r unsafe.Pointer, a []reflect.Value) (reflect.Value, error) {
				return pointerResult(f(r, a[0].String()), out), nil
			}
		}
	case len(params) == 1 && params[0] == reflect.Int && res == shapeString:
		f := *(*func(unsafe.Pointer, int) string)(unsafe.Pointer(&code))
		return func(r unsafe.Pointer, a []reflect.Value) (reflect.Value, error) {
			return basicResult(f(r, int(a[0].Int())), out), nil
		}
	case len(params) == 2 && params[0] == reflect.String && params[1] == reflect.Int && res == shapeString:
		f := *(*func(unsafe.Pointer, string, int) string)(unsafe.Pointer(&code))
		return func(r unsafe.Pointer, a []reflect.Value) (reflect.Value, error) {
			return basicResult(f(r, a[0].String(), int(a[1].Int())), out), nil
		}
	case len(params) == 2 && params[0] == reflect.String && params[1] == reflect.Slice && res == shapeString:
		f := *(*func(unsafe.Pointer, string, ...any) string)(unsafe.Pointer(&code))
		return func(r unsafe.Pointer, a []reflect.Value) (reflect.Value, error) {
			return basicResult(f(r, a[0].String(), anys(a[1:])...), out), nil
		}
	}
	return nil
}

// funcPointer returns the func value fn holds, as the pointer it is.
func funcPointer(fn reflect.Value) unsafe.Pointer {
	i := fn.Interface()
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&i))[1]
}

// resultKind is the shape of a result a direct call can return.
type resultKind int

const (
	shapeNone resultKind = iota
	shapeString
	shapeBool
	shapeInt
	shapePointer
)

func resultShape(t reflect.Type) resultKind {
	switch t.Kind() {
	case reflect.String:
		return shapeString
	case reflect.Bool:
		return shapeBool
	case reflect.Int:
		return shapeInt
	case reflect.Pointer:
		if t == reflect.PointerTo(t.Elem()) {
			return shapePointer
		}
	}
	return shapeNone
}

// basicResult is a string, bool or int result as reflect.Value.Call
// returns it: of the result type out (a named type keeps its name) and
// not addressable.
func basicResult[T string | bool | int](x T, out reflect.Type) reflect.Value {
	v := reflect.ValueOf(x)
	if out != v.Type() {
		v = v.Convert(out)
	}
	return v
}

// pointerResult is a pointer result as reflect.Value.Call returns it.
func pointerResult(p unsafe.Pointer, out reflect.Type) reflect.Value {
	return reflect.NewAt(out.Elem(), p)
}
