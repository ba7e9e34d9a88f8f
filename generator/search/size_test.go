package search

import (
	"encoding/json"
	"testing"
)

// TestIndexSize measures the index of a generated 10,000-page site of
// about 3 KB of text a page, per language, and keeps meta.json small enough
// to load at once. The numbers go in the README.
func TestIndexSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two 10,000-page indexes")
	}
	const metaBound = 2 << 20 // generous: the aim is about 1.5 MB
	for _, lang := range []string{"zh", "en"} {
		docs := synthetic(10000, 3000, lang, 1)
		files, err := Build(docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		nDocs, nTokens, size := Stats(files)
		var m metaFile
		if err := json.Unmarshal(files[0].Data, &m); err != nil {
			t.Fatal(err)
		}
		largest, over := 0, 0
		for _, f := range files[1:] {
			largest = max(largest, len(f.Data))
			if len(f.Data) <= DefaultShardBytes {
				continue
			}
			over++
			var shard map[string]json.RawMessage
			if err := json.Unmarshal(f.Data, &shard); err != nil || len(shard) != 1 {
				t.Errorf("%s: %s is %d bytes and holds %d tokens; only a single-token shard may pass %d",
					lang, f.Path, len(f.Data), len(shard), DefaultShardBytes)
			}
		}
		meta := len(files[0].Data)
		t.Logf("%s: %d docs, %d tokens, %d bytes in %d shards (%d routed, %d tokens spilled, largest %d bytes, %d single-token shards over the limit), meta.json %d bytes",
			lang, nDocs, nTokens, size, len(files)-1, m.Routed, len(m.Spill), largest, over, meta)

		// A summary's cost: encode the same table again with one.
		lengths := make([]int, len(docs))
		for i, row := range m.Docs {
			lengths[i] = int(row[3].(float64))
		}
		for _, n := range []int{60, 120} {
			withSummary := referenceMeta(t, docs, lengths, n, m)
			t.Logf("%s: meta.json with %d-character summaries: %d bytes", lang, n, len(withSummary))
		}
		if nDocs != len(docs) {
			t.Errorf("%s: Stats counts %d documents, want %d", lang, nDocs, len(docs))
		}
		if meta > metaBound {
			t.Errorf("%s: meta.json is %d bytes, want at most %d", lang, meta, metaBound)
		}
	}
}
