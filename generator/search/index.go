package search

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
)

// Index is one language's search index kept in memory, so that an edit
// to one document updates its files without building them again. Files
// gives the same bytes as Build of the current documents.
//
// An Index is not safe for concurrent use. The Data of a File it returns
// is never written to again, also not by a later Replace, so a caller may
// keep and read it while the Index changes.
type Index struct {
	limit  int         // shard size limit in bytes
	lex    lexicon     // every term met, by term id
	fwd    forward     // every document's terms
	meta   metaTable   // meta.json's document table, row by row
	files  []shardFile // the shard files in order
	routed int         // the first routed files are found by hash
	total  int         // size of all entries as one shard: 1 + Σ(entry size + 1)
	names  []string    // by file: its name
	data   []byte      // meta.json

	// Scratch space reused by Replace.
	scan    scanner
	counts  tally
	seen    []bool   // by index in counts.ids: the old list has the term too
	sorted  []uint64 // the new list as id<<32 | weight
	entries []byte   // the new entries of changed terms, back to back
}

// shardFile is one shard file: its bytes, its entries' terms in token
// order, and the CRC-32 (IEEE) of its bytes.
type shardFile struct {
	data    []byte
	members []uint32
	crc     uint32
}

// NewIndex indexes one language's documents: the work of Build, plus the
// tables Replace needs (each document's terms, and each token's term). A
// document's id is its position in docs. The Index keeps no document's
// text, only its terms.
func NewIndex(docs []Document, opts Options) (*Index, error) {
	return newIndex(docs, opts, true)
}

// newIndex is NewIndex; when replaceable is false it leaves out what only
// Replace needs, the forward lists, for Build.
func newIndex(docs []Document, opts Options, replaceable bool) (*Index, error) {
	limit, err := shardLimit(opts.ShardBytes)
	if err != nil {
		return nil, err
	}
	if len(docs) > maxDocs {
		return nil, fmt.Errorf("search: %d documents are more than the %d an index holds", len(docs), maxDocs)
	}
	for i, d := range docs {
		if d.URL == "" {
			return nil, fmt.Errorf("search: document %d (%q) has no URL", i, d.Title)
		}
	}
	lengths := make([]int, len(docs))
	parts := indexParts(docs, lengths)
	terms := mergeParts(parts)
	sizes, hashes := terms.measure(parts)
	lay := plan(sizes, hashes, limit)

	// The three only read what the others read, so they run at once.
	var shards shardBytes
	var lex lexicon
	var fwd forward
	inParallel(3, func(k int) {
		switch k {
		case 0:
			shards = writeShards(parts, &terms, sizes, lay)
		case 1:
			lex = loadLexicon(parts, &terms, sizes, hashes)
		case 2:
			if replaceable {
				fwd = buildForward(parts, &terms, len(docs))
			}
		}
	})
	meta := newMetaTable(docs, lengths, opts.Summary)
	return indexOf(limit, lex, fwd, meta, sizes, lay, shards.file, shards.crcs()), nil
}

// indexOf makes an Index of the shards written as lay places them, file
// f's bytes being file(f), whose terms are lex's ids and have entries of
// sizes bytes, and whose files' CRC-32s are crcs; fwd holds the
// documents' forward lists and meta their rows. It sets each term's place
// in its file and encodes meta.json.
func indexOf(limit int, lex lexicon, fwd forward, meta metaTable, sizes []int, lay layout, file func(f int) []byte, crcs []uint32) *Index {
	x := &Index{limit: limit, lex: lex, fwd: fwd, meta: meta, routed: lay.routed, total: 1, counts: newTally()}
	for _, size := range sizes {
		x.total += size + 1
	}
	x.files = make([]shardFile, len(lay.files))
	for f, members := range lay.files {
		sf := shardFile{data: file(f), members: make([]uint32, len(members)), crc: crcs[f]}
		at := uint32(1)
		for k, i := range members {
			sf.members[k] = uint32(i)
			t := &x.lex.terms[i]
			t.file, t.at = uint32(f), at
			at += t.size + 1
		}
		x.files[f] = sf
	}
	x.names = shardNames(len(x.files))
	x.data = x.encodeMeta()
	return x
}

// Files returns the index files: meta.json first, then the shards in
// order, exactly as Build of the current documents returns them. The
// caller must not modify the Data.
func (x *Index) Files() []File {
	out := make([]File, 0, 1+len(x.files))
	out = append(out, File{Path: MetaFile, Data: x.data})
	for f := range x.files {
		out = append(out, File{Path: x.names[f], Data: x.files[f].data})
	}
	return out
}

// Len returns the number of documents.
func (x *Index) Len() int {
	return len(x.meta.rows)
}

// encodeMeta encodes meta.json from the current shards and rows.
func (x *Index) encodeMeta() []byte {
	build := buildID(len(x.files), func(f int) uint32 { return x.files[f].crc })
	head := metaHead{build: build, routed: x.routed, shards: x.names}
	for f := x.routed; f < len(x.files); f++ {
		for _, id := range x.files[f].members {
			head.spill = append(head.spill, spilled{x.lex.token(id, new([8]byte)), f})
		}
	}
	slices.SortFunc(head.spill, func(a, b spilled) int { return bytes.Compare(a.token, b.token) })
	return x.meta.encode(head)
}

// buildID is meta.json's build for n shard files, whose CRC-32s (IEEE)
// crc gives: the 32-bit FNV-1a hash of each CRC as four big-endian bytes,
// in file order. It changes when any shard's bytes do, without hashing
// them all again.
func buildID(n int, crc func(f int) uint32) uint32 {
	h := fnvOffset
	for f := range n {
		var b [4]byte
		binary.BigEndian.PutUint32(b[:], crc(f))
		h = fnvAppend(h, b[:])
	}
	return h
}

// loadLexicon makes the lexicon of the merged terms of parts, whose entry
// sizes and token hashes are sizes and hashes: a term's id is its position
// in token order. It only reads the parts, so it may run beside
// writeShards.
func loadLexicon(parts []*part, m *merged, sizes []int, hashes []uint32) lexicon {
	n := m.terms()
	words := 0
	for i := range n {
		r := m.recs[m.starts[i]]
		if parts[r.part].refs[r.rank]&wordRef != 0 {
			words++
		}
	}
	lex := newLexicon(n-words, words)
	for i := range n {
		r := m.recs[m.starts[i]]
		p := parts[r.part]
		if ref := p.refs[r.rank]; ref&wordRef == 0 {
			lex.keys.intern(cjkKey(ref), uint32(i))
			lex.add(ref, hashes[i])
		} else {
			w := p.words.word(uint32(ref &^ wordRef))
			lex.addWord(w, lex.words.hash(w), hashes[i])
		}
		lex.terms[i].size = uint32(sizes[i])
	}
	return lex
}

// shardNames returns the names of n shard files.
func shardNames(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = shardName(i, n)
	}
	return names
}
