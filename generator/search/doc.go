// Package search builds the static full-text index that the default theme's
// search.js queries in the browser, for Chinese, English and mixed text.
//
// Build turns one language's published documents into a few JSON files: a
// meta.json document table and shard-NN.json posting files. The browser
// loads meta.json, then only the shards that hold the query's tokens, so a
// site of ten thousand pages needs no server and no large download.
//
// # Tokens
//
// Tokens is the one tokenizer of the index and of the query, and search.js
// repeats it rule for rule (a test runs both on one table under node):
//
//   - Fullwidth ASCII (U+FF01 to U+FF5E) is read as its ASCII twin, so
//     "ＡＢＣ１２" is "ABC12".
//   - CJK characters (scripts Han, Hiragana, Katakana and Hangul, plus the
//     prolonged sound marks U+30FC and U+FF70) are indexed as every single
//     character and every overlapping pair of neighbours: "加装电梯" gives
//     加, 加装, 装, 装电, 电, 电梯, 梯. A run of CJK ends at any other character.
//   - Any other run of letters (Unicode L), decimal digits (Nd) and marks (M)
//     is a word, lower-cased rune by rune with Unicode simple case mapping. An
//     apostrophe (U+0027 or U+2019) between two word characters is dropped,
//     so "leader's" is read as "leaders". Everything else separates words.
//   - A word of the letters a to z only is stemmed by stem (stem.go), which
//     documents its rules; other words (digits, accents, other scripts) are
//     kept as they are.
//
// A query is tokenised by the same rules, and a page matches when it holds
// every query token. A CJK run of two or more characters in a query asks for
// its pairs only: every page holding the pair holds both of its characters,
// so the matches are the same and fewer shards are fetched.
//
// # Files
//
// meta.json is one JSON object:
//
//	{"v":1,"build":"<8 hex>","routed":R,"shards":["shard-00.json",…],
//	 "spill":{"<token>":<shard index>,…},"sections":["…",…],
//	 "docs":[[url,title,section index,length(,summary)],…]}
//
// A document's id is its index in docs (the order Build was given). length
// is the document's weighted token count. A token is in shard spill[token]
// when spill has it, else in shard fnv1a32(UTF-8 of token) mod R; shards
// after the first R hold only spilled tokens, which are the large postings
// moved out of a shard that would otherwise outgrow Options.ShardBytes.
// build is a hash of every shard's bytes, for the client to add to shard
// URLs as a cache key: the 32-bit FNV-1a hash of each shard's CRC-32
// (IEEE) as four big-endian bytes, in file order, so that an edit hashes
// only the shards it changes.
//
// A shard is one JSON object from token to a flat postings array
// [id, w, gap, w, gap, w, …]: the first document id, then each next id as
// the gap from the one before, each followed by the token's weighted count
// in that document: 5 per title occurrence, 3 per tag occurrence, 1 per body
// occurrence. Keys are sorted, so equal input gives byte-equal files.
//
// # Ranking
//
// Matches are ranked by BM25 over the weighted counts (k1 = 1.2, b = 0.75,
// idf = ln(1 + (N − df + 0.5) / (df + 0.5))), highest first, ties by id.
// Search is the reference implementation of that rule in Go.
//
// # Building
//
// Build indexes consecutive ranges of documents in parallel, one part per
// goroutine. A part gives each term a small integer id (a CJK character
// or pair is one number, looked up without making a string; a word is
// stemmed once per distinct form), counts each document's weights in a
// table that stays in cache, and appends the document's postings to bands
// of 4,096 ids. The parts' terms are then sorted and merged in token
// order, the size of every shard entry is known before any is written,
// and each part writes its postings straight into their places in the
// shard files, one band at a time. The files depend only on the
// documents, not on the number of parts.
//
// # Editing
//
// An Index keeps one language's index in memory for serve: NewIndex does
// the work of Build, and Replace then changes one document and returns
// only the files that changed, with the same bytes a new Build would give.
// It keeps every shard's bytes, which are the only copy of the postings:
// an edit finds the document's old terms in its forward list (its term
// ids and weights, a few bytes a term), writes again the entries of the
// terms whose weight changed by splicing their postings text, and plans
// again only the routed shards those terms hash to, and the spill shards
// when what they hold changes. meta.json is joined from rows kept
// encoded. When the shards' total size moves the number of routed shards,
// everything is planned again as Build plans it.
//
// # Streaming
//
// A Builder makes the same files as Build from documents given one at a
// time, in any order, by any number of goroutines at once, so that a site
// can index each page as it converts it and drop the page's text. Add
// tokenizes a document at once and keeps only its terms: their ids in a
// table shared by all Adds, which finds a known term without a lock and
// is asked for each of a document's CJK terms once, and their weights,
// sorted and written as varint gaps a band of ids at a time, 1.5 to 1.7
// bytes a term; and the document's row of meta.json. A run of CJK Unified
// Ideographs, most of Chinese text, is counted as it is read, its tokens
// never made one by one.
//
// WriteFiles then ranks the table's terms in token order, measures every
// entry from the documents' lists a few bands of ids at a time, and plans
// the shards. The files are cut into runs of up to 512 KiB, and the lists
// written again as each run's postings in document order, each list
// dropped once read. Each run of files is then written at once, its
// entries' places in a small table, and handed to the caller file by file
// in order, its room used again for the next run: the shards never take
// room all at once. meta.json comes last, as its build id hashes every
// shard. Files collects the same files, and Index makes an Index from a
// Builder instead, for serve.
//
// Build, Search, Tokens and Stats are pure and safe for concurrent use, as
// is a Builder's Add; an Index is not. The package does no file I/O.
package search
