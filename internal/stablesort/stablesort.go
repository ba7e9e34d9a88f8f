// Package stablesort orders slices stably in O(n log n): the standard
// library's stable sorts merge in place (symMerge), which costs
// O(n log² n) moves and shows on a site's lists of tens of thousands of
// pages.
package stablesort

import (
	"cmp"
	"slices"
)

// insertionMax is the longest slice Func leaves to slices.SortStableFunc,
// which orders it in place by insertion without allocating: a section's
// subsections, a leader's evidence.
const insertionMax = 16

// positioned is an element with its index before sorting, the last
// tie-break that makes an unstable sort give the stable order.
type positioned[T any] struct {
	v T
	i int
}

// Func orders s by compare and keeps equal elements in their order, as
// slices.SortStableFunc does: an unstable sort of the elements paired with
// their indexes, the index deciding last. A slice longer than 16 elements
// costs one temporary allocation of its length.
func Func[T any](s []T, compare func(a, b T) int) {
	if len(s) <= insertionMax {
		slices.SortStableFunc(s, compare)
		return
	}
	tagged := make([]positioned[T], len(s))
	for i, v := range s {
		tagged[i] = positioned[T]{v: v, i: i}
	}
	slices.SortFunc(tagged, func(a, b positioned[T]) int {
		if c := compare(a.v, b.v); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	for i, t := range tagged {
		s[i] = t.v
	}
}
