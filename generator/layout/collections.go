package layout

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// isSet reports whether a value counts as given for "default": non-nil,
// non-empty text and collections, non-zero numbers and times; any boolean
// and any other struct counts as given.
func isSet(v any) bool {
	rv := indirect(reflect.ValueOf(v))
	if !rv.IsValid() {
		return false
	}
	if t, ok := rv.Interface().(time.Time); ok {
		return !t.IsZero()
	}
	switch rv.Kind() {
	case reflect.String, reflect.Slice, reflect.Array, reflect.Map:
		return rv.Len() > 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return !rv.IsZero()
	case reflect.Func, reflect.Chan:
		return !rv.IsNil()
	}
	return true
}

// defaultValue is the "default" template function: default FALLBACK VALUE
// returns VALUE when it is set (see isSet), else FALLBACK. In a pipeline
// the value comes last: {{ .Params.x | default "none" }}.
func defaultValue(fallback any, given ...any) (any, error) {
	switch len(given) {
	case 0:
		return fallback, nil
	case 1:
		if isSet(given[0]) {
			return given[0], nil
		}
		return fallback, nil
	}
	return nil, fmt.Errorf("default: want default FALLBACK VALUE, got %d values", len(given))
}

// isZero reports whether v is nil or its type's zero value (a zero
// time.Time, "", 0, false, a nil slice or map).
func isZero(v any) bool {
	rv := reflect.ValueOf(v)
	return !rv.IsValid() || rv.IsZero()
}

// dict builds a map from key, value pairs; keys must be text.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, errors.New("dict: want key, value pairs, got an odd number of arguments")
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		k, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %d is %T, not text", i/2+1, pairs[i])
		}
		m[k] = pairs[i+1]
	}
	return m, nil
}

// makeSlice is the "slice" template function: slice A B C returns []any{A,
// B, C}. It replaces text/template's builtin "slice" (sub-slicing); use
// first, last and after for that.
func makeSlice(items ...any) []any {
	if items == nil {
		return []any{}
	}
	return items
}

// sequence reads a collection argument: a slice, an array or nil (empty).
func sequence(fn string, v any) (reflect.Value, error) {
	rv := indirect(reflect.ValueOf(v))
	if !rv.IsValid() {
		return reflect.ValueOf([]any{}), nil
	}
	switch rv.Kind() {
	case reflect.Slice:
		return rv, nil
	case reflect.Array:
		s := reflect.MakeSlice(reflect.SliceOf(rv.Type().Elem()), rv.Len(), rv.Len())
		reflect.Copy(s, rv)
		return s, nil
	}
	return reflect.Value{}, fmt.Errorf("%s: %T is not a list", fn, v)
}

// appendItems is the "append" template function: append ITEM... LIST returns
// a new list with the items added at the end (the list comes last, so it
// can be piped). A single item that is itself a list of the same type is
// appended element by element. The result keeps the list's element type
// when every item fits it, else it is []any.
func appendItems(args ...any) (any, error) {
	if len(args) == 0 {
		return nil, errors.New("append: want append ITEM... LIST")
	}
	list, err := sequence("append", args[len(args)-1])
	if err != nil {
		return nil, err
	}
	items := args[:len(args)-1]
	if len(items) == 1 {
		if iv := reflect.ValueOf(items[0]); iv.IsValid() && iv.Kind() == reflect.Slice && iv.Type() == list.Type() {
			out := reflect.MakeSlice(list.Type(), 0, list.Len()+iv.Len())
			return reflect.AppendSlice(reflect.AppendSlice(out, list), iv).Interface(), nil
		}
	}
	elem := list.Type().Elem()
	fits := true
	for _, it := range items {
		iv := reflect.ValueOf(it)
		if !iv.IsValid() {
			fits = fits && canBeNil(elem)
			continue
		}
		fits = fits && iv.Type().AssignableTo(elem)
	}
	if !fits {
		elem = reflect.TypeFor[any]()
	}
	out := reflect.MakeSlice(reflect.SliceOf(elem), 0, list.Len()+len(items))
	for i := 0; i < list.Len(); i++ {
		out = reflect.Append(out, list.Index(i))
	}
	for _, it := range items {
		iv := reflect.ValueOf(it)
		if !iv.IsValid() {
			iv = reflect.Zero(elem)
		}
		out = reflect.Append(out, iv)
	}
	return out.Interface(), nil
}

func canBeNil(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return true
	}
	return false
}

// part returns the items [from, to) of a list as a new slice header whose
// capacity ends at to, so appending to it never writes into the original.
func part(fn string, n, list any, pick func(length, n int) (int, int)) (any, error) {
	k, err := toInt(n)
	if err != nil || k < 0 {
		return nil, fmt.Errorf("%s: count must be a whole number ≥ 0, got %v", fn, n)
	}
	rv, err := sequence(fn, list)
	if err != nil {
		return nil, err
	}
	from, to := pick(rv.Len(), min(k, rv.Len()))
	return rv.Slice3(from, to, to).Interface(), nil
}

// first is the "first" template function: first N LIST.
func first(n, list any) (any, error) {
	return part("first", n, list, func(_, k int) (int, int) { return 0, k })
}

// last is the "last" template function: last N LIST.
func last(n, list any) (any, error) {
	return part("last", n, list, func(l, k int) (int, int) { return l - k, l })
}

// after is the "after" template function: after N LIST drops the first N.
func after(n, list any) (any, error) {
	return part("after", n, list, func(l, k int) (int, int) { return k, l })
}

// maxSeq bounds seq so a typo cannot exhaust memory.
const maxSeq = 100000

