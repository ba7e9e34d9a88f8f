package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

func TestBuildFormat(t *testing.T) {
	docs := []Document{
		{URL: "/a/", Title: "Train", Section: "s", Tags: []string{"training"}, Text: "trains trained 电梯"},
		{URL: "/b/", Title: "Stairs", Section: "s", Text: "train"},
		{URL: "/c/", Title: "Train", Section: "t"},
	}
	files, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Path != "meta.json" || files[1].Path != "shard-00.json" {
		t.Fatalf("files = %v, want meta.json and shard-00.json", paths(files))
	}
	// "train": 5 (title) + 3 (tag) + 2 (body) in /a/, then gaps of 1.
	wantShard := `{"stair":[1,5],"train":[0,10,1,1,1,5],"梯":[0,1],"电":[0,1],"电梯":[0,1]}`
	if got := string(files[1].Data); got != wantShard {
		t.Errorf("shard-00.json =\n%s\nwant\n%s", got, wantShard)
	}
	wantMeta := fmt.Sprintf(`{"v":1,"build":"%s","routed":1,"shards":["shard-00.json"],"spill":{},`+
		`"sections":["s","t"],"docs":[["/a/","Train",0,13],["/b/","Stairs",0,6],["/c/","Train",1,5]]}`,
		wantBuild([]byte(wantShard)))
	if got := string(files[0].Data); got != wantMeta {
		t.Errorf("meta.json =\n%s\nwant\n%s", got, wantMeta)
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name string
		docs []Document
		opts Options
		want string
	}{
		{"no URL", []Document{{Title: "x"}}, Options{}, "has no URL"},
		{"tiny shards", []Document{{URL: "/x/"}}, Options{ShardBytes: 100}, "below the minimum"},
		{"negative shards", nil, Options{ShardBytes: -1}, "below the minimum"},
	}
	for _, tc := range tests {
		_, err := Build(tc.docs, tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to say %q", tc.name, err, tc.want)
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		docs := synthetic(1200, 600, lang, 3)
		opts := Options{ShardBytes: 4096, Summary: 20}
		prev := runtime.GOMAXPROCS(1)
		one, err := Build(docs, opts)
		runtime.GOMAXPROCS(4)
		four, err2 := Build(docs, opts)
		again, err3 := Build(docs, opts)
		runtime.GOMAXPROCS(prev)
		if err != nil || err2 != nil || err3 != nil {
			t.Fatal(err, err2, err3)
		}
		for _, other := range [][]File{four, again} {
			if len(other) != len(one) {
				t.Fatalf("%s: %d files, then %d", lang, len(one), len(other))
			}
			for i := range one {
				if one[i].Path != other[i].Path || !bytes.Equal(one[i].Data, other[i].Data) {
					t.Fatalf("%s: %s differs between builds", lang, one[i].Path)
				}
			}
		}
	}
}

func TestShardRouting(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		const limit = 2048
		docs := synthetic(400, 800, lang, 5)
		files, err := Build(docs, Options{ShardBytes: limit})
		if err != nil {
			t.Fatal(err)
		}
		var m metaFile
		if err := json.Unmarshal(files[0].Data, &m); err != nil {
			t.Fatal(err)
		}
		if len(m.Shards) != len(files)-1 || m.Routed < 2 || len(m.Spill) == 0 {
			t.Fatalf("%s: %d shards (%d routed, %d spilled tokens) in %d files; want several of each",
				lang, len(m.Shards), m.Routed, len(m.Spill), len(files))
		}
		seen := map[string]bool{}
		for i, f := range files[1:] {
			if f.Path != m.Shards[i] {
				t.Errorf("%s: file %d is %s, meta.json says %s", lang, i+1, f.Path, m.Shards[i])
			}
			var shard map[string][]int
			if err := json.Unmarshal(f.Data, &shard); err != nil {
				t.Fatalf("%s: %s: %v", lang, f.Path, err)
			}
			if len(f.Data) > limit && len(shard) > 1 {
				t.Errorf("%s: %s is %d bytes with %d tokens; want at most %d", lang, f.Path, len(f.Data), len(shard), limit)
			}
			for tok := range shard {
				if got := shardOf(tok, m.Routed, m.Spill); got != i {
					t.Errorf("%s: token %q is in shard %d but routes to %d", lang, tok, i, got)
				}
				if _, spilled := m.Spill[tok]; spilled != (i >= m.Routed) {
					t.Errorf("%s: token %q in shard %d of %d routed: spill entry %v", lang, tok, i, m.Routed, spilled)
				}
				seen[tok] = true
			}
		}
		// Every token of every document is in exactly the shards, no more.
		want := map[string]bool{}
		for _, d := range docs {
			for _, s := range append([]string{d.Title, d.Text}, d.Tags...) {
				for _, tok := range Tokens(s) {
					want[tok] = true
				}
			}
		}
		if len(seen) != len(want) {
			t.Errorf("%s: shards hold %d tokens, documents have %d", lang, len(seen), len(want))
		}
		for tok := range want {
			if !seen[tok] {
				t.Errorf("%s: token %q is in no shard", lang, tok)
				break
			}
		}
		if d, tok, size := Stats(files); d != len(docs) || tok != len(want) || size != totalSize(files) {
			t.Errorf("%s: Stats = %d, %d, %d; want %d, %d, %d", lang, d, tok, size, len(docs), len(want), totalSize(files))
		}
	}
}

func TestShardName(t *testing.T) {
	tests := []struct {
		i, n int
		want string
	}{
		{0, 1, "shard-00.json"},
		{9, 10, "shard-09.json"},
		{99, 100, "shard-99.json"},
		{7, 101, "shard-007.json"},
		{1234, 1500, "shard-1234.json"},
	}
	for _, tc := range tests {
		if got := shardName(tc.i, tc.n); got != tc.want {
			t.Errorf("shardName(%d, %d) = %q, want %q", tc.i, tc.n, got, tc.want)
		}
	}
}

func paths(files []File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Path)
	}
	return out
}

func totalSize(files []File) int {
	n := 0
	for _, f := range files {
		n += len(f.Data)
	}
	return n
}
