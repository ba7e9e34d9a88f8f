package layout

import (
	"fmt"
	"hash/maphash"
	"html/template"
	"math"
	"testing"
)

// TestFragmentsMatchEquality checks the hashed index of fragments against
// Go's own equality of keys, which a map keyed by fragmentKey uses: an
// output kept under one key is found under another exactly when the two
// compare equal, and equal keys hash alike, across the kinds
// fragmentHash reads (text, pointers, numbers, booleans) and the kinds it
// leaves to the comparison (floats, structs, arrays), including keys of
// different types whose hashes are made equal on purpose.
func TestFragmentsMatchEquality(t *testing.T) {
	type name string
	type small int8
	type pair struct{ a, b int }
	p1, p2 := new(int), new(int)
	values := []any{
		nil, "a", "b", "", name("a"), template.HTML("a"), template.HTML("<b>"),
		0, 1, 2, -1, small(1), int64(1), uint(1), uint8(1), uintptr(1),
		true, false, p1, p2, &pair{1, 2},
		0.0, math.Copysign(0, -1), 1.5, float32(1.5), math.NaN(),
		pair{1, 2}, pair{2, 1}, [2]int{1, 2}, [2]any{"a", 1}, [2]any{"a", 2},
		complex(1, 2),
	}
	seed := maphash.MakeSeed()
	var keys []fragmentKey
	for _, v := range values {
		for _, rel := range []string{"partials/a.html", "partials/b.html"} {
			k, err := newFragmentKey(rel, []any{v})
			if err != nil {
				t.Fatal(err)
			}
			keys = append(keys, k)
		}
		k, err := newFragmentKey("partials/a.html", []any{v, v, 2})
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	none, _ := newFragmentKey("partials/a.html", nil)
	keys = append(keys, none)
	for i, a := range keys {
		var f fragments
		out := template.HTML(fmt.Sprint("out ", i))
		if got, kept := f.put(a, out); !kept || got != out {
			t.Fatalf("put %v = %q, %v", a, got, kept)
		}
		for _, b := range keys {
			want := a == b
			got, ok := f.get(b)
			if ok != want || (ok && got != out) {
				t.Errorf("kept under %v, get %v = %q, %v; want found %v", a, b, got, ok, want)
			}
			if want && fragmentHash(seed, &a) != fragmentHash(seed, &b) {
				t.Errorf("equal keys %v and %v hash apart", a, b)
			}
		}
	}
}

// TestFragmentsSharedHash checks that outputs kept under different keys
// of one hash (floats add only their kind) are each kept and found.
func TestFragmentsSharedHash(t *testing.T) {
	var f fragments
	var keys []fragmentKey
	for i := range 20 {
		k, err := newFragmentKey("partials/a.html", []any{float64(i) + 0.5})
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
		f.put(k, template.HTML(fmt.Sprint(i)))
	}
	if fragmentHash(f.seed, &keys[0]) != fragmentHash(f.seed, &keys[1]) {
		t.Fatal("float keys were meant to share a hash")
	}
	for i, k := range keys {
		if got, ok := f.get(k); !ok || got != template.HTML(fmt.Sprint(i)) {
			t.Errorf("get %v = %q, %v; want %d", k.keys[0], got, ok, i)
		}
	}
	if got := f.count; got != 20 {
		t.Errorf("count = %d, want 20", got)
	}
	if got, kept := f.put(keys[3], "other"); !kept || got != "3" {
		t.Errorf("second put = %q, %v; want the first output", got, kept)
	}
}
