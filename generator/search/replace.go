package search

import (
	"bytes"
	"fmt"
	"slices"
)

// change is a term whose entry an edit changes, and the size its entry
// had before. From the edit until the new layout is committed, the term's
// termInfo has file pending and its new entry lies in Index.entries at
// termInfo.at, or it has size 0 and no file when no document holds the
// term any more.
type change struct {
	id      uint32
	oldSize uint32
}

// pending is termInfo.file of a changed term whose new entry is in
// Index.entries.
const pending = noFile - 1

// Replace makes document i read d, which keeps id i, and returns the files
// that this changes, so that Files afterwards equals Build of the new
// documents. The result lists every file whose bytes differ from before or
// that is new, in the order Files gives them (meta.json first), and then a
// File with nil Data for each shard file that no longer exists, which the
// caller deletes; a file with data is never empty. A file not listed is
// unchanged. An edit that changes nothing returns nothing.
//
// An edit rewrites the shards that hold the terms whose postings it
// changes, and meta.json. When the shards' total size crosses a boundary
// of their number, every token is routed again and every shard written,
// still only those whose bytes differ are returned; when the number of
// shards changes, so may the width of every shard's name. On an error the
// Index is as it was.
func (x *Index) Replace(i int, d Document) ([]File, error) {
	if i < 0 || i >= x.Len() {
		return nil, fmt.Errorf("search: replace document %d of an index of %d", i, x.Len())
	}
	if d.URL == "" {
		return nil, fmt.Errorf("search: document %d (%q) has no URL", i, d.Title)
	}
	length := x.count(&d)
	list, changes := x.diff(uint32(i))
	oldFiles, oldNames := x.files, x.names
	var written []bool
	if len(changes) > 0 {
		written = x.relayout(changes)
	}
	x.fwd.docs[i] = list
	x.meta.setRow(i, &d, length)

	var out []File
	if data := x.encodeMeta(); !bytes.Equal(data, x.data) {
		x.data = data
		out = append(out, File{Path: MetaFile, Data: data})
	}
	for f := range x.files {
		if f >= len(oldFiles) || x.names[f] != oldNames[f] ||
			f < len(written) && written[f] && !bytes.Equal(x.files[f].data, oldFiles[f].data) {
			out = append(out, File{Path: x.names[f], Data: x.files[f].data})
		}
	}
	if len(oldNames) != len(x.names) {
		kept := make(map[string]bool, len(x.names))
		for _, name := range x.names {
			kept[name] = true
		}
		for _, name := range oldNames {
			if !kept[name] {
				out = append(out, File{Path: name})
			}
		}
	}
	return out, nil
}

// count tallies the weighted terms of d in x.counts, adding terms the
// Index has not met, and returns d's weighted token count.
func (x *Index) count(d *Document) int {
	x.counts.reset()
	length := 0
	var w uint32
	add := func(batch []token, words []byte) {
		start := 0
		for _, t := range batch {
			var id uint32
			if t&wordToken != 0 {
				end := int(t &^ wordToken)
				id = x.lex.word(stem(words[start:end]))
				start = end
			} else {
				id = x.lex.key(cjkKey(t))
			}
			x.counts.add(id, w)
		}
		length += len(batch) * int(w)
	}
	scanFields(&x.scan, d, &w, add)
	return length
}

// diff compares document doc's terms before, in its forward list, with
// those now in x.counts. It returns the new forward list and a change
// with the new entry for each term whose weight differs, and keeps
// x.total up to date.
func (x *Index) diff(doc uint32) ([]byte, []change) {
	n := len(x.counts.ids)
	x.seen = slices.Grow(x.seen[:0], n)[:n]
	clear(x.seen)
	x.entries = x.entries[:0]
	var changes []change
	eachTerm(x.fwd.docs[doc], func(id, w uint32) {
		now := uint32(0)
		if k, ok := x.counts.find(id); ok {
			x.seen[k] = true
			now = x.counts.weights[k]
		}
		if now != w {
			changes = append(changes, x.edit(id, doc, now))
		}
	})
	x.sorted = x.sorted[:0]
	for k, id := range x.counts.ids {
		w := x.counts.weights[k]
		if !x.seen[k] {
			changes = append(changes, x.edit(id, doc, w))
		}
		x.sorted = append(x.sorted, uint64(id)<<32|uint64(w))
	}
	slices.Sort(x.sorted)
	return appendList(make([]byte, 0, 3*len(x.sorted)), x.sorted), changes
}

// edit writes term id's entry with document doc's weight set to w, 0
// taking the document out, into x.entries, and marks the term pending.
func (x *Index) edit(id, doc, w uint32) change {
	t := &x.lex.terms[id]
	c := change{id: id, oldSize: t.size}
	off := len(x.entries)
	if t.size == 0 {
		var buf [8]byte
		x.entries = newEntry(x.entries, x.lex.token(id, &buf), doc, w)
	} else {
		x.entries, _ = spliceEntry(x.entries, x.files[t.file].data[t.at:t.at+t.size], doc, w)
	}
	size := len(x.entries) - off
	x.total += entryCost(size) - entryCost(int(t.size))
	t.file, t.at, t.size = pending, uint32(off), uint32(size)
	if size == 0 {
		t.file, t.at = noFile, 0
	}
	return c
}

// entryCost is what an entry of size bytes adds to Index.total: its size
// and a comma, or nothing for a term no document holds.
func entryCost(size int) int {
	if size == 0 {
		return 0
	}
	return size + 1
}
