package layout

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"text/template/parse"
)

// The value rules of text/template, restated for the compiled executor:
// what is true, how a value is checked against a parameter type, how a
// constant becomes an argument, what printing a value writes. Each one
// must give exactly the result text/template gives; an error here only
// sends the execution back to html/template, so error texts do not matter
// but the cases that fail do.

var (
	reflectValueType = reflect.TypeFor[reflect.Value]()
	errorType        = reflect.TypeFor[error]()
	stringerType     = reflect.TypeFor[fmt.Stringer]()
	anyType          = reflect.TypeFor[any]()
	stringType       = reflect.TypeFor[string]()
	htmlType         = reflect.TypeFor[template.HTML]()
	intType          = reflect.TypeFor[int]()
	boolType         = reflect.TypeFor[bool]()
	anyMapType       = reflect.TypeFor[map[string]any]()
)

// errExec is the cause of every failure the compiled executor finds on
// its own; the caller runs html/template again for the real message.
var errExec = errors.New("compiled template execution failed")

// execErrorf returns an error wrapping errExec.
func execErrorf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errExec, fmt.Sprintf(format, args...))
}

// derefAll follows pointers and interfaces while they are not nil; isNil
// reports that it stopped at a nil pointer or interface, which is then
// what it returns.
func derefAll(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// ifaceElem returns the value inside an interface value, an invalid value
// for a nil interface, and any other value as it is.
func ifaceElem(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// truthOf is text/template's truth: not the zero of its type. ok is false
// for kinds that have no truth value.
func truthOf(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}

// truthy is the truth the builtins and, or and not use: that of the value
// inside an interface, false for values without one.
func truthy(v reflect.Value) bool {
	t, _ := truthOf(ifaceElem(v))
	return t
}

// nilFits reports whether an untyped nil can stand for a value of typ.
func nilFits(typ reflect.Type) bool {
	return canBeNil(typ) || typ == reflectValueType
}

// fitType checks that v can be passed as a typ, dereferencing or taking
// the address once when that makes it fit, as text/template does. A nil
// typ accepts anything.
func fitType(v reflect.Value, typ reflect.Type) (reflect.Value, error) {
	if !v.IsValid() {
		if typ == nil {
			return reflect.Value{}, nil
		}
		if nilFits(typ) {
			return reflect.Zero(typ), nil
		}
		return reflect.Value{}, execErrorf("invalid value; expected %s", typ)
	}
	if typ == reflectValueType && v.Type() != typ {
		return reflect.ValueOf(v), nil
	}
	if typ == nil || typ == anyType || v.Type().AssignableTo(typ) {
		return v, nil
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
		if v.Type().AssignableTo(typ) {
			return v, nil
		}
	}
	switch {
	case v.Kind() == reflect.Pointer && v.Type().Elem().AssignableTo(typ):
		v = v.Elem()
		if !v.IsValid() {
			return reflect.Value{}, execErrorf("dereference of nil pointer of type %s", typ)
		}
		return v, nil
	case reflect.PointerTo(v.Type()).AssignableTo(typ) && v.CanAddr():
		return v.Addr(), nil
	}
	return reflect.Value{}, execErrorf("wrong type for value; expected %s; got %s", typ, v.Type())
}

// plainValue is what a builtin taking a reflect.Value receives for v:
// v itself, or the Value v holds when v is of type reflect.Value.
func plainValue(v reflect.Value) reflect.Value {
	if v.IsValid() && v.Type() == reflectValueType {
		return v.Interface().(reflect.Value)
	}
	return v
}

// anyOf is the value a parameter of type any receives for v. Text,
// ints and booleans are boxed by the language's own conversions (no
// memory for small ints and booleans) rather than by reflect's copy.
func anyOf(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	if v.CanInterface() {
		switch v.Kind() {
		case reflect.String:
			switch v.Type() {
			case stringType:
				return v.String()
			case htmlType:
				return template.HTML(v.String())
			}
		case reflect.Int:
			if v.Type() == intType {
				return int(v.Int())
			}
		case reflect.Bool:
			if v.Type() == boolType {
				return v.Bool()
			}
		}
	}
	return v.Interface()
}

// untypedConstant is the value of a constant where no type is asked for
// (a command, an argument of type any or reflect.Value): the number's
// syntax decides between int, float64 and complex128.
func untypedConstant(n parse.Node) (reflect.Value, error) {
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), nil
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), nil
	case *parse.NumberNode:
		switch {
		case n.IsComplex:
			return reflect.ValueOf(n.Complex128), nil
		case n.IsFloat && !isHexIntText(n.Text) && !isRuneText(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
			return reflect.ValueOf(n.Float64), nil
		case n.IsInt:
			i := int(n.Int64)
			if int64(i) != n.Int64 {
				return reflect.Value{}, execErrorf("%s overflows int", n.Text)
			}
			return reflect.ValueOf(i), nil
		case n.IsUint:
			return reflect.Value{}, execErrorf("%s overflows int", n.Text)
		}
		return reflect.Value{}, nil
	}
	return reflect.Value{}, execErrorf("not a constant: %s", n)
}

