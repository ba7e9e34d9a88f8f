package search

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

// Builder makes one language's index from documents given one at a time,
// in any order and from any number of goroutines, keeping of each only
// what the index needs: its terms and their weights, a few bytes a term,
// and its row of meta.json. It never keeps a document's text, so a caller
// can drop each text once it is added.
//
// Add is safe for concurrent use. WriteFiles, Files or Index is called
// once, after every Add has returned; the Builder is spent then.
type Builder struct {
	limit int          // shard size limit in bytes
	group int          // the most bytes of a run of shard files written at once (groupBytes)
	table *sharedTable // every term met, by shared id
	lists [][]byte     // by document: its terms as a banded list of shared ids, and streamPad bytes
	meta  metaTable    // rows and splits are written by Add; sections under mu
	added []atomic.Bool

	spread   int          // the fewest postings a document has in a run on average (runPostings), or 0: see runBytes
	postings atomic.Int64 // the terms of the documents added, each document's counted once

	mu    sync.Mutex
	free  []*adder // adders not in use
	err   error    // the first error of an Add
	spent bool     // WriteFiles, Files or Index has been called
}

// errSpent is the error of a Builder used after WriteFiles, Files or
// Index.
var errSpent = errors.New("search: the builder's index was already made")

// NewBuilder returns a Builder of an index of n documents, whose ids are
// 0 to n-1: the document added as id i is the i-th of Build's input.
func NewBuilder(n int, opts Options) (*Builder, error) {
	limit, err := shardLimit(opts.ShardBytes)
	if err != nil {
		return nil, err
	}
	if n < 0 || n > maxDocs {
		return nil, fmt.Errorf("search: %d documents; an index holds 0 to %d", n, maxDocs)
	}
	return &Builder{
		limit:  limit,
		group:  groupBytes,
		spread: runPostings,
		table:  newSharedTable(),
		lists:  make([][]byte, n),
		meta:   makeMetaTable(n, opts.Summary),
		added:  make([]atomic.Bool, n),
	}, nil
}

// Add indexes d as document i. Each id is added once, and every id before
// the files are made. Add tokenizes d at once; the Builder keeps none of d's strings
// but its section name.
func (b *Builder) Add(i int, d Document) error {
	if i < 0 || i >= len(b.added) {
		return fmt.Errorf("search: add document %d of a builder of %d", i, len(b.added))
	}
	if d.URL == "" {
		return fmt.Errorf("search: document %d (%q) has no URL", i, d.Title)
	}
	a, err := b.take()
	if err != nil {
		return err
	}
	if b.added[i].Swap(true) {
		b.put(a, nil)
		return fmt.Errorf("search: document %d added twice", i)
	}
	list, length, err := a.terms(&d)
	if err != nil {
		b.put(a, err)
		return err
	}
	b.lists[i] = a.lists.keep(list)
	b.postings.Add(int64(len(a.list)))
	a.row, b.meta.split[i] = appendRow(a.row[:0], &d, length, b.meta.summary)
	b.meta.rows[i] = a.rows.keep(a.row)
	b.mu.Lock()
	b.meta.sec[i] = b.meta.section(d.Section)
	b.mu.Unlock()
	b.put(a, nil)
	return nil
}

// put returns a to the adders not in use, and keeps err if it is the
// first error of an Add.
func (b *Builder) put(a *adder, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.free = append(b.free, a)
	if b.err == nil {
		b.err = err
	}
}

// take returns an adder not in use.
func (b *Builder) take() (*adder, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.spent {
		return nil, errSpent
	}
	if n := len(b.free); n > 0 {
		a := b.free[n-1]
		b.free = b.free[:n-1]
		return a, nil
	}
	return newAdder(b.table), nil
}

// finish checks that every document was added, marks the Builder spent
// and plans the shards; with forward it keeps each document's forward
// list for an Index. A Builder that misses a document is not spent.
func (b *Builder) finish(forward bool) (*assembly, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case b.spent:
		return nil, errSpent
	case b.err != nil:
		return nil, b.err
	}
	for i := range b.added {
		if !b.added[i].Load() {
			return nil, fmt.Errorf("search: document %d was not added", i)
		}
	}
	b.spent, b.free = true, nil
	s := assemble(b.table, b.lists, b.limit, b.runBytes, forward)
	b.table, b.lists = nil, nil
	return s, nil
}

// runBytes returns the most bytes of a run of files written at once,
// given the bytes of all the files: b.group, or more when runs of b.group
// bytes would hold fewer than b.spread of a document's postings on
// average.
func (b *Builder) runBytes(total int) int {
	return runBytes(b.group, total, len(b.added), int(b.postings.Load()), b.spread)
}
