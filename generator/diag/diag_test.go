package diag

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestErrorFormat(t *testing.T) {
	cases := []struct {
		e    *Error
		want string
	}{
		{Errorf("content/a.md", 3, 7, "bad %s", "thing"), "content/a.md:3:7: bad thing"},
		{Errorf("content/a.md", 3, 0, "no column"), "content/a.md:3: no column"},
		{Errorf("site.toml", 0, 0, "no line"), "site.toml: no line"},
		{Errorf("", 0, 0, "no file"), "no file"},
	}
	for _, c := range cases {
		if got := c.e.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestListSortsCapsAndCounts(t *testing.T) {
	l := &List{Cap: 3}
	l.Errorf("b.md", 2, 1, "x")
	l.Errorf("a.md", 9, 1, "y")
	l.Errorf("a.md", 2, 5, "z")
	l.Errorf("c.md", 1, 1, "dropped")
	l.Add(nil)
	errs, more := l.Errors()
	if len(errs) != 3 || more != 1 {
		t.Fatalf("kept %d, more %d", len(errs), more)
	}
	got := []string{errs[0].Error(), errs[1].Error(), errs[2].Error()}
	want := []string{"a.md:2:5: z", "a.md:9:1: y", "b.md:2:1: x"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("order %d: %q, want %q", i, got[i], want[i])
		}
	}
	err := l.Err()
	if !strings.Contains(err.Error(), "... and 1 more errors") {
		t.Errorf("summary missing: %v", err)
	}
	var one *Error
	if !errors.As(err, &one) {
		t.Error("errors.As does not find an *Error in the list")
	}
}

func TestListFlattensJoinedErrors(t *testing.T) {
	l := &List{}
	l.Add(errors.Join(Errorf("a", 1, 1, "one"), Errorf("b", 1, 1, "two")))
	inner := &List{}
	inner.Errorf("c", 1, 1, "three")
	l.Add(inner.Err())
	if errs, _ := l.Errors(); len(errs) != 3 {
		t.Errorf("flattened to %d errors, want 3", len(errs))
	}
}

func TestListConcurrent(t *testing.T) {
	l := &List{}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				l.Errorf(fmt.Sprintf("f%d", g), i+1, 1, "e")
				l.Warnf("w", i+1, 1, "w")
			}
		}(g)
	}
	wg.Wait()
	errs, more := l.Errors()
	if len(errs)+more != 400 {
		t.Errorf("counted %d errors, want 400", len(errs)+more)
	}
	if w, more := l.Warnings(); len(w)+more != 400 {
		t.Errorf("counted %d warnings, want 400", len(w)+more)
	}
}

// TestListKeepsTheFirstInSortedOrder adds the same errors in many orders,
// from one goroutine and from several, and checks that a capped List keeps
// the same ones every time: the first Cap in file, line, column order.
func TestListKeepsTheFirstInSortedOrder(t *testing.T) {
	var all []error
	for f := 0; f < 5; f++ {
		for line := 1; line <= 8; line++ {
			all = append(all, Errorf(fmt.Sprintf("content/p%d.md", f), line, 1, "bad"))
		}
	}
	want := sorted(all)[:7]
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 50; round++ {
		order := slices.Clone(all)
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		l := &List{Cap: 7}
		if round%2 == 0 {
			for _, e := range order {
				l.Add(e)
			}
		} else {
			var wg sync.WaitGroup
			for g := 0; g < 4; g++ {
				wg.Add(1)
				go func(g int) {
					defer wg.Done()
					for i := g; i < len(order); i += 4 {
						l.Add(order[i])
					}
				}(g)
			}
			wg.Wait()
		}
		got, more := l.Errors()
		if more != len(all)-7 || !slices.Equal(got, want) {
			t.Fatalf("round %d: kept %v (+%d more), want %v", round, got, more, want)
		}
	}
}
