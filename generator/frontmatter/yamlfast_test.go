package frontmatter

import "testing"

func TestYAMLFastMatchesGeneral(t *testing.T) {
	tests := []string{
		"",
		"# only a comment\n\n",
		matterBlock(projectYAML, "---"),
		"title: \"小组成员：积累了 'quotes'\"\ndate: 2023-12-01\naudience: \"public\"\ntags: [\"邻里互助\", volunteering, 'x y']\n",
		"标题: 中文\nk: [甲, 乙]\n",
		"a: plain text with spaces   # and a comment\nb: C#, really\nc: http://example.org/x\nd: 'single'\ne: \"\"\n",
		"t: true\nT: True\nf: FALSE\nn: null\nN: Null\nempty:\nspaced:   \nyes: yes\nno: No\n",
		"i: 0\nj: -0\nk: +42\nl: -9223372036854775808\nf: 4.50\ng: -0.0\nh: 12.5\n",
		"list:\n- a\n- 1\n- [x, \"y\"]\n- null\nnext: 1\n",
		"outer:\n  inner:\n    deep: 1\n    list:\n      - k: v\n        m: [1, 2]\n      -   k: w\n  after: x\n",
		"seq:\n  - a: 1\n    b:\n      - c\n  - d: 2\n    e:\n  - 3\n",
		"flow: [ a , b,c ]\nempty: []\nsp: [ ]\n",
		"a: 1", // no final newline
		"a:\n\n  # comment\n  b: 1\n",
		"key-with_dash: x\n123: digits\n",
	}
	for _, src := range tests {
		checkFastPath(t, decodeYAMLFast, decodeYAMLGeneral, src, true)
	}
}

func TestYAMLFastDeclines(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"tab", "a:\t1\n"},
		{"crlf", "a: 1\r\n"},
		{"escape", "a: \"x\\ty\"\n"},
		{"escaped single quote", "a: 'it''s'\n"},
		{"anchor", "a: &x 1\n"},
		{"alias", "a: 1\nb: *a\n"},
		{"tag", "a: !!str 1\n"},
		{"merge", "<<: {a: 1}\n"},
		{"block scalar", "a: |\n  x\n"},
		{"flow mapping", "a: {b: 1}\n"},
		{"nested flow", "a: [[1]]\n"},
		{"multi-line plain", "a: one\n  two\n"},
		{"multi-line quoted", "a: \"one\n  two\"\n"},
		{"multi-line flow", "a: [1,\n  2]\n"},
		{"trailing comma", "a: [1, ]\n"},
		{"hex", "a: 0x1F\n"},
		{"octal", "a: 017\n"},
		{"underscore", "a: 1_000\n"},
		{"exponent", "a: 1e3\n"},
		{"tilde", "a: ~\n"},
		{"infinity", "a: .inf\n"},
		{"date-time", "a: 2024-03-01T10:00:00Z\n"},
		{"bad date", "a: 2023-02-30\n"},
		{"text after digits", "a: 2024年度\n"},
		{"duplicate key", "a: 1\na: 2\n"},
		{"duplicate null key", "0:\n  A: \n  A:"},
		{"quoted key", "\"a\": 1\n"},
		{"key with space", "my key: 1\n"},
		{"indented root", "  a: 1\n"},
		{"sequence root", "- a\n"},
		{"scalar root", "hello\n"},
		{"bad indentation", "a:\n  b: 1\n c: 2\n"},
		{"item on next line", "a:\n-\n  b\n"},
		{"colon in plain", "a: b: c\n"},
		{"comment without space", "a: 'x'#c\n"},
		{"document end", "a: 1\n...\n"},
		{"line separator", "a: x\u2028y\n"},
		{"invalid utf-8", "a: \xff\n"},
		{"out of range", "a: 9223372036854775808\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFastPath(t, decodeYAMLFast, decodeYAMLGeneral, tt.src, false)
		})
	}
}

// FuzzYAMLFast checks that whatever the fast path accepts, the general
// decoder accepts too, with the same values and positions.
func FuzzYAMLFast(f *testing.F) {
	fuzzFastPath(f, decodeYAMLFast, decodeYAMLGeneral,
		matterBlock(projectYAML, "---"),
		"a: [x, 'y', \"z\", 1, -2.5, true, null, 2024-03-01]\nb:\n- c: d\n  e: [f]\n- g\n",
		"k: v # c\n# x\nm:\n  n: 1\n",
	)
}