// seq is the "seq" template function: seq LAST counts 1..LAST (or -1..LAST
// downwards for a negative LAST; empty for 0), seq FIRST LAST counts by
// one in either direction, seq FIRST STEP LAST by STEP (empty when STEP
// points away from LAST).
func seq(args ...any) ([]int, error) {
	nums := make([]int, len(args))
	for i, a := range args {
		n, err := toInt(a)
		if err != nil {
			return nil, fmt.Errorf("seq: %w", err)
		}
		nums[i] = n
	}
	var from, step, to int
	switch len(nums) {
	case 1:
		to = nums[0]
		switch {
		case to == 0:
			return []int{}, nil
		case to > 0:
			from, step = 1, 1
		default:
			from, step = -1, -1
		}
	case 2:
		from, to, step = nums[0], nums[1], 1
		if to < from {
			step = -1
		}
	case 3:
		from, step, to = nums[0], nums[1], nums[2]
		if step == 0 {
			return nil, errors.New("seq: step must not be 0")
		}
		if (step > 0 && to < from) || (step < 0 && to > from) {
			return []int{}, nil
		}
	default:
		return nil, fmt.Errorf("seq: want 1 to 3 numbers, got %d", len(nums))
	}
	count := (to-from)/step + 1
	if count > maxSeq {
		return nil, fmt.Errorf("seq: %d numbers is more than the limit of %d", count, maxSeq)
	}
	out := make([]int, 0, count)
	for i, v := 0, from; i < count; i, v = i+1, v+step {
		out = append(out, v)
	}
	return out, nil
}

// sameValue compares two template values: numbers by value whatever their
// Go type, text by content whatever its string type, times by instant, and
// anything else deeply.
func sameValue(a, b any) bool {
	if x, ok := numberOf(a); ok {
		if y, ok := numberOf(b); ok {
			if x.isFloat || y.isFloat {
				return x.float() == y.float()
			}
			return x.i == y.i
		}
		return false
	}
	av, bv := indirect(reflect.ValueOf(a)), indirect(reflect.ValueOf(b))
	if av.IsValid() && bv.IsValid() {
		if av.Kind() == reflect.String && bv.Kind() == reflect.String {
			return av.String() == bv.String()
		}
		if at, ok := av.Interface().(time.Time); ok {
			bt, ok := bv.Interface().(time.Time)
			return ok && at.Equal(bt)
		}
		return reflect.DeepEqual(av.Interface(), bv.Interface())
	}
	return !av.IsValid() && !bv.IsValid()
}

// in is the "in" template function: in LIST VALUE reports whether the list
// holds the value (see sameValue); in TEXT PART whether the text contains
// the part.
func in(list, v any) (bool, error) {
	rv := indirect(reflect.ValueOf(list))
	if !rv.IsValid() {
		return false, nil
	}
	if rv.Kind() == reflect.String {
		s, err := toString(v)
		if err != nil {
			return false, fmt.Errorf("in: %w", err)
		}
		return strings.Contains(rv.String(), s), nil
	}
	seq, err := sequence("in", list)
	if err != nil {
		return false, err
	}
	for i := 0; i < seq.Len(); i++ {
		if sameValue(seq.Index(i).Interface(), v) {
			return true, nil
		}
	}
	return false, nil
}

// isset is the "isset" template function: isset MAP KEY reports whether the
// key is present (even with an empty value); isset LIST INDEX whether the
// index is in range. Anything else is not set.
func isset(coll, key any) bool {
	rv := indirect(reflect.ValueOf(coll))
	if !rv.IsValid() {
		return false
	}
	switch rv.Kind() {
	case reflect.Map:
		kv := reflect.ValueOf(key)
		if !kv.IsValid() {
			return false
		}
		if !kv.Type().AssignableTo(rv.Type().Key()) {
			if !kv.Type().ConvertibleTo(rv.Type().Key()) || kv.Kind() != rv.Type().Key().Kind() {
				return false
			}
			kv = kv.Convert(rv.Type().Key())
		}
		return rv.MapIndex(kv).IsValid()
	case reflect.Slice, reflect.Array, reflect.String:
		i, err := toInt(key)
		return err == nil && i >= 0 && i < rv.Len()
	}
	return false
}

// delimit is the "delimit" template function: delimit LIST SEP [LAST]
// joins the items as text with SEP, and with LAST before the final item
// when given.
func delimit(list, sep any, lastSep ...any) (string, error) {
	s, err := toString(sep)
	if err != nil {
		return "", fmt.Errorf("delimit: %w", err)
	}
	final := s
	switch len(lastSep) {
	case 0:
	case 1:
		if final, err = toString(lastSep[0]); err != nil {
			return "", fmt.Errorf("delimit: %w", err)
		}
	default:
		return "", errors.New("delimit: want delimit LIST SEP [LAST]")
	}
	return joinItems("delimit", list, s, final)
}

// join is the "join" template function: join SEP LIST, the pipeline-friendly
// form of delimit.
func join(sep, list any) (string, error) {
	s, err := toString(sep)
	if err != nil {
		return "", fmt.Errorf("join: %w", err)
	}
	return joinItems("join", list, s, s)
}

func joinItems(fn string, list any, sep, final string) (string, error) {
	rv, err := sequence(fn, list)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i := 0; i < rv.Len(); i++ {
		if i > 0 {
			if i == rv.Len()-1 {
				b.WriteString(final)
			} else {
				b.WriteString(sep)
			}
		}
		item, err := toString(rv.Index(i).Interface())
		if err != nil {
			return "", fmt.Errorf("%s: item %d: %w", fn, i+1, err)
		}
		b.WriteString(item)
	}
	return b.String(), nil
}
