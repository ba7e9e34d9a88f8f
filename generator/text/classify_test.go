package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestClassifyMatchesTables checks classify's block masks against the
// unicode tables on every non-ASCII rune.
func TestClassifyMatchesTables(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= utf8.MaxRune; r++ {
		if got, want := classify(r), classifySlow(r); got != want {
			t.Fatalf("classify(%U) = %d, want %d", r, got, want)
		}
	}
}

// TestMeasureEveryRune compares Measure with the plain rune loop on every
// rune, alone and between Latin letters, so that both its decoding fast
// path and its classes are checked wherever they apply.
func TestMeasureEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // not encodable; broken sequences are tested apart
		}
		s := string(r)
		for _, in := range []string{s, "a" + s + "b"} {
			if got, want := Measure(in), measureRunes(in); got != want {
				t.Fatalf("Measure(%q) = %+v, want %+v", in, got, want)
			}
		}
	}
}

// FuzzMeasure compares Measure with measureRunes on any text, broken UTF-8
// included; `go test` runs the seeds, `go test -fuzz FuzzMeasure` searches
// further.
func FuzzMeasure(f *testing.F) {
	f.Add("社区 leaders' 议事，ｗｏｒｄ１ ｶﾀｶﾅ")
	f.Add("x\xed\xa0\x80y\xe0\x81\xa1\xef\xbc")
	f.Fuzz(func(t *testing.T, in string) {
		if got, want := Measure(in), measureRunes(in); got != want {
			t.Errorf("Measure(%q) = %+v, want %+v", in, got, want)
		}
	})
}

// TestMeasureASCIIEightAtATime checks the eight-bytes-at-a-time path of
// Measure against measureRunes on random texts made of the bytes at the
// edges of its ranges (each side of the digits and both cases of letters,
// control bytes that fold onto digits, apostrophes) mixed with non-ASCII
// characters, so that every byte position of a word of eight meets each.
func TestMeasureASCIIEightAtATime(t *testing.T) {
	alphabet := []string{"/", "0", "9", ":", "@", "A", "Z", "[", "`", "a", "z", "{", "'", " ", "\x10", "\x19", "\x7f", "m", "5", "社", "é", "’"}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for range rng.IntN(40) {
			if rng.IntN(4) == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteString(alphabet[rng.IntN(18)]) // ASCII only, mostly
			}
		}
		in := b.String()
		if got, want := Measure(in), measureRunes(in); got != want {
			t.Fatalf("Measure(%q) = %+v, want %+v", in, got, want)
		}
	}
}
