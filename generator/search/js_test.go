package search

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// clientScript is the browser client that must agree with this package.
const clientScript = "../../themes/default/static/js/search.js"

// harness runs the client's pure functions on a JSON request from stdin.
const harness = `
const core = require(process.argv[2]);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const search = (ix, q) => {
  const terms = core.queryTerms(q);
  const lists = terms.map(t => {
    const shard = ix.shards[ix.meta.shards[core.shardOf(ix.meta, t)]];
    return own(shard, t) ? shard[t] : undefined;
  });
  return core.rank(ix.meta, terms, lists).map(h => ({url: h.url, score: h.score}));
};
process.stdout.write(JSON.stringify({
  tokens: input.texts.map(core.tokens),
  terms: input.texts.map(core.queryTerms),
  hashes: input.texts.map(core.fnv1a32),
  stems: input.words.map(core.stem),
  marks: input.marks.map(m => core.highlight(m.text, core.queryTerms(m.query))
    .map(([s, on]) => on ? '<mark>' + s + '</mark>' : s).join('')),
  searches: input.searches.map(s => s.queries.map(q => search(input.indexes[s.index], q))),
}));
`

// jsIndex is one index as the harness reads it.
type jsIndex struct {
	Meta   json.RawMessage            `json:"meta"`
	Shards map[string]json.RawMessage `json:"shards"`
}

type jsSearches struct {
	Index   int      `json:"index"`
	Queries []string `json:"queries"`
}

type jsHit struct {
	URL   string  `json:"url"`
	Score float64 `json:"score"`
}

// nodeOrSkip returns the node binary, skipping the test when there is
// none, except on CI (CI=true), where that fails.
func nodeOrSkip(t *testing.T) string {
	t.Helper()
	if path, err := exec.LookPath("node"); err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("node is not installed; CI must run the search.js comparison")
	}
	t.Skip("node is not installed: skipping the comparison with search.js")
	return ""
}

// TestClientAgrees runs search.js under node on the same input as the Go
// code: tokens, query terms, stems, shard hashes, highlighting and whole
// searches over sharded indexes with spilled tokens, and wants the same
// answers.
func TestClientAgrees(t *testing.T) {
	node := nodeOrSkip(t)
	script, err := filepath.Abs(clientScript)
	if err != nil {
		t.Fatal(err)
	}

	texts := []string{
		"İstanbul ΣΟΦΙΑ café naïve", "O'Brien’s 'quote' a'b'c x' '", "१२३ ٤٥ ① ²",
		"ﾃｽﾄｰ ｶﾀｶﾅ", "社区“四能”领袖：启能、赋能、展能、传能。", "emoji 😀 between 电梯😀议事",
		"Ａｐｐｌｅ＆ｏｒａｎｇｅ", "snake_case kebab-case CamelCase", "",
		strings.Repeat("加装电梯 Elevators training 2024年 ", 3),
	}
	for _, tc := range tokenCases {
		texts = append(texts, tc.in)
	}
	var words []string
	for _, tc := range stemCases {
		words = append(words, tc.in)
	}
	marks := []struct {
		Text  string `json:"text"`
		Query string `json:"query"`
		want  string
	}{
		{"加装电梯议事会", "电梯", "加装<mark>电梯</mark>议事会"},
		{"加装电梯议事会", "梯", "加装电<mark>梯</mark>议事会"},
		{"加装电梯议事会", "加装电梯", "<mark>加装电梯</mark>议事会"},
		{"Elevator retrofit", "elevators", "<mark>Elevator</mark> retrofit"},
		{"The leader's training", "leaders train", "The <mark>leader's</mark> <mark>training</mark>"},
		{"𠀀𠀁 and 电梯", "𠀁 电梯", "𠀀<mark>𠀁</mark> and <mark>电梯</mark>"},
		{"No match here", "elevator", "No match here"},
	}

	// Two sharded indexes with spilled tokens, and queries from their titles.
	var indexes []jsIndex
	var searches []jsSearches
	var built [][]File
	for i, lang := range []string{"zh", "en"} {
		docs := synthetic(300, 700, lang, 11)
		files, err := Build(docs, Options{ShardBytes: 2048, Summary: 10})
		if err != nil {
			t.Fatal(err)
		}
		ix := jsIndex{Meta: files[0].Data, Shards: map[string]json.RawMessage{}}
		for _, f := range files[1:] {
			ix.Shards[f.Path] = f.Data
		}
		s := jsSearches{Index: i}
		for _, d := range docs[:40] {
			r := []rune(d.Title)
			s.Queries = append(s.Queries, d.Title, string(r[:min(len(r), 3)]), string(r[len(r)/2:]))
		}
		s.Queries = append(s.Queries, "", "?", "zzzz")
		indexes = append(indexes, ix)
		searches = append(searches, s)
		built = append(built, files)
	}

	input, err := json.Marshal(map[string]any{
		"texts": texts, "words": words, "marks": marks, "indexes": indexes, "searches": searches,
	})
	if err != nil {
		t.Fatal(err)
	}
	harnessFile := filepath.Join(t.TempDir(), "harness.js")
	if err := os.WriteFile(harnessFile, []byte(harness), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, harnessFile, script)
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got struct {
		Tokens   [][]string  `json:"tokens"`
		Terms    [][]string  `json:"terms"`
		Hashes   []uint32    `json:"hashes"`
		Stems    []string    `json:"stems"`
		Marks    []string    `json:"marks"`
		Searches [][][]jsHit `json:"searches"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node output: %v\n%s", err, out)
	}

	for i, s := range texts {
		if want := Tokens(s); !slices.Equal(got.Tokens[i], want) {
			t.Errorf("tokens(%q): js %q, go %q", s, got.Tokens[i], want)
		}
		if want := queryTerms(s); !slices.Equal(got.Terms[i], want) {
			t.Errorf("queryTerms(%q): js %q, go %q", s, got.Terms[i], want)
		}
		if want := fnv1a32(s); got.Hashes[i] != want {
			t.Errorf("fnv1a32(%q): js %d, go %d", s, got.Hashes[i], want)
		}
	}
	for i, w := range words {
		if want := string(stem([]byte(w))); got.Stems[i] != want {
			t.Errorf("stem(%q): js %q, go %q", w, got.Stems[i], want)
		}
	}
	for i, m := range marks {
		if got.Marks[i] != m.want {
			t.Errorf("highlight(%q, %q) = %q, want %q", m.Text, m.Query, got.Marks[i], m.want)
		}
	}
	found := 0
	for i, s := range searches {
		for j, q := range s.Queries {
			hits, err := Search(built[i], q)
			if err != nil {
				t.Fatal(err)
			}
			js := got.Searches[i][j]
			if len(js) != len(hits) {
				t.Errorf("search %q: js %d hits, go %d", q, len(js), len(hits))
				continue
			}
			for k, h := range hits {
				if js[k].URL != h.URL || math.Abs(js[k].Score-h.Score) > 1e-12*math.Abs(h.Score) {
					t.Errorf("search %q hit %d: js %s %v, go %s %v", q, k, js[k].URL, js[k].Score, h.URL, h.Score)
					break
				}
			}
			if len(hits) > 0 {
				found++
			}
		}
	}
	if total := len(searches[0].Queries) + len(searches[1].Queries); found < total/2 {
		t.Errorf("only %d of %d comparison queries found anything; the comparison is too weak", found, total)
	}
}
