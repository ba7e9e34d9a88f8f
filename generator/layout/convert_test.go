package layout

import (
	"errors"
	"html/template"
	"reflect"
	"testing"
	"time"
)

type label string

type stringer struct{}

func (stringer) String() string { return "S" }

func TestToString(t *testing.T) {
	s := "p"
	var nilPtr *string
	tests := []struct {
		in   any
		want string
		err  bool
	}{
		{nil, "", false},
		{"a", "a", false},
		{template.HTML("<b>"), "<b>", false},
		{label("x"), "x", false},
		{[]byte("b"), "b", false},
		{stringer{}, "S", false},
		{errors.New("e"), "e", false},
		{true, "true", false},
		{int8(-3), "-3", false},
		{uint64(7), "7", false},
		{2.50, "2.5", false},
		{&s, "p", false},
		{nilPtr, "", false},
		{[]int{1}, "", true},
		{struct{}{}, "", true},
	}
	for _, tt := range tests {
		got, err := toString(tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("toString(%#v) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestToNumbers(t *testing.T) {
	n := 4
	tests := []struct {
		in     any
		i      int
		f      float64
		intErr bool
		fltErr bool
	}{
		{3, 3, 3, false, false},
		{int64(-2), -2, -2, false, false},
		{uint8(9), 9, 9, false, false},
		{float32(1.5), 1, 1.5, false, false},
		{-2.7, -2, -2.7, false, false},
		{&n, 4, 4, false, false},
		{" 12 ", 12, 12, false, false},
		{"1e3", 1000, 1000, false, false},
		{template.HTML("5"), 5, 5, false, false},
		{true, 1, 1, false, false},
		{nil, 0, 0, false, false},
		{"x", 0, 0, true, true},
		{1e300, 0, 1e300, true, false},
		{[]int{}, 0, 0, true, true},
	}
	for _, tt := range tests {
		i, err := toInt(tt.in)
		if (err != nil) != tt.intErr || (err == nil && i != tt.i) {
			t.Errorf("toInt(%#v) = %d, %v", tt.in, i, err)
		}
		f, err := toFloat(tt.in)
		if (err != nil) != tt.fltErr || (err == nil && f != tt.f) {
			t.Errorf("toFloat(%#v) = %v, %v", tt.in, f, err)
		}
	}
	if _, err := toNumber((*int)(nil)); err == nil {
		t.Error("toNumber(nil pointer) succeeded")
	}
	if v, _ := toNumber(uint64(1 << 63)); !v.isFloat {
		t.Error("a uint64 above MaxInt64 should become a float")
	}
}

func TestSameValueAndCompare(t *testing.T) {
	t1 := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	t2 := t1.In(time.FixedZone("CST", 8*3600))
	tests := []struct {
		a, b any
		same bool
		cmp  int
		ok   bool
	}{
		{1, int64(1), true, 0, true},
		{1, 1.0, true, 0, true},
		{1, 2.5, false, -1, true},
		{"b", template.HTML("b"), true, 0, true},
		{"a", "b", false, -1, true},
		{t1, t2, true, 0, true},
		{t1, t1.Add(time.Hour), false, -1, true},
		{true, false, false, 1, true},
		{nil, nil, true, 0, false},
		{1, "1", false, 0, false},
		{[]int{1}, []int{1}, true, 0, false},
		{t1, "2024-01-02", false, 0, false},
	}
	for _, tt := range tests {
		if got := sameValue(tt.a, tt.b); got != tt.same {
			t.Errorf("sameValue(%#v, %#v) = %v", tt.a, tt.b, got)
		}
		c, ok := compareValues(tt.a, tt.b)
		if ok != tt.ok || c != tt.cmp {
			t.Errorf("compareValues(%#v, %#v) = %d, %v; want %d, %v", tt.a, tt.b, c, ok, tt.cmp, tt.ok)
		}
	}
}

func TestIssetAndDefaultOnTypes(t *testing.T) {
	type key string
	m := map[key]int{"a": 0}
	if !isset(m, "a") || isset(m, "b") || isset(m, 1) {
		t.Error("isset on a map with a named string key type")
	}
	if !isset([2]int{}, 1) || isset("ab", 2) || isset(3, 0) {
		t.Error("isset on an array, text or a number")
	}
	var nilFunc func()
	tests := []struct {
		v    any
		want bool
	}{
		{time.Time{}, false}, {time.Now(), true}, {[]int{}, false}, {map[string]int{"a": 1}, true},
		{0.0, false}, {uint(1), true}, {false, true}, {struct{}{}, true}, {nilFunc, false}, {(*int)(nil), false},
	}
	for _, tt := range tests {
		if got := isSet(tt.v); got != tt.want {
			t.Errorf("isSet(%#v) = %v, want %v", tt.v, got, tt.want)
		}
	}
	if _, err := defaultValue(1, 2, 3); err == nil {
		t.Error("default with three values succeeded")
	}
}

func TestAppendKeepsTypes(t *testing.T) {
	type page struct{ Title string }
	a, b := &page{"a"}, &page{"b"}
	tests := []struct {
		args []any
		want any
	}{
		{[]any{b, []*page{a}}, []*page{a, b}},
		{[]any{nil, []*page{a}}, []*page{a, nil}},
		{[]any{[]*page{b}, []*page{a}}, []*page{a, b}},
		{[]any{"x", []*page{a}}, []any{a, "x"}},
		{[]any{[]int{1}}, []int{1}},
		{[]any{1, [2]int{7, 8}}, []int{7, 8, 1}},
	}
	for _, tt := range tests {
		got, err := appendItems(tt.args...)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("append(%v) = %#v, %v; want %#v", tt.args, got, err, tt.want)
		}
	}
	orig := []int{1, 2, 3}
	head, _ := first(2, orig)
	grown, _ := appendItems(9, head)
	if orig[2] != 3 || !reflect.DeepEqual(grown, []int{1, 2, 9}) {
		t.Errorf("append after first wrote into the original list: %v, %v", orig, grown)
	}
	if _, err := appendItems(); err == nil {
		t.Error("append with no arguments succeeded")
	}
}

func TestDateFormatInputs(t *testing.T) {
	d := time.Date(2024, 5, 9, 10, 0, 0, 0, time.UTC)
	var nilTime *time.Time
	tests := []struct {
		in   any
		want string
		err  bool
	}{
		{d, "2024-05-09", false},
		{&d, "2024-05-09", false},
		{nilTime, "", false},
		{nil, "", false},
		{"", "", false},
		{"2024-05-09T10:00:00+08:00", "2024-05-09", false},
		{"2024-05-09 10:00:00", "2024-05-09", false},
		{"2024-05-09 10:00", "2024-05-09", false}, // the content model's hh:mm form
		{label("2024-05-09"), "2024-05-09", false},
		{"9 May", "", true},
		{3.5, "", true},
	}
	for _, tt := range tests {
		got, err := dateFormat("2006-01-02", tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("dateFormat(%#v) = %q, %v", tt.in, got, err)
		}
	}
}
