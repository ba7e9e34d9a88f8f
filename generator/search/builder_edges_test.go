package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// edgeDocs returns documents at the edges the 10k corpus does not reach:
// huge weights, supplementary-plane Han, kana and Hangul beside Han,
// fullwidth letters inside ASCII words, apostrophes at the edges of words
// and runs, empty documents and fields, and a vocabulary past 2^16 terms.
func edgeDocs() []Document {
	var vocab strings.Builder
	for i := range 70000 {
		fmt.Fprintf(&vocab, "w%dx ", i)
	}
	texts := []string{
		strings.Repeat("梯", 2_200_000),
		strings.Repeat("a ", 200_000),
		strings.Repeat("𠀀", 100_000),
		strings.Repeat("𠀀电", 50_000),
		strings.Repeat("电ア", 50_000),
		strings.Repeat("가电", 50_000),
		strings.Repeat("ー电ｰ", 30_000),
		"電アの梯가나电𠀀𠀁电",
		"abcＤef ａｂｃ abc１２３ x'y 'a' a'' ''b ’电 电’ a’电 电'a it's",
		"",
		vocab.String(),
		strings.Repeat("电梯 ", 30000) + vocab.String()[:200000],
	}
	docs := []Document{{URL: "/empty/"}, {URL: "/tags/", Tags: []string{"", "", "电"}}}
	for i, text := range texts {
		docs = append(docs, Document{URL: fmt.Sprintf("/t/%d/", i), Text: text})
		docs = append(docs, Document{URL: fmt.Sprintf("/title/%d/", i), Title: text[:min(len(text), 60000)], Tags: []string{text[:min(len(text), 90)]}})
	}
	docs = append(docs, Document{URL: "/heavy/", Title: strings.Repeat("电梯", 450_000), Tags: []string{strings.Repeat("go ", 100_000)}})
	return docs
}

// TestBuilderMatchesBuildAtEdges wants the Builder's files equal
// to Build's for edgeDocs, added from one goroutine and from several.
func TestBuilderMatchesBuildAtEdges(t *testing.T) {
	docs := edgeDocs()
	checkStreamedMatchesBuild(t, docs, Options{ShardBytes: 4096, Summary: 20}, 1, 4)
}

// TestTokensAtEdges holds Tokens to refTokens on the short edge
// texts, each also cut at every byte.
func TestTokensAtEdges(t *testing.T) {
	for _, text := range []string{
		"電アの梯가나电𠀀𠀁电",
		"abcＤef ａｂｃ abc１２３ x'y 'a' a'' ''b ’电 电’ a’电 电'a it's",
		"ａ'b a＇b a'ｂ Ａ’Ｂ 𠀀a 𠀀'a a'𠀀 ア'a a'ア",
		"，a，电。b。 a，。'x",
	} {
		for i := 0; i <= len(text); i++ {
			for _, s := range []string{text[:i], text[i:]} {
				if got, want := Tokens(s), refTokens(s, false); !slices.Equal(got, want) {
					t.Fatalf("Tokens(%q)\n = %q\nwant %q", s, got, want)
				}
			}
		}
	}
}

// TestReplaceAtEdges makes an Index of edgeDocs with a Builder and
// replaces documents by one another, each edit checked against Build.
func TestReplaceAtEdges(t *testing.T) {
	if testing.Short() {
		t.Skip("a full Build after each of seven edits (≈15 s under -race)")
	}
	docs := edgeDocs()
	opts := Options{ShardBytes: 4096}
	x := builtIndex(t, docs, opts, 3, 9)
	before := x.Files()
	edits := []struct{ i, from int }{{0, 2}, {2, 0}, {len(docs) - 1, 1}, {1, len(docs) - 2}, {len(docs) - 2, 0}, {3, 22}, {22, 3}}
	for _, e := range edits {
		d := docs[e.from]
		d.URL = docs[e.i].URL
		before, _ = replaceAndCheck(t, x, docs, opts, e.i, d, before)
	}
}

// TestBuilderMatchesBuildRandom wants the Builder's files equal to
// Build's for seeded random documents drawn from the pieces at the edges
// of the scanner's fast paths and of the Han ranges, with titles and tags
// repeated so that weights grow large.
func TestBuilderMatchesBuildRandom(t *testing.T) {
	pieces := []string{
		"一", "鿿", "丂", "電", "梯", "\u4dff", "\ua000", "〇", "㐀", "𠀀", "𪛖", "\U0002F800", "ア", "ー", "ｰ", "の", "가", "ㄅ",
		"a", "Z", "7", "leader", "abcdefghijklmnopq", "Ａ", "ｂ", "１", " ", "，", "。", "'", "’", "＇", "-", "\n", "\xff", "\xe4\xb8",
		"é", "İ", "ß", "\u0301", "😀", "、", "“", "（", "！",
	}
	r := rand.New(rand.NewPCG(7, 1))
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	docs := make([]Document, 300)
	for i := range docs {
		d := Document{URL: fmt.Sprintf("/r/%d/", i), Title: text(r.IntN(6)), Text: text(r.IntN(400))}
		if r.IntN(10) == 0 {
			d.Title = strings.Repeat(d.Title, 5000)
		}
		for range r.IntN(3) {
			d.Tags = append(d.Tags, text(r.IntN(4)))
		}
		docs[i] = d
	}
	checkStreamedMatchesBuild(t, docs, Options{ShardBytes: 2048, Summary: 8}, 1, 5)
}
