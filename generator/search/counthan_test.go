package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCountHanMatchesTokens holds the adder's counting of Han runs as they
// are read (countHan) to the general path, where scan hands every
// character and pair on as a token for add to count: the weights of every
// term and the document's weighted length must come out the same.
func TestCountHanMatchesTokens(t *testing.T) {
	docs := []Document{
		{Title: "加装电梯议事会", Text: "居民代表都同意。费用分摊"},
		{Title: "一", Tags: []string{"社区", "x"}, Text: "丁 一二 龥 \u9FFF\u4E00"},
		{Text: "かな加装カナ电梯ー한글议事"},                             // runs that begin and end outside the Han block
		{Text: "\u3400\u4E00\u4DBF一\u4E00\u3400"},           // extension A around unified ideographs
		{Text: "leaders会议meet议事 council's 会"},               // Han beside words
		{Text: "会议\xe4\xb8 断\xe4 \xe9\xbf\xbf\xed\xa0\x80"}, // broken and near-miss bytes
		{Text: "ＡＢ会议ｃ　中文"},                                  // full-width forms
		{Title: "电梯电梯电梯", Tags: []string{"电梯", "电梯"}, Text: "电梯" + strings.Repeat("电梯议事会", 400)},
		{Text: strings.Repeat("word 词 ", 300) + strings.Repeat("社区领袖", 200)}, // runs across full batches
		{Text: "㐀一一㐀一ぁ一一ぁ鿿一鿿"},                                               // Han after other CJK, repeated pairs
		{Text: strings.Repeat("居民议事", 3000)},                                 // a tally that grows
		{Text: distinctHan(0x4E00, 5000) + "，" + distinctHan(0x4E00, 5000)},  // new pairs that grow it mid-run, then repeats
	}
	table := newSharedTable()
	for _, d := range docs {
		fast := newAdder(table)
		slow := newAdder(table)
		slow.scan.han = nil
		scanFields(&fast.scan, &d, &fast.weight, fast.add)
		scanFields(&slow.scan, &d, &slow.weight, slow.add)
		if fast.err != nil || slow.err != nil {
			t.Fatalf("%.40q: errors %v, %v", d.Text, fast.err, slow.err)
		}
		got, want := tallyOf(fast), tallyOf(slow)
		if fast.length != slow.length {
			t.Errorf("%.40q: length %d, want %d", d.Title+d.Text, fast.length, slow.length)
		}
		if len(got) != len(want) {
			t.Errorf("%.40q: %d terms, want %d", d.Title+d.Text, len(got), len(want))
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%.40q: term %x weighs %d, want %d", d.Title+d.Text, k, got[k], w)
			}
		}
	}
}

// distinctHan returns n characters of CJK Unified Ideographs from first
// on, whose pairs are all distinct keys.
func distinctHan(first rune, n int) string {
	var b strings.Builder
	for r := first; r < first+rune(n); r++ {
		b.WriteRune(r)
	}
	return b.String()
}

// tallyOf returns the weights an adder has counted, lone characters keyed
// as their tokens are, with the weights of the Han characters a pair ends
// at, which countHan leaves to idsOf, added as idsOf adds them.
func tallyOf(a *adder) map[uint64]uint32 {
	m := map[uint64]uint32{}
	for _, r := range a.chars {
		m[uint64(pairKey(rune(r), 0))] += a.charW[r]
	}
	for _, v := range a.counts.take(nil) {
		k, w := v>>weightBits, a.counts.weight(v)
		m[k] += w
		if r, ok := endsInHan(k); ok && k < wordKey && a.scan.han != nil {
			m[uint64(pairKey(rune(r), 0))] += w
		}
	}
	a.counts.done()
	return m
}

// TestCountHanTermsMatchTokens holds the lists terms makes with countHan
// to the lists of the general path, byte for byte, the documents one
// after another through the same two adders, so that a tally not cleared
// between documents shows.
func TestCountHanTermsMatchTokens(t *testing.T) {
	docs := []Document{
		{Title: "加装电梯议事会", Text: "居民代表都同意。费用分摊"},
		{Text: "かな加装カナ电梯ー한글议事㐀一一㐀"},
		{Title: "电梯", Tags: []string{"电梯"}, Text: strings.Repeat("电梯议事会 leaders", 500)},
		{Text: "加装"},
		{Text: "一"},
		{Text: ""},
		{Text: strings.Repeat("社区领袖居民", 2000)},
		{Title: "加装电梯议事会", Text: "居民代表都同意。费用分摊"},
	}
	table := newSharedTable()
	fast, slow := newAdder(table), newAdder(table)
	slow.scan.han = nil
	for _, d := range docs {
		got, gotLen, err := fast.terms(&d)
		if err != nil {
			t.Fatal(err)
		}
		got = append([]byte(nil), got...)
		want, wantLen, err := slow.terms(&d)
		if err != nil {
			t.Fatal(err)
		}
		if gotLen != wantLen || string(got) != string(want) {
			t.Errorf("%.40q: list %x (length %d), want %x (length %d)", d.Title+d.Text, got, gotLen, want, wantLen)
		}
	}
}

