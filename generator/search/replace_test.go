package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// editKinds names the edits randomEdit makes.
var editKinds = []string{"body", "title", "tags", "section", "empty", "rewrite", "grow", "shrink", "url", "same", "pile"}

// randomEdit returns doc i of docs after an edit of the given kind, with
// words taken from other documents.
func randomEdit(r *rand.Rand, docs []Document, i int, kind string) Document {
	d := docs[i]
	d.Tags = slices.Clone(d.Tags)
	other := docs[r.IntN(len(docs))]
	cut := func(s string) string { // a random piece of s, on rune boundaries
		rs := []rune(s)
		if len(rs) == 0 {
			return ""
		}
		a := r.IntN(len(rs))
		return string(rs[a:min(len(rs), a+1+r.IntN(12))])
	}
	switch kind {
	case "body": // insert or delete a few characters somewhere in the text
		rs := []rune(d.Text)
		at := 0
		if len(rs) > 0 {
			at = r.IntN(len(rs))
		}
		if r.IntN(2) == 0 || len(rs) == 0 {
			d.Text = string(rs[:at]) + cut(other.Text+other.Title) + string(rs[at:])
		} else {
			d.Text = string(rs[:at]) + string(rs[min(len(rs), at+1+r.IntN(8)):])
		}
	case "title":
		d.Title = cut(other.Title) + cut(other.Text)
	case "tags":
		if len(d.Tags) > 0 && r.IntN(2) == 0 {
			d.Tags = d.Tags[:r.IntN(len(d.Tags))]
		} else {
			d.Tags = append(d.Tags, cut(other.Text))
		}
	case "section":
		if r.IntN(3) == 0 {
			d.Section = fmt.Sprintf("new section %d", r.IntN(5))
		} else {
			d.Section = other.Section
		}
	case "empty":
		d.Title, d.Text, d.Tags = "", "", nil
	case "rewrite":
		d.Title, d.Text, d.Tags, d.Section = other.Title, other.Text, slices.Clone(other.Tags), other.Section
	case "grow": // much more text: entries grow, shards fill and split
		var b strings.Builder
		for range 1 + r.IntN(4) {
			b.WriteString(docs[r.IntN(len(docs))].Text)
			b.WriteString(" ")
		}
		d.Text += b.String()
	case "shrink":
		rs := []rune(d.Text)
		d.Text = string(rs[:r.IntN(len(rs)+1)])
	case "url":
		d.URL = fmt.Sprintf("/moved/%d/", r.IntN(1000))
	case "same":
	case "pile": // one token many times: its entry grows past a shard's limit
		d.Text += strings.Repeat(" zebra 斑马", 1+r.IntN(400))
	}
	return d
}

// snapshot copies the files' bytes.
func snapshot(files []File) []File {
	out := make([]File, len(files))
	for i, f := range files {
		out[i] = File{Path: f.Path, Data: bytes.Clone(f.Data)}
	}
	return out
}

// wantChanges lists what Replace must return when the files before
// become after: every file of after that is new or differs, in order,
// then the names of before that after has no more, with nil Data.
func wantChanges(before, after []File) []File {
	old := map[string][]byte{}
	for _, f := range before {
		old[f.Path] = f.Data
	}
	var out []File
	kept := map[string]bool{}
	for _, f := range after {
		kept[f.Path] = true
		if data, ok := old[f.Path]; !ok || !bytes.Equal(data, f.Data) {
			out = append(out, f)
		}
	}
	for _, f := range before {
		if !kept[f.Path] {
			out = append(out, File{Path: f.Path})
		}
	}
	return out
}

// sameFiles reports the first difference between two file lists, or "".
func sameFiles(got, want []File) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d files %v, want %d %v", len(got), paths(got), len(want), paths(want))
	}
	for k := range got {
		switch {
		case got[k].Path != want[k].Path:
			return fmt.Sprintf("file %d is %s, want %s", k, got[k].Path, want[k].Path)
		case (got[k].Data == nil) != (want[k].Data == nil):
			return fmt.Sprintf("%s: nil data %v, want %v", got[k].Path, got[k].Data == nil, want[k].Data == nil)
		case !bytes.Equal(got[k].Data, want[k].Data):
			return fmt.Sprintf("%s differs:\n%.400s\nwant\n%.400s", got[k].Path, got[k].Data, want[k].Data)
		}
	}
	return ""
}

