package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// summaryRunes is Summary as it was first written, over a []rune; Summary
// must give the same on every input.
func summaryRunes(s string, limit int) string {
	runes := make([]rune, 0, len(s))
	space := false
	for i := 0; i < len(s) && (limit <= 0 || len(runes) <= limit); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			space = len(runes) > 0
			continue
		}
		if space {
			runes = append(runes, ' ')
			space = false
		}
		runes = append(runes, r)
	}
	if limit <= 0 || len(runes) <= limit {
		return string(runes)
	}
	cut := limit
	for i := cut - 1; i >= limit*2/3; i-- {
		if isSentenceEnd(runes[i]) {
			return strings.TrimSpace(string(runes[:i+1]))
		}
	}
	for cut > 0 && isLatin(runes[cut]) && isLatin(runes[cut-1]) {
		cut--
	}
	if cut == 0 {
		cut = limit
	}
	return strings.TrimSpace(string(runes[:cut])) + "…"
}

// TestSummaryMatchesRuneVersion compares Summary with summaryRunes at every
// limit on texts with sentence ends, Latin words, every kind of space and
// broken UTF-8.
func TestSummaryMatchesRuneVersion(t *testing.T) {
	inputs := []string{
		"",
		"   ",
		"一二三四五六七八九十",
		"居民议事。然后继续讨论加装电梯的事情",
		"The elevator council met again. Then it rained!",
		"  spaces\n\nfolded  \t and\u00a0non-breaking\u0085next\u3000ideographic ",
		"word\xffbroken \xe4\xb8 utf-8\xed\xa0\x80 here. \ufffd real",
		"社区 leaders' 议事；第1期 training？ yes！ ok",
		"abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz",
		"a b c d e f g h i j k l m n o p",
		pageText[:700],
	}
	for _, in := range inputs {
		for limit := -1; limit <= utf8.RuneCountInString(in)+2; limit++ {
			if got, want := Summary(in, limit), summaryRunes(in, limit); got != want {
				t.Errorf("Summary(%q, %d) = %q, want %q", in, limit, got, want)
			}
		}
	}
	long := strings.Repeat("议事 council ", summaryStack) // past the stack buffers
	for _, limit := range []int{summaryStack - 1, summaryStack, summaryStack + 1, 3 * summaryStack, 0} {
		if got, want := Summary(long, limit), summaryRunes(long, limit); got != want {
			t.Errorf("Summary(long, %d) = %q, want %q", limit, got, want)
		}
	}
}

func TestIsSpaceMatchesUnicode(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune+1; r++ {
		if got, want := isSpace(r), unicode.IsSpace(r); got != want {
			t.Fatalf("isSpace(%U) = %v, want %v", r, got, want)
		}
	}
}

// FuzzSummary compares Summary with summaryRunes on any text and limit;
// `go test` runs the seeds, `go test -fuzz FuzzSummary` searches further.
func FuzzSummary(f *testing.F) {
	f.Add("居民议事。然后继续讨论 elevator council", 12)
	f.Add("word\xffbroken \xe4\xb8 utf-8\xed\xa0\x80 here. \ufffd real", 9)
	f.Add(strings.Repeat("议事 council ", 30), summaryStack+1)
	f.Fuzz(func(t *testing.T, in string, limit int) {
		limit %= 4 * summaryStack
		if got, want := Summary(in, limit), summaryRunes(in, limit); got != want {
			t.Errorf("Summary(%q, %d) = %q, want %q", in, limit, got, want)
		}
	})
}
