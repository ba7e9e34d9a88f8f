package program

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sineng/sineng/generator/dates"
	"github.com/sineng/sineng/generator/diag"
)

// reader collects the problems found while decoding one entry.
type reader struct {
	file string
	pos  func(string) (int, int)
	data map[string]any
	errs []error
}

func newReader(e Entry) *reader {
	return &reader{file: e.File, pos: e.Pos, data: e.Data}
}

// failf records a problem at the position of key.
func (r *reader) failf(key, format string, args ...any) {
	line, col := position(r.pos, key)
	r.errs = append(r.errs, diag.Errorf(r.file, line, col, format, args...))
}

// err returns the problems as a *diag.Errors, or nil when there are none.
func (r *reader) err() error {
	if len(r.errs) == 0 {
		return nil
	}
	var l diag.List
	l.Cap = len(r.errs)
	for _, e := range r.errs {
		l.Add(e)
	}
	return l.Err()
}

func (r *reader) root() fields { return fields{r: r, m: r.data} }

// fields reads the keys of one table of front matter; prefix is the table's
// key path ("" for the top level, "funding", "budget[2]").
type fields struct {
	r      *reader
	m      map[string]any
	prefix string
}

func (f fields) key(k string) string {
	if f.prefix == "" {
		return k
	}
	return f.prefix + "." + k
}

// value returns the value of k, and false when k is missing or null.
func (f fields) value(k string) (any, bool) {
	v, ok := f.m[k]
	return v, ok && v != nil
}

// wrong records that k holds a value of the wrong type.
func (f fields) wrong(k, want string, v any) {
	f.r.failf(f.key(k), "%s must be %s, not %s", f.key(k), want, describe(v))
}

// str returns the string at k, "" when missing.
func (f fields) str(k string) string {
	v, ok := f.value(k)
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		f.wrong(k, "a string", v)
	}
	return s
}

// element is one string of a list with its index as written.
type element struct {
	Index int
	Value string
}

// list returns the strings of the list at k with their indexes, nil when k is
// missing. Each element that is not a string is reported at its own position
// and left out.
func (f fields) list(k string) []element {
	v, ok := f.value(k)
	if !ok {
		return nil
	}
	switch list := v.(type) {
	case []string:
		out := make([]element, len(list))
		for i, s := range list {
			out[i] = element{i, s}
		}
		return out
	case []any:
		out := make([]element, 0, len(list))
		for i, e := range list {
			s, ok := e.(string)
			if !ok {
				key := f.index(k, i)
				f.r.failf(key, "%s must be a string, not %s", key, describe(e))
				continue
			}
			out = append(out, element{i, s})
		}
		return out
	}
	f.wrong(k, "a list of strings", v)
	return nil
}

// strs returns the list of strings at k, nil when missing.
func (f fields) strs(k string) []string { return elementValues(f.list(k)) }

// elementValues returns the strings of elems, nil when elems is nil.
func elementValues(elems []element) []string {
	if elems == nil {
		return nil
	}
	out := make([]string, len(elems))
	for i, e := range elems {
		out[i] = e.Value
	}
	return out
}

// index returns the key path of element i of the list at k.
func (f fields) index(k string, i int) string {
	return indexPath(f.key(k), i)
}

// indexPath returns the key path of element i of the list at key path
// list, "attendees[2]".
func indexPath(list string, i int) string {
	return list + "[" + strconv.Itoa(i) + "]"
}

// flag returns the boolean at k, false when missing.
func (f fields) flag(k string) bool {
	v, ok := f.value(k)
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		f.wrong(k, "true or false", v)
	}
	return b
}

// integer returns the whole number at k; a float with no fraction counts.
func (f fields) integer(k string) (int64, bool) {
	v, ok := f.value(k)
	if !ok {
		return 0, false
	}
	switch n := v.(type) {
	case int64:
		return n, true
	case int:
		return int64(n), true
	case float64:
		if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
			return int64(n), true
		}
	}
	f.wrong(k, "a whole number", v)
	return 0, false
}

// count returns a whole number at k that must not be negative.
func (f fields) count(k string) (int, bool) {
	n, ok := f.integer(k)
	if !ok {
		return 0, false
	}
	if n < 0 || n > math.MaxInt32 {
		f.r.failf(f.key(k), "%s must be a whole number from 0 up, not %d", f.key(k), n)
		return 0, false
	}
	return int(n), true
}

