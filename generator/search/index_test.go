package search

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// junkDocs makes n documents of mixed scripts, punctuation, fullwidth
// forms, apostrophes, combining marks, invalid UTF-8 and runs long enough
// to give weights above 255 and 65535, from one seeded source.
func junkDocs(n int, seed uint64) []Document {
	r := rand.New(rand.NewPCG(seed, 99))
	alphabet := []string{"a", "b", "Z", "e", "s", "ing", "ed", "ly", "ness", "'", "’", " ", " ", ".",
		"Ａ", "１", "\u0301", "𠀀", "주", "민", "コ", "ー", "ｰ", "ﾃ", "电", "梯", "加", "。", "，", "\xff",
		"\xe4\xb8", "İ", "Σ", "ö", "😀", "9", "\"", "\\", "\x01", "\u2028", "ies", "é", "ß", "〇", "〮"}
	text := func(k int) string {
		var b strings.Builder
		for range k {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	docs := make([]Document, n)
	for i := range docs {
		d := Document{URL: fmt.Sprintf("/d/%d/", i), Title: text(r.IntN(8)), Section: text(1), Text: text(r.IntN(200))}
		for range r.IntN(3) {
			d.Tags = append(d.Tags, text(r.IntN(5)))
		}
		switch r.IntN(50) {
		case 0:
			d.Text += strings.Repeat("梯", 70000)
		case 1:
			d.Text += strings.Repeat(" word", 300)
		case 2:
			d.Title, d.Text, d.Tags = "", "", nil
		}
		docs[i] = d
	}
	return docs
}

// referenceIndex computes what the shards must hold, straight from the
// rules: for each token, its documents in order with their weighted counts,
// and each document's weighted token count.
func referenceIndex(docs []Document) (postings map[string][]int, lengths []int) {
	postings = map[string][]int{}
	lengths = make([]int, len(docs))
	for id, d := range docs {
		counts := map[string]int{}
		add := func(s string, w int) {
			for _, tok := range Tokens(s) {
				counts[tok] += w
				lengths[id] += w
			}
		}
		add(d.Title, weightTitle)
		for _, tag := range d.Tags {
			add(tag, weightTag)
		}
		add(d.Text, weightBody)
		for tok, w := range counts {
			postings[tok] = append(postings[tok], id, w)
		}
	}
	return postings, lengths
}

// TestBuildPostings checks every posting and document length of indexes
// built with one and several parts against referenceIndex.
func TestBuildPostings(t *testing.T) {
	docs := junkDocs(3*minPartDocs+40, 1)
	want, wantLengths := referenceIndex(docs)
	for _, procs := range []int{1, 3} {
		for _, shardBytes := range []int{minShardBytes, DefaultShardBytes} {
			prev := runtime.GOMAXPROCS(procs)
			files, err := Build(docs, Options{ShardBytes: shardBytes})
			runtime.GOMAXPROCS(prev)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("GOMAXPROCS %d, ShardBytes %d", procs, shardBytes)
			var m metaFile
			if err := json.Unmarshal(files[0].Data, &m); err != nil {
				t.Fatalf("%s: meta.json: %v", name, err)
			}
			for i, row := range m.Docs {
				if got := int(row[3].(float64)); got != wantLengths[i] {
					t.Errorf("%s: document %d has length %d, want %d", name, i, got, wantLengths[i])
				}
			}
			got := map[string][]int{}
			for _, f := range files[1:] {
				var shard map[string][]int
				if err := json.Unmarshal(f.Data, &shard); err != nil {
					t.Fatalf("%s: %s: %v", name, f.Path, err)
				}
				for tok, p := range shard {
					// Turn the gaps back into document ids.
					for j, id := 2, p[0]; j < len(p); j += 2 {
						id += p[j]
						p[j] = id
					}
					got[tok] = p
				}
			}
			if len(got) != len(want) {
				t.Errorf("%s: %d tokens, want %d", name, len(got), len(want))
			}
			for tok, p := range want {
				if !slices.Equal(got[tok], p) {
					t.Errorf("%s: token %q has postings %v, want %v", name, tok, got[tok], p)
					break
				}
			}
		}
	}
}

// TestSummary pins the snippets meta.json keeps: nothing for a limit
// that is not positive, else text.Summary's cut.
func TestSummary(t *testing.T) {
	tests := []struct {
		body string
		n    int
		want string
	}{
		{"anything", 0, ""},
		{"anything", -3, ""},
		{"", 10, ""},
		{"  spaced \n\t out   words ", 60, "spaced out words"},
		{"Residents agreed on how to share the cost.", 10, "Residents…"},
		{"加装电梯议事会讨论了费用分摊。居民代表都同意。", 15, "加装电梯议事会讨论了费用分摊。"},
		{"加装电梯议事会讨论了费用分摊。居民代表都同意。", 10, "加装电梯议事会讨论了…"},
		{strings.Repeat("word ", 100), 12, "word word…"},
	}
	for _, tt := range tests {
		if got := summary(tt.body, tt.n); got != tt.want {
			t.Errorf("summary(%.30q, %d) = %q, want %q", tt.body, tt.n, got, tt.want)
		}
	}
}
