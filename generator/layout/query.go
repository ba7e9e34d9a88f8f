package layout

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"
)

// fieldValue resolves a dotted field path ("Title", "Params.status",
// "Site.Title") on one item: each part is a method without arguments, a
// struct field or a map key, following pointers. A missing map key or a nil
// pointer along the way gives an invalid Value (no value); a struct with no
// such field or method is an error, so a typo is noticed. An empty path is
// the item itself.
func fieldValue(item reflect.Value, path string) (reflect.Value, error) {
	v := item
	if path == "" || path == "." {
		return indirect(v), nil
	}
	for _, name := range strings.Split(strings.TrimPrefix(path, "."), ".") {
		if !v.IsValid() {
			return reflect.Value{}, nil
		}
		if v.Kind() == reflect.Interface {
			if v.IsNil() {
				return reflect.Value{}, nil
			}
			v = v.Elem()
		}
		if m := v.MethodByName(name); m.IsValid() {
			out, err := callGetter(m, name)
			if err != nil {
				return reflect.Value{}, err
			}
			v = out
			continue
		}
		v = indirect(v)
		if !v.IsValid() {
			return reflect.Value{}, nil
		}
		switch v.Kind() {
		case reflect.Map:
			if v.Type().Key().Kind() != reflect.String {
				return reflect.Value{}, fmt.Errorf("cannot look up %q in a map keyed by %s", name, v.Type().Key())
			}
			v = v.MapIndex(reflect.ValueOf(name).Convert(v.Type().Key()))
		case reflect.Struct:
			sf, ok := v.Type().FieldByName(name)
			if !ok || !sf.IsExported() {
				if m := v.MethodByName(name); m.IsValid() {
					out, err := callGetter(m, name)
					if err != nil {
						return reflect.Value{}, err
					}
					v = out
					continue
				}
				return reflect.Value{}, fmt.Errorf("%s has no field or method %q", v.Type(), name)
			}
			v = v.FieldByIndex(sf.Index)
		default:
			return reflect.Value{}, fmt.Errorf("cannot look up %q in %s", name, v.Type())
		}
	}
	return v, nil
}

// callGetter calls a method that takes no arguments and returns a value,
// optionally with an error.
func callGetter(m reflect.Value, name string) (reflect.Value, error) {
	t := m.Type()
	ok := t.NumIn() == 0 && (t.NumOut() == 1 || t.NumOut() == 2 && t.Out(1) == reflect.TypeFor[error]())
	if !ok {
		return reflect.Value{}, fmt.Errorf("method %s needs arguments or returns more than a value", name)
	}
	out := m.Call(nil)
	if len(out) == 2 && !out[1].IsNil() {
		return reflect.Value{}, fmt.Errorf("%s: %w", name, out[1].Interface().(error))
	}
	return out[0], nil
}

func valueOf(v reflect.Value) any {
	if !v.IsValid() || !v.CanInterface() {
		return nil
	}
	return v.Interface()
}

// compareValues orders two values of one kind: numbers by value, text by
// bytes, times by instant, false before true. ok is false when the values
// cannot be ordered against each other.
func compareValues(a, b any) (c int, ok bool) {
	if x, ok := numberOf(a); ok {
		y, ok := numberOf(b)
		if !ok {
			return 0, false
		}
		if !x.isFloat && !y.isFloat {
			return cmpOrdered(x.i, y.i), true
		}
		return cmpOrdered(x.float(), y.float()), true
	}
	av, bv := indirect(reflect.ValueOf(a)), indirect(reflect.ValueOf(b))
	if !av.IsValid() || !bv.IsValid() {
		return 0, false
	}
	if at, isTime := av.Interface().(time.Time); isTime {
		bt, isTime := bv.Interface().(time.Time)
		if !isTime {
			return 0, false
		}
		return at.Compare(bt), true
	}
	switch {
	case av.Kind() == reflect.String && bv.Kind() == reflect.String:
		return strings.Compare(av.String(), bv.String()), true
	case av.Kind() == reflect.Bool && bv.Kind() == reflect.Bool:
		x, y := 0, 0
		if av.Bool() {
			x = 1
		}
		if bv.Bool() {
			y = 1
		}
		return x - y, true
	}
	return 0, false
}

