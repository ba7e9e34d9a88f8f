package search

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"
)

// TestWriteFiles wants WriteFiles to hand on the shards in order and then
// meta.json, byte for byte Build's files, however the files are cut into
// runs written at once.
func TestWriteFiles(t *testing.T) {
	tests := []struct {
		name  string
		docs  []Document
		opts  Options
		group int
	}{
		{"zh, runs of one file", synthetic(300, 600, "zh", 41), Options{ShardBytes: 2048, Summary: 8}, 1},
		{"zh, runs of a few files", synthetic(300, 600, "zh", 41), Options{ShardBytes: 2048}, 9000},
		{"mixed, one run", mixedDocs(200, 42), Options{ShardBytes: 4096}, groupBytes},
		{"no documents", nil, Options{}, groupBytes},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want, err := Build(tc.docs, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			b, err := NewBuilder(len(tc.docs), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			b.group, b.spread = tc.group, 0
			addConcurrently(t, b, tc.docs, 3, 5)
			var got []File
			err = b.WriteFiles(func(f File) error {
				// The bytes are valid only during the call.
				got = append(got, File{Path: f.Path, Data: bytes.Clone(f.Data)})
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(got); n == 0 || got[n-1].Path != "meta.json" {
				t.Fatalf("files %v: want meta.json last", paths(got))
			}
			got = append(got[len(got)-1:], got[:len(got)-1]...)
			if diff := sameFiles(got, want); diff != "" {
				t.Fatal(diff)
			}
		})
	}
}

// TestWriteFilesStops makes emit fail and wants WriteFiles to return its
// error at once and the Builder to be spent.
func TestWriteFilesStops(t *testing.T) {
	docs := synthetic(200, 600, "zh", 43)
	for _, failAt := range []int{0, 3, 1 << 30} { // the last: at meta.json
		b, err := NewBuilder(len(docs), Options{ShardBytes: 2048})
		if err != nil {
			t.Fatal(err)
		}
		b.group, b.spread = 1, 0
		addConcurrently(t, b, docs, 2, 6)
		boom := errors.New("disk full")
		calls := 0
		err = b.WriteFiles(func(f File) error {
			calls++
			if calls-1 == failAt || f.Path == "meta.json" {
				return boom
			}
			return nil
		})
		if !errors.Is(err, boom) {
			t.Fatalf("fail at %d: err = %v", failAt, err)
		}
		if failAt < 1<<30 && calls != failAt+1 {
			t.Fatalf("fail at %d: emit was called %d times", failAt, calls)
		}
		if _, err := b.Files(); err == nil || !strings.Contains(err.Error(), "already made") {
			t.Fatalf("fail at %d: Files after WriteFiles: err = %v", failAt, err)
		}
	}
}

// TestInOrder makes numbered items on several goroutines and wants them
// emitted in order, no more than workers+2 of them made and not yet
// emitted at a time, and the first error of emit to stop it.
func TestInOrder(t *testing.T) {
	for _, tc := range []struct{ n, workers, failAt int }{
		{0, 2, -1}, {1, 4, -1}, {50, 1, -1}, {200, 3, -1}, {200, 3, 17}, {5, 8, 0},
	} {
		t.Run(fmt.Sprintf("%d items, %d workers, fail at %d", tc.n, tc.workers, tc.failAt), func(t *testing.T) {
			var pending, most atomic.Int64
			var emitted []int
			boom := errors.New("boom")
			err := inOrder(tc.n, tc.workers, func() func(k int, buf []byte) []byte {
				r := rand.New(rand.NewPCG(uint64(tc.n), 1))
				return func(k int, buf []byte) []byte {
					p := pending.Add(1)
					for m := most.Load(); p > m && !most.CompareAndSwap(m, p); m = most.Load() {
					}
					for range r.IntN(2000) { // uneven work, so items finish out of order
						buf = append(buf[:0], byte(k))
					}
					return fmt.Appendf(buf[:0], "item %d", k)
				}
			}, func(k int, out []byte) error {
				if want := fmt.Sprintf("item %d", k); string(out) != want {
					t.Errorf("item %d is %q", k, out)
				}
				emitted = append(emitted, k)
				pending.Add(-1)
				if k == tc.failAt {
					return boom
				}
				return nil
			})
			want := tc.n
			if tc.failAt >= 0 {
				want = tc.failAt + 1
				if !errors.Is(err, boom) {
					t.Errorf("err = %v, want boom", err)
				}
			} else if err != nil {
				t.Errorf("err = %v", err)
			}
			if !slices.Equal(emitted, seq(want)) {
				t.Errorf("emitted %v, want 0 to %d in order", emitted, want-1)
			}
			if m := most.Load(); m > int64(tc.workers+2) {
				t.Errorf("%d items were made and not emitted at once, want at most %d", m, tc.workers+2)
			}
		})
	}
}

// seq returns 0 to n-1.
func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// TestBitSorter writes random lists of distinct ids, with their weights,
// as banded lists, one sorter for every list, and compares them with what
// appendBanded writes of the sorted list: ids over every band of the
// sorter's range, gaps and weights of one byte and more, weights past a
// byte, and a list after bytes already in the buffer.
func TestBitSorter(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 13))
	var s bitSorter
	for k := range 300 {
		idBits := 1 + r.IntN(maxSorterBits)
		n := min(1+r.IntN(3000), 1<<idBits)
		ids := r.Perm(1 << idBits)[:n]
		list := make([]uint64, n)
		heavy := r.IntN(4) // how often a weight is large
		for i, id := range ids {
			w := 1
			switch r.IntN(8) {
			case 0, 1, 2:
				w = 2 + r.IntN(0x7E)
			case 3:
				w = []int{1, 0x7F, 0x80, 0xFE, 0xFF, 0x100, 1 << 21, 1<<32 - 1}[r.IntN(8)] + heavy*r.IntN(1000)
			}
			list[i] = uint64(id)<<32 | uint64(uint32(w))
		}
		prefix := []byte("before")[:r.IntN(7)]
		sorted := slices.Clone(list)
		slices.Sort(sorted)
		want := appendBanded(slices.Clone(prefix), sorted)
		got := s.appendBanded(slices.Clone(prefix), list, idBits)
		if !bytes.Equal(got, want) {
			t.Fatalf("list %d (%d ids below 1<<%d): written as %x, want %x", k, n, idBits, got, want)
		}
	}
	if *s.set != [setWords]uint64{} {
		t.Error("the bitset is not empty after a list")
	}
	if !s.worth(1000, 14) || s.worth(1000, 20) || s.worth(10, 4) || s.worth(1<<20, maxSorterBits+1) {
		t.Error("worth disagrees with its rule")
	}
}

