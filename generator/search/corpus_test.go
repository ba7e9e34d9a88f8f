package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// synthetic makes n documents of about textBytes bytes of body text each in
// lang ("zh" or "en"), from one seeded source so every call gives the same
// set. Words and characters follow a Zipf law, so a few tokens are in
// nearly every page and most are rare, as in real text.
func synthetic(n, textBytes int, lang string, seed uint64) []Document {
	r := rand.New(rand.NewPCG(seed, 7))
	sections := []string{"handbook", "leaders", "cases", "projects", "curricula", "exchange", "news", "showcase"}
	var word func() string
	sep := " "
	if lang == "zh" {
		// 3,000 characters; a word is one to three of them.
		chars := rand.NewZipf(r, 1.1, 20, 2999)
		words := make([]string, 8000)
		for i := range words {
			var b strings.Builder
			for range 1 + r.IntN(3) {
				b.WriteRune(rune(0x4E00 + chars.Uint64()))
			}
			words[i] = b.String()
		}
		pick := rand.NewZipf(r, 1.2, 10, uint64(len(words)-1))
		word = func() string { return words[pick.Uint64()] }
		sep = ""
	} else {
		syllables := []string{"ba", "co", "de", "fi", "gu", "ha", "jo", "ki", "lu", "ma", "ne", "po", "ra", "si", "tu", "ve",
			"wo", "ya", "ze", "th", "st", "er", "in", "on", "al", "ex", "im", "ro", "sha", "pli", "cr", "ou", "ment", "ing", "ly", "ed"}
		words := make([]string, 60000)
		for i := range words {
			var b strings.Builder
			for range 1 + r.IntN(4) {
				b.WriteString(syllables[r.IntN(len(syllables))])
			}
			words[i] = b.String()
		}
		pick := rand.NewZipf(r, 1.05, 5, uint64(len(words)-1))
		word = func() string { return words[pick.Uint64()] }
	}
	sentence := func(b *strings.Builder, words int) {
		for i := range words {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(word())
		}
		if lang == "zh" {
			b.WriteString("。")
		} else {
			b.WriteString(". ")
		}
	}
	docs := make([]Document, n)
	for i := range docs {
		var title, body strings.Builder
		sentence(&title, 3+r.IntN(4))
		for body.Len() < textBytes {
			sentence(&body, 6+r.IntN(14))
		}
		sec := sections[r.IntN(len(sections))]
		tags := make([]string, 1+r.IntN(3))
		for k := range tags {
			tags[k] = word()
		}
		docs[i] = Document{
			URL:     fmt.Sprintf("/%s/page-%05d-%s/", sec, i, strings.Repeat("x", r.IntN(20))),
			Title:   strings.TrimSuffix(strings.TrimSpace(title.String()), "."),
			Lang:    lang,
			Section: sec,
			Text:    body.String(),
			Tags:    tags,
		}
	}
	return docs
}