func cmpOrdered[T int64 | float64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// matches applies a where operator to one field value.
func matches(op string, field, want any) (bool, error) {
	switch op {
	case "=", "==", "eq":
		return sameValue(field, want), nil
	case "!=", "<>", "ne":
		return !sameValue(field, want), nil
	case "<", "<=", ">", ">=", "lt", "le", "gt", "ge":
		c, ok := compareValues(field, want)
		if !ok {
			return false, nil
		}
		switch op {
		case "<", "lt":
			return c < 0, nil
		case "<=", "le":
			return c <= 0, nil
		case ">", "gt":
			return c > 0, nil
		}
		return c >= 0, nil
	case "in", "not in":
		found, err := in(want, field)
		if err != nil {
			return false, err
		}
		return found == (op == "in"), nil
	}
	return false, fmt.Errorf("unknown operator %q (use = != < <= > >= in, not in)", op)
}

// where is the "where" template function: where LIST FIELD [OP] VALUE keeps
// the items whose FIELD (a dotted path; see fieldValue) compares to VALUE
// under OP ("=" when left out). The result is a new list of the same type.
func where(list any, field string, args ...any) (any, error) {
	var op string
	var want any
	switch len(args) {
	case 1:
		op, want = "=", args[0]
	case 2:
		s, ok := args[0].(string)
		if !ok {
			return nil, fmt.Errorf("where: operator must be text, got %T", args[0])
		}
		op, want = strings.ToLower(strings.TrimSpace(s)), args[1]
	default:
		return nil, errors.New("where: want where LIST FIELD [OPERATOR] VALUE")
	}
	rv, err := sequence("where", list)
	if err != nil {
		return nil, err
	}
	out := reflect.MakeSlice(rv.Type(), 0, rv.Len())
	for i := 0; i < rv.Len(); i++ {
		item := rv.Index(i)
		fv, err := fieldValue(item, field)
		if err != nil {
			return nil, fmt.Errorf("where: item %d: %w", i+1, err)
		}
		ok, err := matches(op, valueOf(fv), want)
		if err != nil {
			return nil, fmt.Errorf("where: %w", err)
		}
		if ok {
			out = reflect.Append(out, item)
		}
	}
	return out.Interface(), nil
}

// kindRank orders values that cannot be compared with each other when
// sorting: no value first, then booleans, numbers, text, times, others.
func kindRank(v any) int {
	if _, ok := numberOf(v); ok {
		return 2
	}
	rv := indirect(reflect.ValueOf(v))
	switch {
	case !rv.IsValid():
		return 0
	case rv.Kind() == reflect.Bool:
		return 1
	case rv.Kind() == reflect.String:
		return 3
	}
	if _, ok := rv.Interface().(time.Time); ok {
		return 4
	}
	return 5
}

// sortBy is the "sortBy" template function: sortBy LIST FIELD ["asc"|"desc"]
// returns a new list ordered by the field (a dotted path; "" sorts by the
// items themselves). The sort is stable: items with equal keys keep their
// order, in both directions. Missing values sort first in "asc".
func sortBy(list any, field string, order ...string) (any, error) {
	desc := false
	switch {
	case len(order) > 1:
		return nil, errors.New("sortBy: want sortBy LIST FIELD [asc|desc]")
	case len(order) == 1:
		switch strings.ToLower(order[0]) {
		case "asc":
		case "desc":
			desc = true
		default:
			return nil, fmt.Errorf("sortBy: order must be \"asc\" or \"desc\", got %q", order[0])
		}
	}
	rv, err := sequence("sortBy", list)
	if err != nil {
		return nil, err
	}
	n := rv.Len()
	keys := make([]any, n)
	idx := make([]int, n)
	for i := 0; i < n; i++ {
		fv, err := fieldValue(rv.Index(i), field)
		if err != nil {
			return nil, fmt.Errorf("sortBy: item %d: %w", i+1, err)
		}
		keys[i], idx[i] = valueOf(fv), i
	}
	cmp := func(a, b any) int {
		if c, ok := compareValues(a, b); ok {
			return c
		}
		if ra, rb := kindRank(a), kindRank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
	}
	sort.SliceStable(idx, func(i, j int) bool {
		c := cmp(keys[idx[i]], keys[idx[j]])
		if desc {
			return c > 0
		}
		return c < 0
	})
	out := reflect.MakeSlice(rv.Type(), n, n)
	for i, k := range idx {
		out.Index(i).Set(rv.Index(k))
	}
	return out.Interface(), nil
}

// Group is one group of a groupBy result: the items that share Key.
type Group struct {
	Key   any // the field value the items share
	Items any // the items, a list of the same type as the grouped one
}

// groupBy is the "groupBy" template function: groupBy LIST FIELD splits the
// list by the field's value, groups in the order their key first appears
// and items in list order.
func groupBy(list any, field string) ([]Group, error) {
	rv, err := sequence("groupBy", list)
	if err != nil {
		return nil, err
	}
	var keys []any
	var items []reflect.Value
	for i := 0; i < rv.Len(); i++ {
		fv, err := fieldValue(rv.Index(i), field)
		if err != nil {
			return nil, fmt.Errorf("groupBy: item %d: %w", i+1, err)
		}
		k := valueOf(fv)
		g := -1
		for j, existing := range keys {
			if sameValue(existing, k) {
				g = j
				break
			}
		}
		if g < 0 {
			g = len(keys)
			keys = append(keys, k)
			items = append(items, reflect.MakeSlice(rv.Type(), 0, 1))
		}
		items[g] = reflect.Append(items[g], rv.Index(i))
	}
	out := make([]Group, len(keys))
	for i := range keys {
		out[i] = Group{Key: keys[i], Items: items[i].Interface()}
	}
	return out, nil
}