// TestKeyTally counts random CJK and word keys over a few documents,
// enough to grow the table several times and to shrink it again, through
// the in-place fast path of countHan and add and through count, and
// compares with a map. One document's keys weigh past a slot's weight
// bits, which must move to the tally's overflow.
func TestKeyTally(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 15))
	c := newKeyTally()
	for doc, distinct := range []int{10, 5000, 3, 20000, 2, 700, 300, 1, 4000} {
		want := map[uint64]uint32{}
		keys := make([]uint64, distinct)
		for i := range keys {
			switch {
			case i == 0:
				keys[i] = wordKey | (1<<29 - 1)
			case i == 1:
				keys[i] = uint64(pairKey(utf8.MaxRune, utf8.MaxRune))
			case i%3 == 0:
				keys[i] = wordKey | uint64(r.IntN(1<<29))
			default:
				keys[i] = uint64(pairKey(rune(0x4E00+r.IntN(0x5000)), rune(r.IntN(0x9FFF))))
			}
		}
		adds := 4 * distinct
		if distinct <= 2 {
			adds = 1_000_000 // 3 million on average: past weightMask
		}
		for range adds {
			k, w := keys[r.IntN(len(keys))], uint32(1+r.IntN(weightTitle))
			want[k] += w
			if s := c.home(k); *s-k<<weightBits <= bumpMax && r.IntN(2) == 0 {
				*s += uint64(w)
			} else {
				c.count(k, w)
			}
		}
		if most := uint64(len(c.slots)); 2*uint64(len(c.homes)) > most || len(c.slots) > len(c.room) {
			t.Fatalf("document %d: %d keys in %d slots of %d", doc, len(c.homes), most, len(c.room))
		}
		got := map[uint64]uint32{}
		for _, v := range c.take(nil) {
			k := v >> weightBits
			if _, ok := got[k]; ok {
				t.Fatalf("document %d: key %x counted twice", doc, k)
			}
			got[k] = c.weight(v)
		}
		c.done()
		if len(got) != len(want) {
			t.Fatalf("document %d: %d keys, want %d", doc, len(got), len(want))
		}
		for k, w := range want {
			if got[k] != w {
				t.Fatalf("document %d: key %x weighs %d, want %d", doc, k, got[k], w)
			}
		}
		if len(c.homes) != 0 || c.over != nil || slices.ContainsFunc(c.room, func(v uint64) bool { return v != 0 }) {
			t.Fatalf("document %d: the tally is not empty once taken", doc)
		}
	}
}

// TestRunBytes checks the size of the runs of files against the postings
// documents have on average.
func TestRunBytes(t *testing.T) {
	tests := []struct {
		name                                 string
		group, total, docs, postings, spread int
		want                                 int
	}{
		{"no spread", 100, 10000, 10, 1000, 0, 100},
		{"no documents", 100, 10000, 0, 0, 16, 100},
		{"runs enough", 1000, 10000, 10, 1000, 10, 1000},  // 10 runs of 10 postings a document
		{"runs too many", 100, 10000, 10, 1000, 10, 1000}, // 100 runs would hold 1 each
		{"rounded up", 100, 10001, 10, 1000, 10, 1001},
		{"one run", 100, 10000, 10, 50, 16, 10000}, // fewer postings than spread
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := runBytes(tc.group, tc.total, tc.docs, tc.postings, tc.spread); got != tc.want {
				t.Fatalf("runBytes = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestWriteFilesSpread writes the same documents in runs of one file and
// in runs widened to hold spread postings of a document on average, and
// wants the bytes Build makes each time and fewer runs the wider they are.
func TestWriteFilesSpread(t *testing.T) {
	docs := synthetic(300, 600, "zh", 44)
	opts := Options{ShardBytes: 2048}
	want, err := Build(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	runs := -1
	for _, spread := range []int{0, 2, 8, 1 << 20} {
		b, err := NewBuilder(len(docs), opts)
		if err != nil {
			t.Fatal(err)
		}
		b.group, b.spread = 1, spread
		addConcurrently(t, b, docs, 2, 7)
		files, err := b.Files()
		if err != nil {
			t.Fatal(err)
		}
		if diff := sameFiles(files, want); diff != "" {
			t.Fatalf("spread %d: %s", spread, diff)
		}
		// The runs the same Builder's documents would be cut into.
		ends := make([]int, len(files)-1)
		at := 0
		for f := range ends {
			at += len(files[f+1].Data)
			ends[f] = at
		}
		g := groupFiles(ends, b.runBytes(at))
		n := g.len()
		if runs >= 0 && n >= runs {
			t.Fatalf("spread %d: %d runs, no fewer than %d before", spread, n, runs)
		}
		runs = n
	}
}
