package frontmatter

import (
	"testing"
	"unicode/utf8"
)

func TestTOMLFastMatchesGeneral(t *testing.T) {
	tests := []string{
		"",
		"\n\n# only a comment\n",
		matterBlock(projectTOML, "+++"),
		"title = \"社区 \\\"花园\\\"\\t\\\\ \\n\\b\\f\\r\\e\"\nlit = 'C:\\path \"x\"'\nempty = \"\"\nempty2 = ''\n",
		"date = 2024-03-01\nat = 2024-03-01T10:20:30\nutc = 2024-03-01T10:20:30Z # c\nleap = 2024-02-29\n",
		"n = -0\np = +42\nbig = 9223372036854775807\nneg = -9223372036854775808\nf = -0.0\ne = 1e5\nE = 2.5E-3\nz = 0e0\nx = 1e05\n",
		"  indented = true\n\tf = false # no\n",
		"tags = []\nsp = [ ]\nm = [\n  \"a\", # one\n  'b',\n\n  # gap\n  3,\n]\nnest = [[1, 2], [], [[true]]]\nmixed = [1, \"x\", 2024-01-02, 1.5]\n",
		"a = 1\n[t]\nb = 2\n[ spaced ]\n[[arr]]\nx = 1\n[[ arr ]] # again\ny = [2]\n[[arr]]\n[u]\n",
		"key-with_dash = 1\n123 = 'digits'\ntrue = false\n",
		"a = 1", // no final newline
		"[t]",
	}
	for _, src := range tests {
		checkFastPath(t, decodeTOMLFast, decodeTOMLGeneral, src, true)
	}
}

func TestTOMLFastDeclines(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"dotted key", "a.b = 1\n"},
		{"quoted key", "\"a\" = 1\n"},
		{"dotted header", "[a.b]\n"},
		{"inline table", "a = {b = 1}\n"},
		{"multi-line basic string", "a = \"\"\"x\"\"\"\n"},
		{"multi-line literal string", "a = '''x'''\n"},
		{"unicode escape", "a = \"\\u00e9\"\n"},
		{"hex integer", "a = 0x1F\n"},
		{"underscore", "a = 1_000\n"},
		{"inf", "a = inf\n"},
		{"offset", "a = 2024-03-01T10:00:00+08:00\n"},
		{"fraction", "a = 2024-03-01T10:00:00.5\n"},
		{"space date-time", "a = 2024-03-01 10:00:00\n"},
		{"local time", "a = 10:00:00\n"},
		{"crlf", "a = 1\r\n"},
		{"duplicate key", "a = 1\na = 2\n"},
		{"duplicate table", "[t]\n[t]\n"},
		{"table over key", "t = 1\n[t]\n"},
		{"array over table", "[t]\n[[t]]\n"},
		{"table over array", "[[t]]\n[t]\n"},
		{"array of tables over array", "t = [1]\n[[t]]\n"},
		{"missing value", "a =\n"},
		{"two values", "a = 1 2\n"},
		{"leading zero", "a = 01\n"},
		{"float without fraction digits", "a = 1.\n"},
		{"bad date", "a = 2023-02-30\n"},
		{"control character", "a = \"\x01\"\n"},
		{"invalid utf-8", "a = \"\xff\"\n"},
		{"unclosed string", "a = \"x\n"},
		{"unclosed array", "a = [1,\n"},
		{"empty element", "a = [,]\n"},
		{"too deep", "a = [[[[[[[[[1]]]]]]]]]\n"},
		{"out of range", "a = 9223372036854775808\n"},
		{"bare word", "a = yes\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFastPath(t, decodeTOMLFast, decodeTOMLGeneral, tt.src, false)
		})
	}
}

// FuzzTOMLFast checks that whatever the fast path accepts, the general
// decoder accepts too, with the same values and positions.
func FuzzTOMLFast(f *testing.F) {
	fuzzFastPath(f, decodeTOMLFast, decodeTOMLGeneral,
		matterBlock(projectTOML, "+++"),
		"a = [1, [2, 'x'], \"y\\n\"]\n[t]\nb = 2024-03-01T10:00:00Z\n[[c]]\n[[c]]\nd = -1.5e3\n",
		"x = 2024-03-01 # c\ny = true\n",
	)
}

// plainTOMLTextBytewise is plainTOMLText one byte at a time, as the word
// scan must agree with.
func plainTOMLTextBytewise(text []byte) bool {
	ascii := true
	for _, c := range text {
		switch {
		case c == '\n' || c == '\t':
		case c < 0x20 || c == 0x7f:
			return false
		case c >= 0x80:
			ascii = false
		}
	}
	return ascii || utf8.Valid(text)
}

func TestPlainTOMLTextMatchesBytewise(t *testing.T) {
	// Every byte value at every place of a word and of the tail, in
	// ASCII text and beside a CJK character, so the word scan's bit
	// tests meet each byte with each neighbour.
	bases := []string{
		"title = 'abcdefghijklmnop'\n",
		"t = \"社区\"\nx = 1,\n",
		"\t\t\t\t\t\t\t\t\n\n\n\n\n\n\n\n",
	}
	for _, base := range bases {
		for at := range len(base) {
			for c := range 256 {
				text := []byte(base)
				text[at] = byte(c)
				if got, want := plainTOMLText(text), plainTOMLTextBytewise(text); got != want {
					t.Fatalf("%q: %v, want %v", text, got, want)
				}
			}
		}
	}
}
