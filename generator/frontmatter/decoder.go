package frontmatter

import (
	"encoding/binary"
	"strconv"
	"strings"
)

// Limits of what a Decoder shares.
const (
	// maxSharedLen is the longest string value a Decoder shares; longer
	// ones (titles, summaries) rarely repeat and get a copy of their own.
	maxSharedLen = 32
	// maxSharedEntries bounds each of a Decoder's tables: a full table is
	// emptied, so a Decoder that reads a whole site stays small. It keeps
	// the memory it grew to, so a site that fills it again and again does
	// not pay for growing it each time.
	maxSharedEntries = 1 << 14
	// maxSharedText is the longest text of an inline array or a TOML
	// table whose value a Decoder shares; the text is what it keys on.
	maxSharedText = 256
	// maxSharedPos is the most key positions a block may have for a
	// Decoder to share its positions map: a site's short blocks (a
	// title, a date, tags) repeat their keys' places from page to page,
	// its long ones rarely.
	maxSharedPos = 16
)

// A Decoder parses the front matter of many files, one after another, and
// lets the Matters it returns share what they repeat: keys, key paths, short
// string values and dates are each kept once however many files hold them,
// and no value keeps the text of its file alive. Its results are equal to
// Parse's. The strings and lists it copies share small blocks of
// memory with those of other Matters.
//
// TOML inline arrays and tables ([name] and [[name]] blocks) written with
// the same text are shared too: a site's pages repeat tag lists and
// activity or budget tables word for word, and each table is a whole map.
// So the values of a Matter it returns, lists and tables included, may be
// those of other Matters, and must be treated as read-only; the top-level
// Data map is each Matter's own. The Pos map of a block with few keys is
// shared with the blocks that write the same keys at the same places, so
// it is read-only too.
//
// A Decoder is not safe for concurrent use: give each goroutine its own.
// The zero value is ready to use.
type Decoder struct {
	names   map[string]string              // keys and key paths
	strs    map[string]any                 // short string values, boxed once
	toml    map[string]any                 // TOML dates by their text
	yaml    map[string]any                 // YAML dates by their text
	lists   map[string]any                 // TOML inline arrays by their text, boxed once
	nums    map[int64]any                  // integers the runtime would box anew, boxed once
	tables  map[string]map[string]any      // TOML tables by the text of their key/value lines
	pos     map[string]map[string]Position // positions maps of short blocks by posKey
	path    []byte                         // scratch: the key path being built, or a posKey
	entries []posEntry                     // scratch: the key positions of a block
	blocks                                 // where kept strings and lists are copied to
}

// posEntry is one key path and where it is written.
type posEntry struct {
	path string
	at   Position
}

// Parse is the package's Parse, with values shared as the Decoder
// describes.
func (d *Decoder) Parse(file string, src []byte) (Matter, []byte, error) {
	return parse(d, file, src)
}

// share stores v under k in m, which it makes when it is missing and
// empties when it is full, and returns m.
func share[K comparable, V any](m map[K]V, k K, v V) map[K]V {
	switch {
	case m == nil:
		m = make(map[K]V, 64)
	case len(m) >= maxSharedEntries:
		clear(m) // keeps its groups: refilling it rehashes nothing
	}
	m[k] = v
	return m
}

// The methods below are called by the fast decoders with a nil Decoder as
// well: then nothing is shared and strings may be parts of the text being
// decoded, as the package function Parse allows. The nil case is small
// enough to be inlined, so Parse pays nothing for sharing.

// name returns the key s, which may be part of the text being decoded.
func (d *Decoder) name(s string) string {
	if d == nil {
		return s
	}
	return d.sharedName(s)
}

// sharedName returns the shared copy of s, making it if needed.
func (d *Decoder) sharedName(s string) string {
	n, ok := d.names[s]
	if !ok {
		n = d.clone(s)
		d.names = share(d.names, n, n)
	}
	return n
}

// joinKey is JoinKey with a shared result; key must be shared already.
func (d *Decoder) joinKey(path, key string) string {
	if d == nil || path == "" {
		return JoinKey(path, key)
	}
	d.path = append(append(append(d.path[:0], path...), '.'), key...)
	return d.sharedPath()
}

// joinIndex is JoinIndex with a shared result.
func (d *Decoder) joinIndex(path string, i int) string {
	if d == nil {
		return JoinIndex(path, i)
	}
	d.path = append(append(d.path[:0], path...), '[')
	d.path = append(strconv.AppendInt(d.path, int64(i), 10), ']')
	return d.sharedPath()
}

// sharedPath returns the path in d.path as a shared string.
func (d *Decoder) sharedPath() string {
	n, ok := d.names[string(d.path)]
	if !ok {
		n = string(d.path)
		d.names = share(d.names, n, n)
	}
	return n
}

// str returns the string value s, which may be part of the text being
// decoded unless own says it is a string of its own already.
func (d *Decoder) str(s string, own bool) any {
	if d == nil {
		return s
	}
	return d.sharedStr(s, own)
}

// sharedStr is str with a Decoder.
func (d *Decoder) sharedStr(s string, own bool) any {
	if len(s) > maxSharedLen {
		if !own {
			s = d.clone(s)
		}
		return s
	}
	v, ok := d.strs[s]
	if !ok {
		if !own {
			s = d.clone(s)
		}
		v = s
		d.strs = share(d.strs, s, v)
	}
	return v
}

