package search

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// addConcurrently adds docs to b from goroutines goroutines, in an order
// shuffled by seed, and fails the test on any error.
func addConcurrently(t testing.TB, b *Builder, docs []Document, goroutines int, seed uint64) {
	t.Helper()
	order := rand.New(rand.NewPCG(seed, 11)).Perm(len(docs))
	var wg sync.WaitGroup
	for k := range goroutines {
		wg.Go(func() {
			for j := k; j < len(order); j += goroutines {
				if err := b.Add(order[j], docs[order[j]]); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
}

// streamed builds docs' files with a Builder, as addConcurrently adds
// them, writing runs of at most group bytes of files at once.
func streamed(t testing.TB, docs []Document, opts Options, group, goroutines int, seed uint64) []File {
	t.Helper()
	b, err := NewBuilder(len(docs), opts)
	if err != nil {
		t.Fatal(err)
	}
	b.group, b.spread = group, 0
	addConcurrently(t, b, docs, goroutines, seed)
	files, err := b.Files()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// checkStreamedMatchesBuild wants the files a Builder makes of docs,
// added from each number of goroutines in turn (see streamed), equal to
// Build's.
func checkStreamedMatchesBuild(t *testing.T, docs []Document, opts Options, goroutines ...int) {
	t.Helper()
	want, err := Build(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goroutines {
		got := streamed(t, docs, opts, groupBytes, g, uint64(g))
		if diff := sameFiles(got, want); diff != "" {
			t.Fatalf("%d goroutines: %s", g, diff)
		}
	}
}

// builtIndex makes an Index of docs with a Builder, as addConcurrently
// adds them.
func builtIndex(t testing.TB, docs []Document, opts Options, goroutines int, seed uint64) *Index {
	t.Helper()
	b, err := NewBuilder(len(docs), opts)
	if err != nil {
		t.Fatal(err)
	}
	addConcurrently(t, b, docs, goroutines, seed)
	x, err := b.Index()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// mixedDocs interleaves Chinese, English and mixed documents, with
// sections of their own and documents that are empty or only tags.
func mixedDocs(n int, seed uint64) []Document {
	zh, en, junk := synthetic(n, 400, "zh", seed), synthetic(n, 400, "en", seed+1), junkDocs(n, seed+2)
	docs := make([]Document, n)
	for i := range docs {
		switch i % 5 {
		case 0:
			docs[i] = zh[i]
		case 1:
			docs[i] = en[i]
		case 2:
			docs[i] = junk[i]
		case 3:
			d := zh[i]
			d.Text += " " + en[i].Text
			d.Section = fmt.Sprintf("section %d", i%7)
			docs[i] = d
		default:
			docs[i] = Document{URL: fmt.Sprintf("/empty/%d/", i), Title: en[i].Title, Tags: zh[i].Tags}
			if i%10 == 4 {
				docs[i].Title, docs[i].Tags = "", nil
			}
		}
	}
	return docs
}

// TestBuilderMatchesBuild adds seeded random document sets to Builders
// from several goroutines in random orders and wants Files to equal Build
// byte for byte, whatever the number of goroutines and of processors and
// however the files are cut into runs written at once.
func TestBuilderMatchesBuild(t *testing.T) {
	tests := []struct {
		name string
		docs []Document
		opts Options
	}{
		{"en", synthetic(600, 700, "en", 21), Options{ShardBytes: 2048, Summary: 30}},
		{"zh", synthetic(500, 900, "zh", 22), Options{ShardBytes: 4096, Summary: 12}},
		{"zh, one shard", synthetic(30, 300, "zh", 23), Options{}},
		{"mixed", mixedDocs(700, 24), Options{ShardBytes: minShardBytes}},
		{"junk, heavy weights", junkDocs(400, 25), Options{ShardBytes: 8192, Summary: 5}},
		{"one document", synthetic(1, 2000, "en", 26), Options{Summary: 40}},
		{"empty documents", []Document{{URL: "/a/"}, {URL: "/b/", Section: "s"}, {URL: "/c/"}}, Options{Summary: 3}},
		{"no documents", nil, Options{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want, err := Build(tc.docs, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, procs := range []int{1, 3} {
				for _, goroutines := range []int{1, 4, 9} {
					prev := runtime.GOMAXPROCS(procs)
					got := streamed(t, tc.docs, tc.opts, groupBytes, goroutines, uint64(procs*100+goroutines))
					runtime.GOMAXPROCS(prev)
					if diff := sameFiles(got, want); diff != "" {
						t.Fatalf("GOMAXPROCS %d, %d goroutines: %s", procs, goroutines, diff)
					}
				}
			}
			// Runs of one file each, and of a few.
			for _, group := range []int{1, 5000} {
				prev := runtime.GOMAXPROCS(3)
				got := streamed(t, tc.docs, tc.opts, group, 4, uint64(group))
				runtime.GOMAXPROCS(prev)
				if diff := sameFiles(got, want); diff != "" {
					t.Fatalf("runs of %d bytes: %s", group, diff)
				}
			}
		})
	}
}

// TestBuilderIndex makes an Index from a Builder and wants its files to
// equal NewIndex's, then edits it at random, each edit checked against
// a fresh Build as replaceAndCheck does.
func TestBuilderIndex(t *testing.T) {
	tests := []struct {
		name string
		docs []Document
		opts Options
	}{
		{"en", synthetic(100, 200, "en", 31), Options{ShardBytes: minShardBytes, Summary: 10}},
		{"mixed", mixedDocs(120, 32), Options{ShardBytes: 4096}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := slices.Clone(tc.docs)
			x := builtIndex(t, docs, tc.opts, 3, 7)
			ref, err := NewIndex(docs, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			before := x.Files()
			if diff := sameFiles(before, ref.Files()); diff != "" {
				t.Fatalf("Builder.Index's files differ from NewIndex's: %s", diff)
			}
			if x.Len() != len(docs) {
				t.Fatalf("Len = %d, want %d", x.Len(), len(docs))
			}
			r := rand.New(rand.NewPCG(5, 6))
			for range 60 {
				i := r.IntN(len(docs))
				kind := editKinds[r.IntN(len(editKinds))]
				if kind == "grow" {
					kind = "rewrite"
				}
				before, _ = replaceAndCheck(t, x, docs, tc.opts, i, randomEdit(r, docs, i, kind), before)
			}
		})
	}
}

func TestBuilderErrors(t *testing.T) {
	if _, err := NewBuilder(3, Options{ShardBytes: 10}); err == nil || !strings.Contains(err.Error(), "below the minimum") {
		t.Errorf("NewBuilder with tiny shards: err = %v", err)
	}
	if _, err := NewBuilder(-1, Options{}); err == nil {
		t.Error("NewBuilder(-1) has no error")
	}
	docs := synthetic(3, 100, "en", 1)
	b, err := NewBuilder(3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	adds := []struct {
		name string
		i    int
		d    Document
		want string
	}{
		{"negative id", -1, docs[0], "add document -1"},
		{"id past the end", 3, docs[0], "add document 3"},
		{"no URL", 1, Document{Title: "x"}, "has no URL"},
		{"first add", 0, docs[0], ""},
		{"second add", 0, docs[0], "added twice"},
		{"another", 2, docs[2], ""},
	}
	for _, tc := range adds {
		err := b.Add(tc.i, tc.d)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: Add = %v, want %q", tc.name, err, tc.want)
		}
	}
	if _, err := b.Files(); err == nil || !strings.Contains(err.Error(), "document 1 was not added") {
		t.Errorf("Files with a document missing: err = %v", err)
	}
	// The Builder takes the missing document still.
	if err := b.Add(1, docs[1]); err != nil {
		t.Fatal(err)
	}
	got, err := b.Files()
	want, err2 := Build(docs, Options{})
	if err != nil || err2 != nil {
		t.Fatal(err, err2)
	}
	if diff := sameFiles(got, want); diff != "" {
		t.Error(diff)
	}
	for name, use := range map[string]func() error{
		"Add after Files": func() error { return b.Add(1, docs[1]) },
		"Files again":     func() error { _, err := b.Files(); return err },
		"Index after":     func() error { _, err := b.Index(); return err },
	} {
		if err := use(); err == nil || !strings.Contains(err.Error(), "already made") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
