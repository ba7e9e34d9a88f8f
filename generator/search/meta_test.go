package search

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"testing"
)

// referenceMeta encodes meta.json with encoding/json, the way Build wrote
// it before rows were kept encoded: the layout fields from head, the
// document table from docs and their weighted token counts.
func referenceMeta(t *testing.T, docs []Document, lengths []int, summaryLen int, head metaFile) []byte {
	t.Helper()
	m := metaFile{Version: formatVersion, Build: head.Build, Routed: head.Routed, Shards: head.Shards,
		Spill: head.Spill, Sections: []string{}, Docs: make([][]any, len(docs))}
	sections := map[string]int{}
	for i, d := range docs {
		sec, ok := sections[d.Section]
		if !ok {
			sec = len(m.Sections)
			sections[d.Section] = sec
			m.Sections = append(m.Sections, d.Section)
		}
		row := []any{d.URL, d.Title, sec, lengths[i]}
		if s := summary(d.Text, summaryLen); s != "" {
			row = append(row, s)
		}
		m.Docs[i] = row
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// wantBuild is meta.json's build for shards, from its definition.
func wantBuild(shards ...[]byte) string {
	var crcs []byte
	for _, s := range shards {
		crcs = binary.BigEndian.AppendUint32(crcs, crc32.ChecksumIEEE(s))
	}
	return fmt.Sprintf("%08x", fnv1a32(string(crcs)))
}

// TestMetaEncoding checks meta.json, written from rows kept encoded,
// against encoding/json, for documents with every kind of text and with
// and without summaries, and its build against its definition.
func TestMetaEncoding(t *testing.T) {
	docs := junkDocs(300, 5)
	docs[3].Section = "a\u2028b<&>\x7f"
	docs[4].Title = "\xe4\xb8 \b\f\n\r\t\x00\x1f"
	_, lengths := referenceIndex(docs)
	for _, opts := range []Options{{ShardBytes: minShardBytes}, {Summary: 7}} {
		files, err := Build(docs, opts)
		if err != nil {
			t.Fatal(err)
		}
		var head metaFile
		if err := json.Unmarshal(files[0].Data, &head); err != nil {
			t.Fatal(err)
		}
		if want := referenceMeta(t, docs, lengths, opts.Summary, head); !bytes.Equal(files[0].Data, want) {
			t.Errorf("%+v: meta.json =\n%.300s\nwant\n%.300s", opts, files[0].Data, want)
		}
		var shards [][]byte
		for _, f := range files[1:] {
			shards = append(shards, f.Data)
		}
		if want := wantBuild(shards...); head.Build != want {
			t.Errorf("%+v: build %s, want %s", opts, head.Build, want)
		}
	}
}