// number returns the number at k.
func (f fields) number(k string) (float64, bool) {
	v, ok := f.value(k)
	if !ok {
		return 0, false
	}
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case int:
		return float64(n), true
	case float64:
		if !math.IsNaN(n) && !math.IsInf(n, 0) {
			return n, true
		}
	}
	f.wrong(k, "a number", v)
	return 0, false
}

// money returns the amount at k, which must not be negative.
func (f fields) money(k string) (Money, bool) {
	v, ok := f.value(k)
	if !ok {
		return 0, false
	}
	var m Money
	var err error
	switch n := v.(type) {
	case int64:
		m, err = moneyFromInt(n)
	case int:
		m, err = moneyFromInt(int64(n))
	case float64:
		m, err = moneyFromFloat(n)
	default:
		f.wrong(k, "an amount (a number)", v)
		return 0, false
	}
	if err != nil {
		f.r.failf(f.key(k), "%s %v %v", f.key(k), v, err)
		return 0, false
	}
	if m < 0 {
		f.r.failf(f.key(k), "%s must not be negative, not %s", f.key(k), m)
		return 0, false
	}
	return m, true
}

// date returns the date at k: a TOML/YAML date, or text in one of the
// forms of package dates. An empty string counts as not given.
func (f fields) date(k string) (time.Time, bool) {
	v, ok := f.value(k)
	if !ok {
		return time.Time{}, false
	}
	switch d := v.(type) {
	case time.Time:
		t, _ := dates.Parse(d)
		return t, true
	case string:
		if strings.TrimSpace(d) == "" {
			return time.Time{}, false
		}
		if t, err := dates.Parse(d); err == nil {
			return t, true
		}
		f.r.failf(f.key(k), "%s %q is not a date; write YYYY-MM-DD", f.key(k), d)
		return time.Time{}, false
	}
	f.wrong(k, "a date (YYYY-MM-DD)", v)
	return time.Time{}, false
}

// table returns the table at k; an empty table when it is missing or wrong.
func (f fields) table(k string) fields {
	sub := fields{r: f.r, prefix: f.key(k)}
	v, ok := f.value(k)
	if !ok {
		return sub
	}
	m, ok := v.(map[string]any)
	if !ok {
		f.wrong(k, "a table", v)
		return sub
	}
	sub.m = m
	return sub
}

// tables returns the list of tables at k, each keyed "k[i]". Elements that
// are not tables are reported and left out.
func (f fields) tables(k string) []fields {
	v, ok := f.value(k)
	if !ok {
		return nil
	}
	var elems []any
	switch list := v.(type) {
	case []any:
		elems = list
	case []map[string]any:
		for _, m := range list {
			elems = append(elems, m)
		}
	default:
		f.wrong(k, "a list of tables", v)
		return nil
	}
	out := make([]fields, 0, len(elems))
	for i, e := range elems {
		key := f.index(k, i)
		m, ok := e.(map[string]any)
		if !ok {
			f.r.failf(key, "%s must be a table, not %s", key, describe(e))
			continue
		}
		out = append(out, fields{r: f.r, m: m, prefix: key})
	}
	return out
}

// enum returns the value at k when it is one of allowed; "" when it is
// missing, empty or not allowed (which is reported).
func enum[T ~string](f fields, k string, allowed []T) T {
	s := f.str(k)
	if s == "" {
		return ""
	}
	if slices.Contains(allowed, T(s)) {
		return T(s)
	}
	f.r.failf(f.key(k), "%s %q is not one of %s", f.key(k), s, join(allowed))
	return ""
}

// enums returns the values of the list at k that are in allowed; each other
// value is reported at its own position.
func enums[T ~string](f fields, k string, allowed []T) []T {
	var out []T
	for _, e := range f.list(k) {
		if !slices.Contains(allowed, T(e.Value)) {
			f.r.failf(f.index(k, e.Index), "%s %q is not one of %s", f.key(k), e.Value, join(allowed))
			continue
		}
		out = append(out, T(e.Value))
	}
	return out
}

// stage reads a stage id at k.
func (f fields) stage(k string) Stage { return enum(f, k, StageIDs()) }

func join[T ~string](vals []T) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = string(v)
	}
	return strings.Join(parts, ", ")
}

// describe names a front-matter value for a message.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("the string %q", x)
	case bool:
		return fmt.Sprintf("%t", x)
	case int64, int, float64:
		return fmt.Sprintf("the number %v", x)
	case time.Time:
		return "a date"
	case []any, []string, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}
