package search

import "encoding/json"

// Stats measures index files made by Build: the number of documents in
// meta.json, the number of distinct tokens across the shards, and the
// total size of all files in bytes. A file it cannot read counts nothing.
func Stats(files []File) (docs, tokens, bytes int) {
	for _, f := range files {
		bytes += len(f.Data)
		if f.Path == MetaFile {
			var m struct {
				Docs []json.RawMessage `json:"docs"`
			}
			if json.Unmarshal(f.Data, &m) == nil {
				docs = len(m.Docs)
			}
			continue
		}
		var shard map[string]json.RawMessage
		if json.Unmarshal(f.Data, &shard) == nil {
			tokens += len(shard)
		}
	}
	return docs, tokens, bytes
}
