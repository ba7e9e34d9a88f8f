package layout

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// toString converts a template value to text: strings and the html/template
// string types as they are, numbers and booleans in Go syntax, a
// fmt.Stringer or error by its method, nil as "". Other values are an
// error, so a map or a struct printed by mistake is noticed.
func toString(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case []byte:
		return string(x), nil
	case fmt.Stringer:
		return x.String(), nil
	case error:
		return x.Error(), nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return rv.String(), nil
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(rv.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(rv.Float(), 'f', -1, 64), nil
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return "", nil
		}
		return toString(rv.Elem().Interface())
	}
	return "", fmt.Errorf("cannot use %T as text", v)
}

// number is a template number, kept as an integer while it is one.
type number struct {
	i       int64
	f       float64
	isFloat bool
}

func (n number) float() float64 {
	if n.isFloat {
		return n.f
	}
	return float64(n.i)
}

// value returns the number as an int when it is an integer, else a float64,
// so results work with the builtin comparisons and with int parameters.
func (n number) value() any {
	if n.isFloat {
		return n.f
	}
	return int(n.i)
}

// toNumber accepts Go integers and floats (and pointers to them). Text is
// not a number here; convert it first with int or float.
func toNumber(v any) (number, error) {
	n, ok := numberOf(v)
	if ok {
		return n, nil
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !indirect(rv).IsValid() {
		return number{}, fmt.Errorf("cannot use nil as a number")
	}
	return number{}, fmt.Errorf("cannot use %T (%v) as a number", v, v)
}

// numberOf is toNumber without its error, for callers that only ask
// whether v is a number: making the error would cost more than the
// answer.
func numberOf(v any) (number, bool) {
	rv := indirect(reflect.ValueOf(v))
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return number{i: rv.Int()}, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > math.MaxInt64 {
			return number{f: float64(u), isFloat: true}, true
		}
		return number{i: int64(u)}, true
	case reflect.Float32, reflect.Float64:
		return number{f: rv.Float(), isFloat: true}, true
	}
	return number{}, false
}

// toInt is the "int" template function: integers as they are, floats
// truncated toward zero, text parsed as a decimal integer or float, booleans
// as 0 or 1, nil as 0.
func toInt(v any) (int, error) {
	switch x := v.(type) {
	case nil:
		return 0, nil
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	if n, err := toNumber(v); err == nil {
		if n.isFloat {
			if math.IsNaN(n.f) || n.f > math.MaxInt64 || n.f < math.MinInt64 {
				return 0, fmt.Errorf("int: %v is out of range", n.f)
			}
			return int(n.f), nil
		}
		return int(n.i), nil
	}
	s, err := toString(v)
	if err != nil {
		return 0, fmt.Errorf("int: %w", err)
	}
	s = strings.TrimSpace(s)
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return int(i), nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("int: %q is not a number", s)
	}
	return toInt(f)
}

// toFloat is the "float" template function: numbers as float64, text parsed,
// booleans as 0 or 1, nil as 0.
func toFloat(v any) (float64, error) {
	switch x := v.(type) {
	case nil:
		return 0, nil
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	if n, err := toNumber(v); err == nil {
		return n.float(), nil
	}
	s, err := toString(v)
	if err != nil {
		return 0, fmt.Errorf("float: %w", err)
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, fmt.Errorf("float: %q is not a number", s)
	}
	return f, nil
}

// indirect follows pointers and interfaces to the value they hold; it
// returns an invalid Value for nil.
func indirect(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}
