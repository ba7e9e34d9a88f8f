package search

import (
	"runtime"
	"sync"
)

// inverted is the in-memory index: every distinct token with its postings.
type inverted struct {
	tokens   []string   // token by id
	postings [][]uint32 // by token id: doc id, weight, doc id, weight, … ascending by doc
	lengths  []int      // by doc id: weighted token count
}

// invert tokenizes every document's title, tags and text and gathers each
// token's weighted count per document. Consecutive runs of documents are
// indexed in parallel (at most GOMAXPROCS at once) and merged in document
// order, so the result does not depend on the number of workers.
func invert(docs []Document) *inverted {
	const minChunk = 256
	workers := min(runtime.GOMAXPROCS(0), (len(docs)+minChunk-1)/minChunk)
	workers = max(workers, 1)
	lengths := make([]int, len(docs))
	parts := make([]*inverted, workers)
	var wg sync.WaitGroup
	for k := range workers {
		lo, hi := k*len(docs)/workers, (k+1)*len(docs)/workers
		wg.Go(func() { parts[k] = invertRange(docs, lo, hi, lengths) })
	}
	wg.Wait()
	if workers == 1 {
		parts[0].lengths = lengths
		return parts[0]
	}
	// Give every token its global id, in first-seen order, and size its
	// merged postings; then fill them part by part, so ids stay ascending.
	ix := &inverted{lengths: lengths}
	ids := make(map[string]int32, len(parts[0].tokens))
	global := make([][]int32, workers) // by part, by local id: global id
	var sizes []int
	for k, part := range parts {
		global[k] = make([]int32, len(part.tokens))
		for local, tok := range part.tokens {
			id, ok := ids[tok]
			if !ok {
				id = int32(len(ix.tokens))
				ids[tok] = id
				ix.tokens = append(ix.tokens, tok)
				sizes = append(sizes, 0)
			}
			global[k][local] = id
			sizes[id] += len(part.postings[local])
		}
	}
	ix.postings = make([][]uint32, len(ix.tokens))
	for k, part := range parts {
		for local, p := range part.postings {
			id := global[k][local]
			if ix.postings[id] == nil && len(p) == sizes[id] {
				ix.postings[id] = p // only this part has the token: no copy
				continue
			}
			if ix.postings[id] == nil {
				ix.postings[id] = make([]uint32, 0, sizes[id])
			}
			ix.postings[id] = append(ix.postings[id], p...)
		}
	}
	return ix
}

// invertRange indexes docs[lo:hi], writing each document's length into
// its slot of lengths. Document ids stay global.
func invertRange(docs []Document, lo, hi int, lengths []int) *inverted {
	ix := &inverted{}
	words := make(map[string]int32) // Latin words
	chars := make(map[uint64]int32) // CJK characters and pairs, by cjkKey
	var weights []uint32            // by token id: weight in the current document
	var touched []int32             // token ids with a weight in the current document
	var buf []byte
	newID := func(t token) int32 {
		id := int32(len(ix.tokens))
		buf = t.appendTo(buf[:0])
		ix.tokens = append(ix.tokens, string(buf))
		ix.postings = append(ix.postings, nil)
		weights = append(weights, 0)
		return id
	}
	var sc scanner
	var w uint32 // weight of the field being scanned
	length := 0
	add := func(t token) {
		var id int32
		var ok bool
		if t.word != nil {
			if id, ok = words[string(t.word)]; !ok {
				id = newID(t)
				words[ix.tokens[id]] = id
			}
		} else {
			key := t.cjkKey()
			if id, ok = chars[key]; !ok {
				id = newID(t)
				chars[key] = id
			}
		}
		if weights[id] == 0 {
			touched = append(touched, id)
		}
		weights[id] += w
		length += int(w)
	}
	for d := lo; d < hi; d++ {
		doc := &docs[d]
		length = 0
		w = weightTitle
		sc.scan(doc.Title, false, add)
		w = weightTag
		for _, tag := range doc.Tags {
			sc.scan(tag, false, add)
		}
		w = weightBody
		sc.scan(doc.Text, false, add)
		for _, id := range touched {
			ix.postings[id] = append(ix.postings[id], uint32(d), weights[id])
			weights[id] = 0
		}
		touched = touched[:0]
		lengths[d] = length
	}
	return ix
}