// replaceAndCheck applies Replace(i, d) to x, whose files are before and
// whose documents are docs, and checks that Files then equals a fresh
// Build byte for byte, that Replace returned exactly the files that
// changed and the ones that went, and that no bytes handed out before were
// written to. It updates docs and returns the files after and Replace's
// result.
func replaceAndCheck(t *testing.T, x *Index, docs []Document, opts Options, i int, d Document, before []File) (after, got []File) {
	t.Helper()
	held := snapshot(before)
	got, err := x.Replace(i, d)
	if err != nil {
		t.Fatalf("Replace(%d): %v", i, err)
	}
	docs[i] = d
	want, err := Build(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	after = x.Files()
	if diff := sameFiles(after, want); diff != "" {
		t.Fatalf("Replace(%d): Files differs from Build: %s", i, diff)
	}
	if diff := sameFiles(got, wantChanges(before, after)); diff != "" {
		t.Fatalf("Replace(%d) returned the wrong changes: %s", i, diff)
	}
	if diff := sameFiles(before, held); diff != "" {
		t.Fatalf("Replace(%d) changed bytes handed out before: %s", i, diff)
	}
	for id, ti := range x.lex.terms {
		if ti.file == pending || (ti.size == 0) != (ti.file == noFile) {
			t.Fatalf("Replace(%d) left term %d as %+v", i, id, ti)
		}
	}
	return after, got
}

// TestReplaceMatchesBuild applies many random edits to indexes of several
// kinds of documents and shard sizes, checking each as replaceAndCheck
// does, and that the runs saw what changes the layout: the number of
// routed shards and the number of files.
func TestReplaceMatchesBuild(t *testing.T) {
	tests := []struct {
		name  string
		docs  []Document
		opts  Options
		steps int
		// what the run must see at least once
		routed, count bool
	}{
		{"en, small shards", synthetic(120, 150, "en", 2), Options{ShardBytes: minShardBytes, Summary: 15}, 400, true, true},
		{"zh, small shards", synthetic(80, 120, "zh", 3), Options{ShardBytes: 2048, Summary: 8}, 300, true, true},
		{"mixed junk", junkDocs(150, 4), Options{ShardBytes: 4096}, 300, true, false},
		{"one shard", synthetic(40, 100, "en", 5), Options{}, 150, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(len(tc.name)), 42))
			docs := slices.Clone(tc.docs)
			x, err := NewIndex(docs, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			before := x.Files()
			if want, err := Build(docs, tc.opts); err != nil || sameFiles(before, want) != "" {
				t.Fatalf("NewIndex's files differ from Build's (%v): %s", err, sameFiles(before, want))
			}
			var routedSeen, countSeen bool
			kinds := map[string]int{}
			for range tc.steps {
				i := r.IntN(len(docs))
				kind := editKinds[r.IntN(len(editKinds))]
				if kind == "grow" && totalSize(before) > 300<<10 {
					kind = "shrink" // keep each Build quick
				}
				kinds[kind]++
				after, got := replaceAndCheck(t, x, docs, tc.opts, i, randomEdit(r, docs, i, kind), before)
				if kind == "same" && len(got) != 0 {
					t.Fatalf("an edit that changes nothing returned %v", paths(got))
				}
				routedSeen = routedSeen || routedOf(t, before) != routedOf(t, after)
				countSeen = countSeen || len(before) != len(after)
				before = after
			}
			if tc.routed && !routedSeen || tc.count && !countSeen {
				t.Errorf("the run saw routed count changes %v, file count changes %v; want %v, %v (edits %v)",
					routedSeen, countSeen, tc.routed, tc.count, kinds)
			}
		})
	}
}