func isRuneText(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexIntText(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

// typedConstant converts a constant node to an argument of type typ the
// way text/template does: the node must be of the type's family (a bool
// for bool kinds, an integer number for int kinds, …); any and
// reflect.Value take the untyped constant.
func typedConstant(n parse.Node, typ reflect.Type) (reflect.Value, error) {
	num, _ := n.(*parse.NumberNode)
	set := func(fill func(reflect.Value)) (reflect.Value, error) {
		v := reflect.New(typ).Elem()
		fill(v)
		return v, nil
	}
	switch typ.Kind() {
	case reflect.Bool:
		if b, ok := n.(*parse.BoolNode); ok {
			return set(func(v reflect.Value) { v.SetBool(b.True) })
		}
	case reflect.Complex64, reflect.Complex128:
		if num != nil && num.IsComplex {
			return set(func(v reflect.Value) { v.SetComplex(num.Complex128) })
		}
	case reflect.Float32, reflect.Float64:
		if num != nil && num.IsFloat {
			return set(func(v reflect.Value) { v.SetFloat(num.Float64) })
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if num != nil && num.IsInt {
			return set(func(v reflect.Value) { v.SetInt(num.Int64) })
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if num != nil && num.IsUint {
			return set(func(v reflect.Value) { v.SetUint(num.Uint64) })
		}
	case reflect.String:
		if s, ok := n.(*parse.StringNode); ok {
			return set(func(v reflect.Value) { v.SetString(s.Text) })
		}
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return untypedConstant(n)
		}
	case reflect.Struct:
		if typ == reflectValueType {
			v, err := untypedConstant(n)
			if err != nil {
				return reflect.Value{}, err
			}
			return reflect.ValueOf(v), nil
		}
	}
	return reflect.Value{}, execErrorf("can't handle %s for arg of type %s", n, typ)
}

// printable returns the value fmt.Fprint is given for v when an action
// prints it, and false for values text/template refuses to print.
func printable(v reflect.Value) (any, bool) {
	if v.Kind() == reflect.Pointer {
		v, _ = derefAll(v)
	}
	if !v.IsValid() {
		return "<no value>", true
	}
	if !v.Type().Implements(errorType) && !v.Type().Implements(stringerType) {
		if v.CanAddr() && (reflect.PointerTo(v.Type()).Implements(errorType) || reflect.PointerTo(v.Type()).Implements(stringerType)) {
			v = v.Addr()
		} else {
			switch v.Kind() {
			case reflect.Chan, reflect.Func:
				return nil, false
			}
		}
	}
	return v.Interface(), true
}

// goodResults reports whether a function type returns one value, or a
// value and an error, the shapes text/template can call.
func goodResults(typ reflect.Type) bool {
	switch typ.NumOut() {
	case 1:
		return true
	case 2:
		return typ.Out(1) == errorType
	}
	return false
}
