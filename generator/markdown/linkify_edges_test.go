package markdown

import "testing"

// linkifyEdgeCases are pages at the edges of needsLinkify: line ends
// other than "\n", white space that is not ASCII, escaped spaces, cuts at
// '(' next to emphasis, tables, task lists and CJK line breaks, link
// reference definitions inside containers, headings with '{' in code.
var linkifyEdgeCases = []string{
	"a\r\nb\r\n\r\nc (d\r\n",
	"tab\tinside\tline\nnext\tline\n",
	"nbsp\u00a0end\u00a0\nnext\u00a0\n",
	"ideo\u3000space\u3000\n中文\u3000\n文字\n",
	"vt\vin line\nff\fin line\n",
	"escaped\\ space\\ here\nnext\n",
	"中文 (括号\n文字 x\n",
	"- item\n\n  [a]: /a\n  [a]\n\n> text\n> [b]: /b\n\n> [b]\n",
	"- [ ] task (x\n- [x] done y\n",
	"# Head `{code}`\n\n## H {#id}\n\n### a {x\n",
	"| a (b | c d |\n|---|---|\n| e (f | g h |\n",
	"*a* (b *c*\n_d_ e\n",
	"~~a~~ (b ~c~ ~~~d\n",
	"&amp; (x &#40; y\\(z\n",
	"x\\\ny\\\r\nz\n",
	"![a (b c](x.png) ![中 文](y.png)\n",
	"[link (x](</a b>) [y](/c \"t (u\")\n",
	"Term (a\n: def (b\n",
	"ref[^n] (x\n\n[^n]: note (y\n",
	"<span>raw (x</span> y\n",
	"a\n\u00a0\nb\n",
	"  lead (space\n    more lead\n",
	"\x82\n0 (\xff\n",
}

// TestLinkifyFreeParseEdgeCases renders the edge cases that needsLinkify
// lets go without linkify both ways and compares every field.
func TestLinkifyFreeParseEdgeCases(t *testing.T) {
	fast, general := New(Options{}), generalRenderer()
	ctx := Context{File: "a.md", Links: pathResolver{}, Shortcodes: iconShortcode}
	for _, src := range linkifyEdgeCases {
		if needsLinkify([]byte(src)) {
			t.Errorf("needsLinkify(%q) = true: the case compares nothing", src)
			continue
		}
		compareRenders(t, fast, general, src, ctx)
	}
}

// TestRenderInvalidUTF8AtSoftBreak renders invalid UTF-8 before a soft
// line break, on which goldmark's own renderer panics when East Asian
// line breaks are on; Render settles the break itself.
func TestRenderInvalidUTF8AtSoftBreak(t *testing.T) {
	res, err := New(Options{}).Render([]byte("\x82\n0"), Context{File: "a.md"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "<p>\x82\n0</p>\n"; res.HTML != want {
		t.Errorf("HTML %q, want %q", res.HTML, want)
	}
}