// TestReplaceRenames grows documents until the index has 100 shards, so
// that every shard's name gains a digit, then empties them until it has
// fewer again, checking each edit as replaceAndCheck does, and that the
// edit that renames returns every old name as gone.
func TestReplaceRenames(t *testing.T) {
	opts := Options{ShardBytes: minShardBytes}
	docs := synthetic(210, 200, "en", 2) // 97 shards
	x, err := NewIndex(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	before := x.Files()
	if n := len(before) - 1; n >= 100 || n < 90 {
		t.Fatalf("the index starts with %d shards; the test wants a few less than 100", n)
	}
	for _, grow := range []bool{true, false} {
		renamed := false
		for i := 0; i < len(docs) && !renamed; i++ {
			d := docs[i]
			if grow {
				d.Text += " " + docs[len(docs)-1-i].Text
			} else {
				d.Text = ""
			}
			after, got := replaceAndCheck(t, x, docs, opts, i, d, before)
			if wide := len(after) > 101; wide != grow {
				before = after
				continue
			}
			renamed = true
			gone := 0
			for _, f := range got {
				if f.Data == nil {
					gone++
				}
			}
			if gone != len(before)-1 || len(got) != len(after)+gone {
				t.Errorf("renaming edit returned %d files, %d of them gone; want all %d new files and all %d old shards gone",
					len(got), gone, len(after), len(before)-1)
			}
			before = after
		}
		if !renamed {
			t.Fatalf("grow %v: the shards' names never changed width", grow)
		}
	}
}

// routedOf returns meta.json's routed.
func routedOf(t *testing.T, files []File) int {
	t.Helper()
	var m metaFile
	if err := json.Unmarshal(files[0].Data, &m); err != nil {
		t.Fatal(err)
	}
	return m.Routed
}

// TestReplaceFromNothing fills an index of empty documents and empties
// it again, down to a single shard that holds nothing.
func TestReplaceFromNothing(t *testing.T) {
	opts := Options{ShardBytes: minShardBytes, Summary: 5}
	docs := []Document{{URL: "/a/"}, {URL: "/b/"}, {URL: "/c/", Section: "s"}}
	full := synthetic(3, 900, "en", 4)
	x, err := NewIndex(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	before := x.Files()
	if len(before) != 2 || string(before[1].Data) != "{}" {
		t.Fatalf("an index of empty documents is %v", paths(before))
	}
	for step, i := range []int{1, 0, 2, 1, 0, 2} {
		d := Document{URL: docs[i].URL}
		if step < 3 {
			d = full[i]
			d.URL = docs[i].URL
		}
		before, _ = replaceAndCheck(t, x, docs, opts, i, d, before)
		if step == 2 && len(before) < 4 {
			t.Fatalf("the full index has only %d files; the test wants several shards", len(before))
		}
	}
	if len(before) != 2 || string(before[1].Data) != "{}" {
		t.Errorf("the emptied index is %v", paths(before))
	}
}

// TestReplaceErrors checks that bad edits are refused and leave the index
// as it was.
func TestReplaceErrors(t *testing.T) {
	docs := synthetic(20, 200, "en", 9)
	x, err := NewIndex(docs, Options{ShardBytes: minShardBytes})
	if err != nil {
		t.Fatal(err)
	}
	want := snapshot(x.Files())
	tests := []struct {
		name string
		i    int
		d    Document
		msg  string
	}{
		{"negative id", -1, docs[0], "replace document -1"},
		{"id past the end", 20, docs[0], "replace document 20"},
		{"no URL", 3, Document{Title: "x", Text: "new words here"}, "has no URL"},
	}
	for _, tc := range tests {
		got, err := x.Replace(tc.i, tc.d)
		if err == nil || !strings.Contains(err.Error(), tc.msg) || got != nil {
			t.Errorf("%s: Replace = %v, %v; want an error saying %q", tc.name, paths(got), err, tc.msg)
		}
		if diff := sameFiles(x.Files(), want); diff != "" {
			t.Errorf("%s: the index changed: %s", tc.name, diff)
		}
	}
}

// TestEntrySplice checks spliceEntry on each place a document can take
// in a postings list, against the list written out in full.
func TestEntrySplice(t *testing.T) {
	type posting struct{ doc, w uint32 }
	write := func(ps []posting) string {
		var b strings.Builder
		b.WriteString(`"t":[`)
		prev := uint32(0)
		for k, p := range ps {
			if k > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%d,%d", p.doc-prev, p.w)
			prev = p.doc
		}
		b.WriteString("]")
		return b.String()
	}
	lists := [][]posting{
		{{0, 1}},
		{{7, 300}},
		{{0, 5}, {1, 1}, {2, 70000}},
		{{3, 1}, {10, 2}, {11, 3}, {100, 1}, {1000, 9}},
	}
	for _, ps := range lists {
		entry := []byte(write(ps))
		for doc := uint32(0); doc <= 1001; doc++ {
			for _, w := range []uint32{0, 1, 12} {
				var want []posting
				placed := false
				for _, p := range ps {
					if !placed && p.doc >= doc {
						placed = true
						if w != 0 {
							want = append(want, posting{doc, w})
						}
						if p.doc == doc {
							continue
						}
					}
					want = append(want, p)
				}
				if !placed && w != 0 {
					want = append(want, posting{doc, w})
				}
				got, alive := spliceEntry([]byte("keep"), entry, doc, w)
				wantText := "keep" + write(want)
				if len(want) == 0 {
					wantText = "keep"
				}
				if string(got) != wantText || alive != (len(want) > 0) {
					t.Fatalf("spliceEntry(%s, doc %d, weight %d) = %s, %v; want %s", entry, doc, w, got, alive, wantText)
				}
			}
		}
	}
	if got := string(newEntry(nil, []byte(`a"b`), 4, 7)); got != `"a\"b":[4,7]` {
		t.Errorf("newEntry = %s", got)
	}
	if got, alive := spliceEntry(nil, []byte(`"a\\\"":[2,1,3,40]`), 2, 0); string(got) != `"a\\\"":[5,40]` || !alive {
		t.Errorf("spliceEntry with an escaped key = %s, %v", got, alive)
	}
}

// TestForwardLists checks each document's forward list, built from the
// bands of one part and of several, against the documents' own terms,
// with weights above 255 and bands of several blocks.
func TestForwardLists(t *testing.T) {
	docs := junkDocs(3*minPartDocs+10, 8)
	for _, procs := range []int{1, 3} {
		prev := runtime.GOMAXPROCS(procs)
		x, err := NewIndex(docs, Options{ShardBytes: minShardBytes})
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		heavy := 0
		for i := range docs {
			x.count(&docs[i])
			want := map[uint32]uint32{}
			for k, id := range x.counts.ids {
				want[id] = x.counts.weights[k]
			}
			got := map[uint32]uint32{}
			last := -1
			eachTerm(x.fwd.docs[i], func(id, w uint32) {
				if int(id) <= last {
					t.Fatalf("%d parts: document %d: term %d after %d", procs, i, id, last)
				}
				last = int(id)
				got[id] = w
				if w > 255 {
					heavy++
				}
			})
			if len(got) != len(want) {
				t.Fatalf("%d parts: document %d: %d terms, want %d", procs, i, len(got), len(want))
			}
			for id, w := range want {
				if got[id] != w {
					t.Fatalf("%d parts: document %d: term %d has weight %d, want %d", procs, i, id, got[id], w)
				}
			}
		}
		if heavy == 0 {
			t.Errorf("%d parts: no weight above 255; the test wants some", procs)
		}
	}
}

// TestSortByID checks the radix sort of forward lists against a plain
// sort, on short and long lists and ids of several widths.
func TestSortByID(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var spare []uint64
	for _, n := range []int{0, 1, 47, 48, 500, 3000} {
		for _, idBits := range []int{1, 9, 20, 31} {
			seen := map[uint64]bool{}
			var list []uint64
			for len(list) < n && len(seen) < 1<<idBits {
				id := r.Uint64N(1 << idBits)
				if !seen[id] {
					seen[id] = true
					list = append(list, id<<32|uint64(1+r.IntN(300)))
				}
			}
			want := slices.Sorted(slices.Values(list))
			var got []uint64
			got, spare = sortByID(list, spare, idBits)
			if !slices.Equal(got, want) {
				t.Fatalf("sortByID of %d ids of %d bits: wrong order", len(list), idBits)
			}
		}
	}
}
