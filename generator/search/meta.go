package search

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// formatVersion is meta.json's "v"; it changes when the file layout does.
const formatVersion = 1

// metaHead is the part of meta.json that comes from the shard layout.
type metaHead struct {
	build  string
	routed int
	shards []string
	spill  map[string]int
}

// metaFile is meta.json; the package comment documents each field.
type metaFile struct {
	Version  int            `json:"v"`
	Build    string         `json:"build"`
	Routed   int            `json:"routed"`
	Shards   []string       `json:"shards"`
	Spill    map[string]int `json:"spill"`
	Sections []string       `json:"sections"`
	Docs     [][]any        `json:"docs"`
}

// encodeMeta encodes meta.json: the shard layout and the document table.
// Section names are stored once and referred to by index.
func encodeMeta(docs []Document, lengths []int, summaryLen int, head metaHead) ([]byte, error) {
	m := metaFile{
		Version:  formatVersion,
		Build:    head.build,
		Routed:   head.routed,
		Shards:   append([]string{}, head.shards...),
		Spill:    head.spill,
		Sections: []string{},
		Docs:     make([][]any, len(docs)),
	}
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
		return nil, fmt.Errorf("search: encode meta.json: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
