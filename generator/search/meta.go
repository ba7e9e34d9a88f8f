package search

import (
	"strconv"

	"github.com/sineng/sineng/internal/jsonenc"
)

// formatVersion is meta.json's "v"; it changes when the file layout does.
const formatVersion = 1

// metaFile is meta.json as Search and the tests decode it; the package
// comment documents each field.
type metaFile struct {
	Version  int            `json:"v"`
	Build    string         `json:"build"`
	Routed   int            `json:"routed"`
	Shards   []string       `json:"shards"`
	Spill    map[string]int `json:"spill"`
	Sections []string       `json:"sections"`
	Docs     [][]any        `json:"docs"`
}

// metaHead is the part of meta.json that comes from the shard layout.
type metaHead struct {
	build  uint32
	routed int
	shards []string
	spill  []spilled // in token order
}

// spilled is one entry of meta.json's spill table.
type spilled struct {
	token []byte
	file  int
}

// metaTable keeps meta.json's document table encoded row by row, so that
// after an edit meta.json is written again by joining bytes.
type metaTable struct {
	summary int      // Options.Summary
	rows    [][]byte // by document: `[url,title,` and `,length(,summary)]` back to back
	split   []uint32 // by document: where the section index goes in its row
	sec     []uint32 // by document: its section's id
	names   []string // section names by id, unused ones included
	ids     map[string]uint32
}

// newMetaTable encodes the rows of docs, whose weighted token counts are
// lengths, into one shared array.
func newMetaTable(docs []Document, lengths []int, summaryLen int) metaTable {
	m := makeMetaTable(len(docs), summaryLen)
	var arena []byte
	for i := range docs {
		start := len(arena)
		arena, m.split[i] = appendRow(arena, &docs[i], lengths[i], summaryLen)
		m.rows[i] = arena[start:len(arena):len(arena)]
		m.sec[i] = m.section(docs[i].Section)
	}
	return m
}

// makeMetaTable returns a table of n documents whose rows are not yet
// set.
func makeMetaTable(n, summaryLen int) metaTable {
	return metaTable{
		summary: summaryLen,
		rows:    make([][]byte, n),
		split:   make([]uint32, n),
		sec:     make([]uint32, n),
		ids:     map[string]uint32{},
	}
}

// setRow encodes document i's row again, in a slice of its own.
func (m *metaTable) setRow(i int, d *Document, length int) {
	m.rows[i], m.split[i] = appendRow(make([]byte, 0, len(m.rows[i])+16), d, length, m.summary)
	m.sec[i] = m.section(d.Section)
}

// appendRow appends d's row, without its section index, to dst, and
// returns it and where in the row the section index goes.
func appendRow(dst []byte, d *Document, length, summaryLen int) ([]byte, uint32) {
	start := len(dst)
	dst = append(dst, '[')
	dst = jsonenc.AppendString(dst, d.URL)
	dst = append(dst, ',')
	dst = jsonenc.AppendString(dst, d.Title)
	dst = append(dst, ',')
	split := uint32(len(dst) - start)
	dst = append(dst, ',')
	dst = strconv.AppendInt(dst, int64(length), 10)
	if s := summary(d.Text, summaryLen); s != "" {
		dst = append(dst, ',')
		dst = jsonenc.AppendString(dst, s)
	}
	return append(dst, ']'), split
}

// section returns the id of the section called name, giving it the next
// one when it is new.
func (m *metaTable) section(name string) uint32 {
	id, ok := m.ids[name]
	if !ok {
		id = uint32(len(m.names))
		m.ids[name] = id
		m.names = append(m.names, name)
	}
	return id
}

// encode writes meta.json. Sections are numbered in the order documents
// first name them.
func (m *metaTable) encode(head metaHead) []byte {
	index := make([]int, len(m.names)) // by section id: its index plus one, 0 while unnamed
	var order []uint32
	size := 256 + 24*len(head.shards)
	for _, id := range m.sec {
		if index[id] == 0 {
			order = append(order, id)
			index[id] = len(order)
		}
	}
	for _, row := range m.rows {
		size += len(row) + 8
	}
	for _, s := range head.spill {
		size += len(s.token) + 16
	}
	for _, id := range order {
		size += len(m.names[id]) + 8
	}
	b := make([]byte, 0, size)
	b = append(b, `{"v":`...)
	b = strconv.AppendInt(b, formatVersion, 10)
	b = append(b, `,"build":"`...)
	b = appendHex8(b, head.build)
	b = append(b, `","routed":`...)
	b = strconv.AppendInt(b, int64(head.routed), 10)
	b = append(b, `,"shards":[`...)
	for k, name := range head.shards {
		if k > 0 {
			b = append(b, ',')
		}
		b = jsonenc.AppendString(b, name)
	}
	b = append(b, `],"spill":{`...)
	for k, s := range head.spill {
		if k > 0 {
			b = append(b, ',')
		}
		b = jsonenc.AppendString(b, string(s.token))
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(s.file), 10)
	}
	b = append(b, `},"sections":[`...)
	for k, id := range order {
		if k > 0 {
			b = append(b, ',')
		}
		b = jsonenc.AppendString(b, m.names[id])
	}
	b = append(b, `],"docs":[`...)
	for i, row := range m.rows {
		if i > 0 {
			b = append(b, ',')
		}
		split := m.split[i]
		b = append(b, row[:split]...)
		b = strconv.AppendInt(b, int64(index[m.sec[i]]-1), 10)
		b = append(b, row[split:]...)
	}
	return append(b, ']', '}')
}

// appendHex8 appends h as eight lower-case hex digits.
func appendHex8(b []byte, h uint32) []byte {
	const hex = "0123456789abcdef"
	for shift := 28; shift >= 0; shift -= 4 {
		b = append(b, hex[h>>shift&0xF])
	}
	return b
}
