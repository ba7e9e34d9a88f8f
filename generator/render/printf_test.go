package render

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestSprintfEqualsFmt compares sprintf with fmt.Sprintf on the theme's
// kinds of strings, on shapes the fast path leaves to fmt, and on random
// formats and arguments.
func TestSprintfEqualsFmt(t *testing.T) {
	type named int
	cases := []struct {
		format string
		args   []any
		fast   bool // the fast path fills it in
	}{
		{"%d 分钟", []any{90}, true},
		{"第 %d 页，共 %d 页", []any{2, 13}, true},
		{"Requested (%s)", []any{"CNY"}, true},
		{"%d/%d 项指标已达成", []any{-3, math.MaxInt}, true},
		{"100%% of %d", []any{math.MinInt}, true},
		{"no verbs", []any{1}, false},
		{"%d and %d", []any{1}, false},
		{"%d", []any{"text"}, false},
		{"%s", []any{7}, false},
		{"%d", []any{named(4)}, false},
		{"%d", []any{int64(4)}, false},
		{"%5d", []any{4}, false},
		{"%v", []any{4}, false},
		{"trailing %", []any{4}, false},
		{"%d", []any{nil}, false},
	}
	for _, c := range cases {
		want := fmt.Sprintf(c.format, c.args...)
		if got := sprintf(c.format, c.args); got != want {
			t.Errorf("sprintf(%q, %v) = %q, want %q", c.format, c.args, got, want)
		}
		got, ok := fillVerbs(c.format, c.args)
		if ok != c.fast {
			t.Errorf("fillVerbs(%q, %v): fast path %v, want %v", c.format, c.args, ok, c.fast)
		}
		if ok && got != want {
			t.Errorf("fillVerbs(%q, %v) = %q, want %q", c.format, c.args, got, want)
		}
	}
	r := rand.New(rand.NewPCG(4, 9))
	pieces := []string{"%d", "%s", "%%", "%", "%v", "a", "页", " ", "%x", "d", "s"}
	values := []any{0, 1, -12, 123456789, "", "x", "金额", int8(3), 2.5, nil, true}
	fast := 0
	for range 20000 {
		var format string
		for range r.IntN(6) {
			format += pieces[r.IntN(len(pieces))]
		}
		args := make([]any, r.IntN(4))
		for i := range args {
			args[i] = values[r.IntN(len(values))]
		}
		want := fmt.Sprintf(format, args...)
		got, ok := fillVerbs(format, args)
		if ok {
			fast++
			if got != want {
				t.Fatalf("fillVerbs(%q, %#v) = %q, want %q", format, args, got, want)
			}
		}
		if got := sprintf(format, args); got != want {
			t.Fatalf("sprintf(%q, %#v) = %q, want %q", format, args, got, want)
		}
	}
	if fast < 1000 {
		t.Errorf("only %d random cases took the fast path", fast)
	}
}

func BenchmarkSiteT(b *testing.B) {
	site := &Site{Strings: map[string]string{"n_minutes": "%d 分钟"}}
	b.ReportAllocs()
	for b.Loop() {
		_ = site.T("n_minutes", 90)
	}
}

// FuzzSprintf compares sprintf with fmt.Sprintf on any format given an
// int, a string, or both in either order.
func FuzzSprintf(f *testing.F) {
	f.Add("第 %d 页，共 %s 页 100%%", -7, "金额")
	f.Add("%s%d%", 0, "")
	f.Fuzz(func(t *testing.T, format string, n int, s string) {
		for _, args := range [][]any{{n}, {s}, {n, s}, {s, n}} {
			if got, want := sprintf(format, args), fmt.Sprintf(format, args...); got != want {
				t.Errorf("sprintf(%q, %#v) = %q, want %q", format, args, got, want)
			}
		}
	})
}
