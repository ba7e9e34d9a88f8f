package layout

import (
	"fmt"
	"html/template"
	"reflect"
)

// Direct calls of the function signatures the template functions use,
// without reflect.Value.Call. The arguments arrive checked and converted
// for the parameter types (see callFunc), so a string parameter's value
// is a string and an any parameter's is anything; a call here passes
// them on as Go values and returns the result as text/template would.

// adapter makes one call from the checked argument values.
type adapter func(st *execState, vals []reflect.Value) (reflect.Value, error)

func fmtSprint(a ...any) string                 { return fmt.Sprint(a...) }
func fmtSprintln(a ...any) string               { return fmt.Sprintln(a...) }
func fmtSprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// directCall returns a direct call of fn, or nil when its signature is
// not one of those handled here.
func directCall(fn any) adapter {
	switch f := fn.(type) {
	case func(...any) string:
		return variadic0(func(a []any) (string, error) { return f(a...), nil })
	case func(string, ...any) string:
		return func(_ *execState, v []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(v[0].String(), anys(v[1:])...)), nil
		}
	case func(any) string:
		return direct1(func(a any) (string, error) { return f(a), nil })
	case func(string) string:
		return directS(func(a string) (string, error) { return f(a), nil })
	case func(any) bool:
		return direct1(func(a any) (bool, error) { return f(a), nil })
	case func(any) (string, error):
		return direct1(f)
	case func(any) (bool, error):
		return direct1(f)
	case func(any) (int, error):
		return direct1(f)
	case func(any) (float64, error):
		return direct1(f)
	case func(any) (template.HTML, error):
		return direct1(f)
	case func(any) (template.CSS, error):
		return direct1(f)
	case func(any) (template.URL, error):
		return direct1(f)
	case func(any) (template.HTMLAttr, error):
		return direct1(f)
	case func(any) (template.JS, error):
		return direct1(f)
	case func(string) (template.HTML, error):
		return directS(f)
	case func(string) (string, error):
		return directS(f)
	case func(any, any) (any, error):
		return direct2(f)
	case func(any, any) (string, error):
		return direct2(f)
	case func(any, any) (bool, error):
		return direct2(f)
	case func(any, any) (float64, error):
		return direct2(f)
	case func(any, any) bool:
		return direct2(func(a, b any) (bool, error) { return f(a, b), nil })
	case dateFormatFunc:
		return func(_ *execState, v []reflect.Value) (reflect.Value, error) {
			return result(formatDateValue(v[0].String(), v[1]))
		}
	case func(string, any) (string, error):
		return func(_ *execState, v []reflect.Value) (reflect.Value, error) {
			return result(f(v[0].String(), anyOf(v[1])))
		}
	case func(any, string) ([]string, error):
		return func(_ *execState, v []reflect.Value) (reflect.Value, error) {
			return result(f(anyOf(v[0]), v[1].String()))
		}
	case func(any, string) ([]Group, error):
		return func(_ *execState, v []reflect.Value) (reflect.Value, error) {
			return result(f(anyOf(v[0]), v[1].String()))
		}
	case func(any, string, string) (string, error):
		return func(_ *execState, v []reflect.Value) (reflect.Value, error) {
			return result(f(anyOf(v[0]), v[1].String(), v[2].String()))
		}
	case func(...any) (map[string]any, error):
		return variadic0(func(a []any) (map[string]any, error) { return f(a...) })
	case func(...any) []any:
		return variadic0(func(a []any) ([]any, error) { return f(a...), nil })
	case func(...any) (any, error):
		return variadic0(func(a []any) (any, error) { return f(a...) })
	case func(...any) ([]int, error):
		return variadic0(func(a []any) ([]int, error) { return f(a...) })
	case func(any, ...any) (any, error):
		return variadic1(f)
	case func(any, ...any) (string, error):
		return variadic1(f)
	case func(any, any, ...any) (string, error):
		return func(_ *execState, v []reflect.Value) (reflect.Value, error) {
			return result(f(anyOf(v[0]), anyOf(v[1]), anys(v[2:])...))
		}
	case func(any, string, ...any) (any, error):
		return func(_ *execState, v []reflect.Value) (reflect.Value, error) {
			return result(f(anyOf(v[0]), v[1].String(), anys(v[2:])...))
		}
	case func(any, string, ...string) (any, error):
		return func(_ *execState, v []reflect.Value) (reflect.Value, error) {
			rest := make([]string, len(v)-2)
			for i, x := range v[2:] {
				rest[i] = x.String()
			}
			return result(f(anyOf(v[0]), v[1].String(), rest...))
		}
	}
	return nil
}

// result is a call's value as text/template returns it: the error, when
// not nil, fails the call.
func result[R any](r R, err error) (reflect.Value, error) {
	if err != nil {
		return reflect.Value{}, execErrorf("%v", err)
	}
	return reflect.ValueOf(r), nil
}

// anys returns fresh memory holding the values as a parameter of type
// ...any receives them (never nil, as from reflect.Value.Call); the
// callee may keep the slice.
func anys(vals []reflect.Value) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = anyOf(v)
	}
	return out
}

func direct1[R any](f func(any) (R, error)) adapter {
	return func(_ *execState, v []reflect.Value) (reflect.Value, error) { return result(f(anyOf(v[0]))) }
}

func directS[R any](f func(string) (R, error)) adapter {
	return func(_ *execState, v []reflect.Value) (reflect.Value, error) { return result(f(v[0].String())) }
}

func direct2[R any](f func(any, any) (R, error)) adapter {
	return func(_ *execState, v []reflect.Value) (reflect.Value, error) {
		return result(f(anyOf(v[0]), anyOf(v[1])))
	}
}

func variadic0[R any](f func([]any) (R, error)) adapter {
	return func(_ *execState, v []reflect.Value) (reflect.Value, error) { return result(f(anys(v))) }
}

func variadic1[R any](f func(any, ...any) (R, error)) adapter {
	return func(_ *execState, v []reflect.Value) (reflect.Value, error) {
		return result(f(anyOf(v[0]), anys(v[1:])...))
	}
}
