package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// BM25 parameters. search.js writes the same four literals, so that no
// constant is computed differently in the two languages.
const (
	bm25K1       = 1.2
	bm25K1Plus1  = 2.2
	bm25B        = 0.75
	bm25OneLessB = 0.25
)

// Hit is one search result.
type Hit struct {
	ID      int     // document id: the document's position in Build's input
	URL     string  // the document's URL
	Title   string  // the document's title
	Section string  // the document's section
	Summary string  // the stored snippet, or "" when Options.Summary was 0
	Score   float64 // BM25 score; higher is better
}

// Search answers query from the files Build made, exactly as search.js
// does in the browser: it reads meta.json and only the shards that hold the
// query's terms, keeps the documents that hold every term, and ranks them
// by score, highest first, ties by id. A query without tokens has no hits.
// It is the reference the client is tested against.
func Search(files []File, query string) ([]Hit, error) {
	byPath := make(map[string][]byte, len(files))
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	var m metaFile
	if err := json.Unmarshal(byPath[MetaFile], &m); err != nil {
		return nil, fmt.Errorf("search: read meta.json: %w", err)
	}
	terms := queryTerms(query)
	if len(terms) == 0 || len(m.Docs) == 0 || m.Routed < 1 {
		return nil, nil
	}
	docs, err := readDocs(m)
	if err != nil {
		return nil, err
	}
	sum := 0
	for _, d := range docs {
		sum += d.length
	}
	avg := float64(sum) / float64(len(docs))

	shards := map[int]map[string][]int{}
	scores := map[int]float64{}
	matched := map[int]int{}
	for _, term := range terms {
		f := shardOf(term, m.Routed, m.Spill)
		if f >= len(m.Shards) {
			return nil, fmt.Errorf("search: token %q routes to shard %d of %d", term, f, len(m.Shards))
		}
		shard, ok := shards[f]
		if !ok {
			if err := json.Unmarshal(byPath[m.Shards[f]], &shard); err != nil {
				return nil, fmt.Errorf("search: read %s: %w", m.Shards[f], err)
			}
			shards[f] = shard
		}
		p := shard[term]
		if len(p) == 0 {
			return nil, nil
		}
		df := len(p) / 2
		id := 0
		for j := 0; j+1 < len(p); j += 2 {
			id += p[j]
			if id < 0 || id >= len(docs) {
				return nil, fmt.Errorf("search: token %q lists document %d of %d", term, id, len(docs))
			}
			scores[id] += bm25(p[j+1], docs[id].length, avg, df, len(docs))
			matched[id]++
		}
	}
	var hits []Hit
	for id, n := range matched {
		if n == len(terms) {
			d := docs[id]
			hits = append(hits, Hit{ID: id, URL: d.url, Title: d.title, Section: d.section, Summary: d.summary, Score: scores[id]})
		}
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return hits, nil
}

// bm25 is one term's score in one document: weighted count w, document
// length, average length, the term's document frequency df and the number
// of documents n. The conversions keep every step rounded as JavaScript
// rounds it (no fused multiply-add).
func bm25(w, length int, avg float64, df, n int) float64 {
	idf := math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
	norm := bm25K1 * (bm25OneLessB + float64(bm25B*float64(length))/avg)
	tf := float64(w)
	return float64(idf*float64(tf*bm25K1Plus1)) / (tf + norm)
}

// docRow is one decoded row of meta.json's docs table.
type docRow struct {
	url, title, section, summary string
	length                       int
}

// readDocs decodes meta.json's docs table.
func readDocs(m metaFile) ([]docRow, error) {
	out := make([]docRow, len(m.Docs))
	for i, row := range m.Docs {
		if len(row) < 4 {
			return nil, fmt.Errorf("search: meta.json document %d has %d fields, want 4 or 5", i, len(row))
		}
		url, ok1 := row[0].(string)
		title, ok2 := row[1].(string)
		sec, ok3 := row[2].(float64)
		length, ok4 := row[3].(float64)
		if !ok1 || !ok2 || !ok3 || !ok4 || int(sec) < 0 || int(sec) >= len(m.Sections) {
			return nil, fmt.Errorf("search: meta.json document %d is malformed", i)
		}
		out[i] = docRow{url: url, title: title, section: m.Sections[int(sec)], length: int(length)}
		if len(row) > 4 {
			out[i].summary, _ = row[4].(string)
		}
	}
	return out, nil
}
