package htmlesc

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// keepURLByteSwitch is keepURLByte written out byte by byte, as
// html/template's processURLOnto decides.
func keepURLByteSwitch(s string, i int, norm bool) bool {
	c := s[i]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '-', '.', '_', '~':
		return true
	case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
		return norm
	case '%':
		return norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
	}
	return false
}

// urlKeptBytes is urlKept one byte at a time through keepURLByteSwitch.
func urlKeptBytes(s string, norm bool) int {
	for i := range len(s) {
		if !keepURLByteSwitch(s, i, norm) {
			return i
		}
	}
	return len(s)
}

func TestURLKeptMatchesSwitch(t *testing.T) {
	var tries []string
	for c := range 256 {
		for _, tail := range []string{"", "4", "41", "4g", "g1", "fF", "%"} {
			tries = append(tries, string([]byte{byte(c)})+tail, "a/"+string([]byte{byte(c)})+tail)
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "Z", "0", "9", "/", "%", "%4", "%41", "%zz", "社", " ", "&", "?", "=", "'", "(", "~", "_", "\x00", "\x7f", "@", "[", "`", "{"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		tries = append(tries, b.String())
	}
	for _, norm := range []bool{false, true} {
		for _, s := range tries {
			if got, want := urlKept(s, urlKeeps(norm), norm), urlKeptBytes(s, norm); got != want {
				t.Fatalf("urlKept(%q, norm %v) = %d, want %d", s, norm, got, want)
			}
		}
	}
}

// nextLowEscapeBytes is nextLowEscape one byte at a time.
func nextLowEscapeBytes(s string, from int, lo uint64) int {
	for i := from; i < len(s); i++ {
		if c := s[i]; c < 64 && lo>>c&1 != 0 {
			return i
		}
	}
	return len(s)
}

func TestNextLowEscapeMatchesBytes(t *testing.T) {
	sets := []uint64{htmlLo, htmlNormLo, 1 << 0, 1<<63 | 1<<0, 1 << 32}
	var tries []string
	// Every byte at every offset of a word and across a word's end.
	for c := range 256 {
		for at := range 17 {
			b := []byte(strings.Repeat("社a", 6))[:17]
			b[at] = byte(c)
			tries = append(tries, string(b))
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"a", "Z", "0", " ", "社区", "、", "&", "<", ">", "'", "\"", "+", "\x00", "?", "@", "\x7f", "\xff", "é", "abcdefgh", "领袖成长计划"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		tries = append(tries, b.String())
	}
	for _, lo := range sets {
		for _, s := range tries {
			for from := range min(len(s)+1, 10) {
				if got, want := nextLowEscape(s, from, lo), nextLowEscapeBytes(s, from, lo); got != want {
					t.Fatalf("nextLowEscape(%q, %d, %#x) = %d, want %d", s, from, lo, got, want)
				}
			}
		}
	}
}
