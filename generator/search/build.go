package search

import (
	"fmt"
	"strconv"

	"github.com/sineng/sineng/generator/text"
)

// DefaultShardBytes is the shard size Build aims at when
// Options.ShardBytes is zero: 64 KiB of uncompressed JSON.
const DefaultShardBytes = 64 << 10

// maxDocs is the most documents one index holds: document ids must stay
// below docMark.
const maxDocs = docMark - 1

// minShardBytes is the smallest Options.ShardBytes Build accepts; below it
// nearly every token would need a shard of its own.
const minShardBytes = 1 << 10

// Field weights: a token counts this many times per occurrence.
const (
	weightTitle = 5
	weightTag   = 3
	weightBody  = 1
)

// scanFields scans d's title, its tags and its text in turn, calling add
// with their tokens; before each field it sets *weight to the field's
// weight.
func scanFields(sc *scanner, d *Document, weight *uint32, add func(batch []token, words []byte)) {
	*weight = weightTitle
	sc.scan(d.Title, false, add)
	*weight = weightTag
	for _, tag := range d.Tags {
		sc.scan(tag, false, add)
	}
	*weight = weightBody
	sc.scan(d.Text, false, add)
}

// Document is one published page as the index sees it.
type Document struct {
	URL     string   // relative permalink, the link of a result
	Title   string   // page title, indexed with weight 5 and shown in results
	Lang    string   // language key such as "zh" or "en"; one Build holds one language
	Section string   // section name shown beside a result
	Text    string   // plain text of the body, indexed with weight 1
	Tags    []string // tags, each indexed with weight 3
}

// Options configures Build. The zero value is ready to use.
type Options struct {
	// ShardBytes is the largest size in bytes of one shard file of
	// uncompressed JSON; 0 means DefaultShardBytes, and less than 1024 is
	// an error. A token whose postings alone are larger gets a shard of its
	// own, which is then the only shard above the limit.
	ShardBytes int

	// Summary is how many characters of each document's text meta.json
	// keeps as the snippet of a result, cut as text.Summary cuts; 0 keeps
	// none. It is the largest part of meta.json when set: about 120 bytes a
	// page for English and 360 for Chinese at 120 characters.
	Summary int
}

// MetaFile is the path of an index's meta.json under its folder: the file
// a query loads first, which names every shard.
const MetaFile = "meta.json"

// File is one file of the index.
type File struct {
	Path string // slash path under the language's search folder, such as "meta.json"
	Data []byte // file contents (JSON)
}

// Build makes the index files of one language's documents: meta.json
// first, then the shards in order. The caller passes only the documents
// published in that build. A document's id is its position in docs, and
// the same documents in the same order give byte-identical files.
//
// Build is NewIndex followed by Files, less the tables that only Replace
// needs.
func Build(docs []Document, opts Options) ([]File, error) {
	x, err := newIndex(docs, opts, false)
	if err != nil {
		return nil, err
	}
	return x.Files(), nil
}

// shardLimit checks Options.ShardBytes and applies its default.
func shardLimit(n int) (int, error) {
	switch {
	case n == 0:
		return DefaultShardBytes, nil
	case n < minShardBytes:
		return 0, fmt.Errorf("search: ShardBytes %d is below the minimum %d", n, minShardBytes)
	}
	return n, nil
}

// shardName names shard i of n: shard-00.json, with as many digits as the
// largest index needs and at least two.
func shardName(i, n int) string {
	width := len(strconv.Itoa(n - 1))
	if width < 2 {
		width = 2
	}
	return fmt.Sprintf("shard-%0*d.json", width, i)
}

// fnvOffset is the offset basis of the 32-bit FNV-1a hash: the hash of
// no bytes.
const fnvOffset uint32 = 2166136261

// fnvAppend continues an FNV-1a 32 hash h over data.
func fnvAppend[T ~string | ~[]byte](h uint32, data T) uint32 {
	for i := range len(data) {
		h ^= uint32(data[i])
		h *= 16777619
	}
	return h
}

// summary returns the snippet meta.json keeps for a document, or "".
func summary(body string, n int) string {
	if n <= 0 {
		return ""
	}
	return text.Summary(body, n) // reads only as far as the summary needs
}
