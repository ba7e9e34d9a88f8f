package stablesort

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// item has a key that repeats often, so ties only stability decides are
// common, and an id naming its place in the input.
type item struct{ key, id int }

func byKey(a, b item) int { return cmp.Compare(a.key, b.key) }

func TestFuncEqualsSortStableFunc(t *testing.T) {
	for _, n := range []int{0, 1, 3, insertionMax, insertionMax + 1, 90, 3000} {
		for seed := range uint64(3) {
			t.Run(fmt.Sprintf("%d/%d", n, seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, 9))
				want := make([]item, n)
				for i := range want {
					want[i] = item{key: r.IntN(n/4 + 1), id: i}
				}
				got := slices.Clone(want)
				slices.SortStableFunc(want, byKey)
				Func(got, byKey)
				if !slices.Equal(got, want) {
					t.Fatalf("got %v\nwant %v", got, want)
				}
			})
		}
	}
}

func BenchmarkFunc(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	src := make([]item, 50000)
	for i := range src {
		src[i] = item{key: r.IntN(5000), id: i}
	}
	s := make([]item, len(src))
	for b.Loop() {
		copy(s, src)
		Func(s, byKey)
	}
}
