package text

import (
	"strings"
	"testing"
	"unicode"
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