// TestHanAt holds hanAt, and isHanAt, to utf8.DecodeRuneInString on every three bytes
// that begin with a lead byte of a three-byte sequence, and on every
// byte after them, at every place in a short text, its ends included.
func TestHanAt(t *testing.T) {
	for c := 0xE0; c <= 0xEF; c++ {
		for c1 := range 256 {
			for c2 := range 256 {
				text := string([]byte{'x', byte(c), byte(c1), byte(c2)})
				for i := -1; i <= len(text); i++ {
					want, wantOK := rune(0), false
					if i >= 0 && i < len(text) {
						r, size := utf8.DecodeRuneInString(text[i:])
						if size == 3 && 0x4E00 <= r && r <= 0x9FFF {
							want, wantOK = r, true
						}
					}
					if got, ok := hanAt(text, i); got != want || ok != wantOK {
						t.Fatalf("hanAt(% x, %d) = %U, %v; want %U, %v", text, i, got, ok, want, wantOK)
					}
					if i >= 0 && i < len(text) && isHanAt(text, i) != wantOK {
						t.Fatalf("isHanAt(% x, %d) = %v; want %v", text, i, !wantOK, wantOK)
					}
				}
			}
		}
	}
}

// TestCountWeightsPastSlotBits counts titles whose terms weigh more than
// a keyTally slot's weight bits hold, through countHan, add and the
// general path, and compares each term's weight with its count in Tokens,
// as the tally holds it and as idsOf gives it (which adds the weights
// moved to the tally's over after its loop).
func TestCountWeightsPastSlotBits(t *testing.T) {
	reps := weightMask/weightTitle + 3
	for _, title := range []string{strings.Repeat("电梯", reps), strings.Repeat("go ㄅ", reps), strings.Repeat("가나", reps)} {
		want := map[string]uint32{}
		for _, tk := range Tokens(title) {
			want[tk] += weightTitle
		}
		for _, han := range []bool{true, false} {
			a := newAdder(newSharedTable())
			if !han {
				a.scan.han = nil
			}
			scanFields(&a.scan, &Document{Title: title}, &a.weight, a.add)
			got := map[string]uint32{}
			words := map[uint32]string{}
			a.table.each(func(id uint32, k cjkKey, word string) { words[id] = word })
			for k, w := range tallyOf(a) {
				if k >= wordKey {
					got[words[uint32(k)]] = w
				} else {
					got[string(cjkKey(k).appendTo(nil))] = w
				}
			}
			if len(got) != len(want) {
				t.Errorf("%.12q (han %v): %d terms, want %d", title, han, len(got), len(want))
			}
			for tk, w := range want {
				if got[tk] != w {
					t.Errorf("%.12q (han %v): %q weighs %d, want %d", title, han, tk, got[tk], w)
				}
			}

			b := newAdder(a.table)
			if !han {
				b.scan.han = nil
			}
			scanFields(&b.scan, &Document{Title: title}, &b.weight, b.add)
			list, _ := b.idsOf(nil)
			byID := map[uint32]string{}
			b.table.each(func(id uint32, k cjkKey, word string) {
				if word == "" {
					word = string(k.appendTo(nil))
				}
				byID[id] = word
			})
			ids := map[string]uint32{}
			for _, v := range list {
				ids[byID[uint32(v>>32)]] += uint32(v)
			}
			if len(ids) != len(want) {
				t.Errorf("%.12q (han %v): idsOf gives %d terms, want %d", title, han, len(ids), len(want))
			}
			for tk, w := range want {
				if ids[tk] != w {
					t.Errorf("%.12q (han %v): idsOf gives %q weight %d, want %d", title, han, tk, ids[tk], w)
				}
			}
		}
	}
}
