package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenCases is shared by TestTokens and the node comparison in js_test.go.
var tokenCases = []struct {
	name, in string
	want     []string
}{
	{"english", "Elevator retrofit: training the leaders!", []string{"elevator", "retrofit", "train", "the", "leader"}},
	{"case folding outside ASCII", "ÉCOLE Straße ΣΟΦΊΑ", []string{"école", "straße", "σοφία"}},
	{"digits", "2024 plan v2 3.5", []string{"2024", "plan", "v2", "3", "5"}},
	{"chinese", "加装电梯", []string{"加", "加装", "装", "装电", "电", "电梯", "梯"}},
	{"one character", "会", []string{"会"}},
	{"punctuation ends a CJK run", "电梯，议事", []string{"电", "电梯", "梯", "议", "议事", "事"}},
	{"mixed", "2024年用Go写elevators", []string{"2024", "年", "年用", "用", "go", "写", "elevator"}},
	{"fullwidth", "ＡＢＣ１２３ＧＯ语言", []string{"abc123go", "语", "语言", "言"}},
	{"apostrophes", "leader's don’t 'quoted' x'", []string{"leader", "dont", "quot", "x"}},
	{"kana with prolonged mark", "コーヒー", []string{"コ", "コー", "ー", "ーヒ", "ヒ", "ヒー", "ー"}},
	{"hangul", "주민회의", []string{"주", "주민", "민", "민회", "회", "회의", "의"}},
	{"combining mark stays in the word", "e\u0301cole", []string{"e\u0301cole"}},
	{"astral Han", "𠀀𠀁", []string{"𠀀", "𠀀𠀁", "𠀁"}},
	{"no tokens", "— !? …", nil},
}