// tomlScalar returns the value of a TOML number or date token. Dates are
// shared, and so are the integers the runtime boxes anew; numbers are
// quicker to read again than to look up by their text.
func (d *Decoder) tomlScalar(tok string) (any, bool) {
	switch {
	case d == nil:
		return decodeTOMLScalar(tok)
	case isDateToken(tok):
		return sharedDate(&d.toml, tok, decodeTOMLScalar)
	}
	v, ok := decodeTOMLScalar(tok)
	return d.number(v), ok
}

// yamlScalar returns the value of a plain YAML scalar that starts like a
// number: a number, or a date; dates and integers are shared.
func (d *Decoder) yamlScalar(tok string) (any, bool) {
	switch {
	case d == nil:
		return resolveNumber(tok)
	case isDateToken(tok):
		return sharedDate(&d.yaml, tok, resolveNumber)
	}
	v, ok := resolveNumber(tok)
	return d.number(v), ok
}

// number returns v, or the equal integer boxed before when v is an
// integer the runtime boxes anew (0 to 255 are boxed once by the runtime).
func (d *Decoder) number(v any) any {
	n, ok := v.(int64)
	if !ok || 0 <= n && n < 256 {
		return v
	}
	if shared, ok := d.nums[n]; ok {
		return shared
	}
	d.nums = share(d.nums, n, v)
	return v
}

// sharedDate returns what decode makes of the date tok, decoding it only
// when table does not hold it yet; decode must depend on tok alone.
func sharedDate(table *map[string]any, tok string, decode func(string) (any, bool)) (any, bool) {
	if v, ok := (*table)[tok]; ok {
		return v, true
	}
	v, ok := decode(tok)
	if ok {
		*table = share(*table, strings.Clone(tok), v)
	}
	return v, ok
}

// list returns the inline array written as text holding elems, boxed: the
// one an earlier block wrote with the same text, else a copy of elems
// (which may be scratch) exactly as long, kept for the next block.
func (d *Decoder) list(text string, elems []any) any {
	if d == nil || len(text) > maxSharedText {
		return d.copyList(elems)
	}
	if l, ok := d.lists[text]; ok {
		return l
	}
	var l any = d.copyList(elems)
	d.lists = share(d.lists, strings.Clone(text), l)
	return l
}

// copyList returns a copy of elems exactly as long: one of its own
// without a Decoder, else one from d's blocks.
func (d *Decoder) copyList(elems []any) []any {
	if d == nil {
		return exactCopy(elems)
	}
	return d.blocks.list(elems)
}

// table returns the table whose key/value lines are text, decoded as t: the
// one an earlier block wrote with the same text, else t, kept for the next
// block.
func (d *Decoder) table(text string, t map[string]any) map[string]any {
	if d == nil || len(text) > maxSharedText {
		return t
	}
	if shared, ok := d.tables[text]; ok {
		return shared
	}
	d.tables = share(d.tables, strings.Clone(text), t)
	return t
}

// exactCopy returns a slice of its own, exactly as long as elems, holding
// them.
func exactCopy(elems []any) []any {
	out := make([]any, len(elems))
	copy(out, elems)
	return out
}

// keyPositions collects the key positions of one block for a fast decoder:
// without a Decoder straight into a map sized for the most the text may
// hold, else into the Decoder's scratch list, from which a map of the right
// size is made at the end.
type keyPositions struct {
	pos     map[string]Position
	entries []posEntry
}

// start readies k for a block that holds at most most positions.
func (k *keyPositions) start(d *Decoder, most int) {
	if d == nil {
		k.pos = make(map[string]Position, most)
		return
	}
	k.entries = d.entries[:0]
}

// record notes where a key path is written.
func (k *keyPositions) record(path string, at Position) {
	if k.pos != nil {
		k.pos[path] = at
		return
	}
	k.entries = append(k.entries, posEntry{path: path, at: at})
}

// finish returns the positions of a block that decoded (ok), and gives the
// scratch list back to d.
func (k *keyPositions) finish(d *Decoder, ok bool) map[string]Position {
	if d == nil {
		return k.pos
	}
	if ok {
		k.pos = d.positions(k.entries)
	}
	clear(k.entries)
	d.entries = k.entries[:0]
	return k.pos
}

// positions returns a map of the positions in entries: for a short block
// the one an earlier block with the same entries got, else a new one, kept
// for the next block.
func (d *Decoder) positions(entries []posEntry) map[string]Position {
	if len(entries) > maxSharedPos {
		return newPositions(entries)
	}
	d.path = posKey(d.path[:0], entries)
	if pos, ok := d.pos[string(d.path)]; ok {
		return pos
	}
	pos := newPositions(entries)
	d.pos = share(d.pos, string(d.path), pos)
	return pos
}

// posKey appends to b what the positions map of entries is shared by:
// each entry's path, length first, and its line and column.
func posKey(b []byte, entries []posEntry) []byte {
	for _, e := range entries {
		b = binary.AppendUvarint(b, uint64(len(e.path)))
		b = append(b, e.path...)
		b = binary.AppendUvarint(b, uint64(e.at.Line))
		b = binary.AppendUvarint(b, uint64(e.at.Col))
	}
	return b
}

// newPositions returns a map of the positions in entries, of their size.
func newPositions(entries []posEntry) map[string]Position {
	pos := make(map[string]Position, len(entries))
	for _, e := range entries {
		pos[e.path] = e.at
	}
	return pos
}

// smallArray is how many elements an array may have before the slice that
// collects them moves from the stack to the heap.
const smallArray = 8
