package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestWordCount(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"hello world", 2},
		{"社区领袖", 4},
		{"加装电梯 elevator project", 6},
		{"it's a co-op", 4},
		{"第1期 training", 4},
	}
	for _, c := range cases {
		if got := WordCount(c.in); got != c.want {
			t.Errorf("WordCount(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestReadingTime(t *testing.T) {
	if got := ReadingTime(""); got != 0 {
		t.Errorf("empty: %d", got)
	}
	if got := ReadingTime("短"); got != 1 {
		t.Errorf("one char: %d", got)
	}
	long := make([]byte, 0, 3*900)
	for i := 0; i < 900; i++ {
		long = append(long, "居"...)
	}
	if got := ReadingTime(string(long)); got != 3 {
		t.Errorf("900 CJK chars: %d, want 3", got)
	}
}

func TestSummary(t *testing.T) {
	cases := []struct {
		in    string
		limit int
		want  string
	}{
		{"short text", 50, "short text"},
		{"一二三四五六七八九十", 5, "一二三四五…"},
		{"居民议事。然后继续讨论加装电梯的事情", 6, "居民议事。"},
		{"The elevator council met again", 16, "The elevator…"},
		{"  spaces\n\nfolded  ", 50, "spaces folded"},
		{"  no\tlimit  at all ", 0, "no limit at all"},
		{"  no\tlimit  at all ", -2, "no limit at all"},
	}
	for _, c := range cases {
		if got := Summary(c.in, c.limit); got != c.want {
			t.Errorf("Summary(%q, %d) = %q, want %q", c.in, c.limit, got, c.want)
		}
	}
}

func TestIsCJKMatchesUnicodeTables(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		want := unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
			unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
		if got := IsCJK(r); got != want {
			t.Fatalf("IsCJK(%U) = %v, want %v", r, got, want)
		}
	}
}

func BenchmarkMeasure(b *testing.B) {
	text := strings.Repeat("社区领袖在加装电梯议事会上发言。The council met again on Tuesday. ", 60)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Measure(text)
	}
}

// TestMeasureMatchesRuneLoop checks Measure's fast path for three-byte Han
// characters against a plain loop over the runes, on every character of
// U+3000–U+A000 and on broken sequences around it.
func TestMeasureMatchesRuneLoop(t *testing.T) {
	slow := measureRunes
	var b strings.Builder
	for r := rune(0x3000); r < 0xA000; r++ {
		b.WriteRune(r)
		if r%7 == 0 {
			b.WriteString(" word")
		}
	}
	inputs := []string{
		b.String(),
		"\xe4\xb8",         // cut short at the end
		"\xe4\xb8x\xe4",    // cut short inside
		"\xe4\x41\x80 abc", // a lead byte without continuation
		"\xe9\xbf\xbf\xea", // U+9FFF then a lone lead byte
		"社区 leaders' 议事",   // mixed
		"\xed\xa0\x80 surrogate",
		"x \xe0\x81\xa1 y", // an overlong "a" is three errors, not a word
		"x\xed\xa0\x80y",   // a surrogate is three errors
		"居民，议事：ｗｏｒｄ１ ｶﾀｶﾅ、々〇",
		"\xef\xbc", // a fullwidth form cut short
	}
	for _, in := range inputs {
		if got, want := Measure(in), slow(in); got != want {
			t.Errorf("Measure(%q) = %+v, want %+v", in, got, want)
		}
	}
}

// measureRunes is Measure written as a plain loop over the runes.
func measureRunes(s string) Counts {
	var c Counts
	inWord := false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (r == '\'' && inWord || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'):
			if !inWord {
				c.Latin++
				inWord = true
			}
		case IsCJK(r):
			c.CJK++
			inWord = false
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if !inWord {
				c.Latin++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	return c
}
