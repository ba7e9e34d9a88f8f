package layout

import (
	"fmt"
	"html/template"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

// fragmentModel is what fragments keeps, written plainly: the kept keys
// in the order they were kept, with their outputs.
type fragmentModel struct {
	maxCount, maxBytes int
	order              []fragmentKey
	out                map[fragmentKey]template.HTML
	size               int
}

func (m *fragmentModel) put(k fragmentKey, h template.HTML) (template.HTML, bool) {
	if len(h) > m.maxBytes {
		return h, false
	}
	if old, ok := m.out[k]; ok {
		return old, true
	}
	for len(m.order) > 0 && (len(m.order) >= m.maxCount || m.size+len(h) > m.maxBytes) {
		m.size -= len(m.out[m.order[0]])
		delete(m.out, m.order[0])
		m.order = m.order[1:]
	}
	m.order = append(m.order, k)
	m.out[k] = h
	m.size += len(h)
	return h, true
}

// TestFragmentsEvictLikeModel puts and gets random keys, many of them
// sharing a hash (floats add only their kind), in fragments with small
// limits, and checks every answer, the count and the size against
// fragmentModel: outputs make way oldest first, also from the middle of
// a chain of keys of one hash.
func TestFragmentsEvictLikeModel(t *testing.T) {
	cases := []struct{ maxCount, maxBytes int }{
		{1, 100}, {3, 1000}, {8, 1000}, {1000, 12}, {5, 20},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d outputs %d bytes", c.maxCount, c.maxBytes), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(c.maxCount), uint64(c.maxBytes)))
			var keys []fragmentKey
			for i := range 12 {
				var key any = i
				if i%2 == 0 {
					key = float64(i) + 0.5
				}
				k, err := newFragmentKey("partials/a.html", []any{key})
				if err != nil {
					t.Fatal(err)
				}
				keys = append(keys, k)
			}
			f := &fragments{maxCount: int64(c.maxCount), maxBytes: int64(c.maxBytes)}
			m := &fragmentModel{maxCount: c.maxCount, maxBytes: c.maxBytes, out: map[fragmentKey]template.HTML{}}
			for step := range 3000 {
				i := rng.IntN(len(keys))
				k := keys[i]
				if rng.IntN(2) == 0 {
					h := template.HTML(fmt.Sprintf("%d%s", i, strings.Repeat("x", rng.IntN(8))))
					got, kept := f.put(k, h)
					want, wantKept := m.put(k, h)
					if got != want || kept != wantKept {
						t.Fatalf("step %d: put %d = %q, %v; want %q, %v", step, i, got, kept, want, wantKept)
					}
				} else {
					got, ok := f.get(k)
					want, wantOK := m.out[k]
					if got != want || ok != wantOK {
						t.Fatalf("step %d: get %d = %q, %v; want %q, %v", step, i, got, ok, want, wantOK)
					}
				}
				if f.count != int64(len(m.order)) || f.size != int64(m.size) {
					t.Fatalf("step %d: %d outputs of %d bytes, want %d of %d", step, f.count, f.size, len(m.order), m.size)
				}
			}
			var chained int
			for _, e := range f.m {
				for ; e != nil; e = e.next {
					chained++
				}
			}
			var listed []fragmentKey
			for e := f.oldest; e != nil; e = e.newer {
				listed = append(listed, e.key)
			}
			if chained != len(m.order) || !slices.Equal(listed, m.order) {
				t.Errorf("index holds %d outputs, oldest first %v; want %v", chained, listed, m.order)
			}
		})
	}
}

// TestFragmentsEvictConcurrent puts and gets keys from several goroutines
// in fragments that hold four outputs: every output found is its key's,
// and the limits hold at the end. Run with -race.
func TestFragmentsEvictConcurrent(t *testing.T) {
	f := &fragments{maxCount: 4, maxBytes: 64}
	var keys []fragmentKey
	for i := range 16 {
		k, err := newFragmentKey("partials/a.html", []any{i % 8, float64(i / 8)})
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	out := func(i int) template.HTML { return template.HTML(fmt.Sprintf("<%d>", i)) }
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			for n := range 2000 {
				i := (g*7 + n*5) % len(keys)
				if h, ok := f.get(keys[i]); ok && h != out(i) {
					errs <- fmt.Sprintf("get %d = %q", i, h)
					return
				}
				if h, _ := f.put(keys[i], out(i)); h != out(i) {
					errs <- fmt.Sprintf("put %d = %q", i, h)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if n := f.count; n > 4 || f.size > 64 {
		t.Errorf("%d outputs of %d bytes kept, over the limits", n, f.size)
	}
}
