package program

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/sineng/sineng/internal/stablesort"
)

// randomProjects makes n projects whose dates and paths repeat often, some
// undated, so full ties that only stability decides are common.
func randomProjects(n int, seed uint64) []*Project {
	r := rand.New(rand.NewPCG(seed, 2))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*Project, n)
	for i := range out {
		p := &Project{Page: Page{File: strconv.Itoa(i), Path: "p" + strconv.Itoa(r.IntN(n/3+1))}}
		if r.IntN(5) > 0 {
			p.Date = base.Add(time.Duration(r.IntN(3)) * 24 * time.Hour)
		}
		out[i] = p
	}
	return out
}

func TestSortStableEqualsSortStableFunc(t *testing.T) {
	for _, n := range []int{0, 1, 3, 16, 17, 90, 3000} {
		for seed := range uint64(3) {
			t.Run(fmt.Sprintf("%d/%d", n, seed), func(t *testing.T) {
				want := randomProjects(n, seed)
				got := slices.Clone(want)
				slices.SortStableFunc(want, byDateThenPath[*Project])
				stablesort.Func(got, byDateThenPath[*Project])
				for i := range want {
					if got[i] != want[i] {
						t.Fatalf("at %d: got %s, want %s", i, got[i].File, want[i].File)
					}
				}
			})
		}
	}
}