func TestTokens(t *testing.T) {
	for _, tc := range tokenCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Tokens(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestQueryTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"加装电梯", []string{"加装", "装电", "电梯"}},
		{"电", []string{"电"}},
		{"电 梯", []string{"电", "梯"}},
		{"电梯 电梯", []string{"电梯"}},
		{"Elevators elevator", []string{"elevator"}},
		{"用Go写", []string{"用", "go", "写"}},
		{"  ", nil},
	}
	for _, tc := range tests {
		if got := queryTerms(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("queryTerms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// stemCases is shared by TestStem and the node comparison in js_test.go.
var stemCases = []struct{ in, want string }{
	// Step 1: plurals.
	{"elevators", "elevator"},
	{"classes", "class"},
	{"studies", "studi"},
	{"ties", "tie"},
	{"boxes", "box"},
	{"status", "status"},
	{"analysis", "analysis"},
	{"class", "class"},
	// Step 2: suffixes.
	{"training", "train"},
	{"trainings", "train"},
	{"trained", "train"},
	{"needed", "need"},
	{"need", "need"},
	{"being", "being"},
	{"bring", "bring"},
	{"planned", "plan"},
	{"running", "run"},
	{"added", "add"},
	{"called", "call"},
	{"happiness", "happi"},
	{"business", "busi"},
	{"businesses", "busi"},
	{"development", "develop"},
	{"comment", "comment"},
	{"quickly", "quick"},
	{"family", "famili"},
	{"families", "famili"},
	{"supply", "suppli"},
	{"supplies", "suppli"},
	// Step 3: the end.
	{"manage", "manag"},
	{"managed", "manag"},
	{"managing", "manag"},
	{"management", "manag"},
	{"community", "communiti"},
	{"communities", "communiti"},
	{"day", "day"},
	{"use", "use"},
	// Not stemmed: short, or not a–z only.
	{"bus", "bus"},
	{"1990s", "1990s"},
	{"cafés", "cafés"},
}

func TestStem(t *testing.T) {
	for _, tc := range stemCases {
		if got := string(stem([]byte(tc.in))); got != tc.want {
			t.Errorf("stem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFNV1a32(t *testing.T) {
	// Reference values of 32-bit FNV-1a.
	tests := []struct {
		in   string
		want uint32
	}{
		{"", 0x811c9dc5},
		{"a", 0xe40c292c},
		{"foobar", 0xbf9cf968},
	}
	for _, tc := range tests {
		if got := fnv1a32(tc.in); got != tc.want {
			t.Errorf("fnv1a32(%q) = %#x, want %#x", tc.in, got, tc.want)
		}
	}
}

func TestIsCJK(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
			unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) || r == 0x30FC || r == 0xFF70
		if got := isCJK(r); got != want {
			t.Fatalf("isCJK(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestIsWordRune checks isWordRune's shortcuts against Unicode's tables
// for every code point.
func TestIsWordRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if got := isWordRune(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestTokensInvalidUTF8 checks that bytes which are not UTF-8 separate
// tokens as U+FFFD does, whichever path decodes them.
func TestTokensInvalidUTF8(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"电\xe4\xb8梯", []string{"电", "梯"}},
		{"电\xe4\xb8", []string{"电"}},
		{"a\xffb", []string{"a", "b"}},
		{"\xed\xa0\x80\xe0\x80\x80", nil}, // a surrogate and an overlong form
		{"\xe4\xb8\x80\xef\xbd\xb1", []string{"一", "一ｱ", "ｱ"}},
		{"leader\xe2\x80\x99s", []string{"leader"}}, // ’ between word runes
	}
	for _, tc := range tests {
		if got := Tokens(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// refTokens tokenizes text by the rules of the package comment, a rune at
// a time and with none of the scanner's fast paths: in query mode a CJK
// run of two or more characters gives its pairs only.
func refTokens(text string, query bool) []string {
	var out []string
	var word, run []rune
	endWord := func() {
		if len(word) > 0 {
			out = append(out, string(stem([]byte(string(word)))))
			word = nil
		}
	}
	endRun := func() {
		if query && len(run) == 1 {
			out = append(out, string(run))
		}
		run = nil
	}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	runes := []rune(text)
	for i, r := range runes {
		r = foldWidth(r)
		switch {
		case isCJK(r):
			endWord()
			if len(run) > 0 {
				out = append(out, string([]rune{run[len(run)-1], r}))
			}
			if !query {
				out = append(out, string(r))
			}
			run = append(run, r)
		case isWord(r):
			endRun()
			word = append(word, unicode.ToLower(r))
		case (r == '\'' || r == '\u2019') && len(word) > 0 && i+1 < len(runes) &&
			isWord(foldWidth(runes[i+1])) && !isCJK(foldWidth(runes[i+1])):
			// Inside a word: dropped.
		default:
			endRun()
			endWord()
		}
	}
	endRun()
	endWord()
	return out
}

// TestTokensFollowRules holds the scanner, fast paths and batches
// included, to refTokens on seeded random text: long runs of Han
// characters across batch boundaries, the code points at the edges of the
// Han fast path, other CJK, words, apostrophes, runs of ASCII spaces and
// punctuation (read in a fast path of their own) and bytes that are not
// UTF-8.
func TestTokensFollowRules(t *testing.T) {
	pieces := []string{
		"一", "鿿", "丂", "電", "梯", "\u4dff", "\ua000", "〇", "㐀", "𠀀", "ア", "ー", "ｰ", "가",
		"a", "Z", "7", "leader", "Volunteers2024", "abcdefghijklmnopq", "@", "[", "`", "{", "/", ":", "\xc1", "é", "e\u0301", "Ａ", "１", " ", "，", "。", "'", "’", "-", "\n", ". ", " '", "' ", "\t", "\x7f", "\x00", "\xe4\xb8", "\xff", "\xed\xa0\x80", "\xe4\xb7\xbf",
		"、", "“", "—", "…", "（", "＇", "！", "〆", "〇", "〰", "〡", "\u2070", "\u3040", "\uff5f", "\xef\xbc", "\xe3\x80",
	}
	r := rand.New(rand.NewPCG(3, 4))
	for k := range 400 {
		var b strings.Builder
		n := r.IntN(900)
		for range n {
			if k%4 == 0 && r.IntN(10) > 0 { // mostly Han
				b.WriteRune(rune(0x4E00 + r.IntN(0x5200)))
				continue
			}
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		if got, want := Tokens(text), refTokens(text, false); !slices.Equal(got, want) {
			t.Fatalf("Tokens(%q)\n = %q\nwant %q", text, got, want)
		}
		var got []string
		var s scanner
		s.scan(text, true, func(batch []token, words []byte) {
			eachText(batch, words, func(t []byte) { got = append(got, string(t)) })
		})
		if want := refTokens(text, true); !slices.Equal(got, want) {
			t.Fatalf("query scan of %q\n = %q\nwant %q", text, got, want)
		}
	}
}

// TestWordBytes holds wordBytes to isASCIIWord read a byte at a time: every
// byte value at every place after word bytes, and random bytes drawn
// mostly from around the edges of the letters and digits.
func TestWordBytes(t *testing.T) {
	ref := func(x uint64) int {
		n := 0
		for n < 8 && isASCIIWord(rune(byte(x>>(8*n)))) {
			n++
		}
		return n
	}
	for at := range 8 {
		for c := range 256 {
			x := uint64(0x6161616161616161)&^(0xFF<<(8*at)) | uint64(c)<<(8*at)
			if got, want := wordBytes(x), ref(x); got != want {
				t.Fatalf("wordBytes(%#016x) = %d, want %d", x, got, want)
			}
		}
	}
	edges := []byte("/09:@AZ[`az{\x7f\x80\xc1\xe1\xff m")
	r := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		x := uint64(0)
		for k := range 8 {
			c := byte(r.IntN(256))
			if r.IntN(4) > 0 {
				c = edges[r.IntN(len(edges))]
			}
			x |= uint64(c) << (8 * k)
		}
		if got, want := wordBytes(x), ref(x); got != want {
			t.Fatalf("wordBytes(%#016x) = %d, want %d", x, got, want)
		}
	}
}

// TestSeparatorAt holds separatorAt, scan's shortcut for three-byte
// separators, to the general case it skips: every character of three
// bytes of UTF-8 it takes is, width folded, no CJK character, word rune
// or apostrophe, and in the blocks it reads (General Punctuation, CJK
// Symbols and Punctuation, fullwidth ASCII) so is every other; cut short,
// none is.
func TestSeparatorAt(t *testing.T) {
	for r := rune(0x800); r <= 0xFFFF; r++ {
		if utf8.RuneLen(r) != 3 {
			continue // surrogates
		}
		f := foldWidth(r)
		want := !isCJK(f) && !isWordRune(f) && !isApostrophe(f)
		text := string(r)
		inBlocks := 0x2000 <= r && r < 0x2070 || 0x3000 <= r && r < 0x3040 || 0xFF01 <= r && r <= 0xFF5E
		if got := separatorAt(text, 0); got != want && (got || inBlocks) {
			t.Fatalf("separatorAt(%q) = %v, want %v", text, got, want)
		}
		if separatorAt(text[:2], 0) || separatorAt("a"+text[:2], 1) {
			t.Fatalf("separatorAt took %q cut short", text)
		}
	}
}
