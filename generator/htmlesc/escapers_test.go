package htmlesc

import (
	"html/template"
	"math"
	"testing"
)

// escCase is one hand-checked call of an escaper.
type escCase struct {
	args []any
	want string
}

// one is an escCase with a single argument.
func one(v any, want string) escCase { return escCase{args: []any{v}, want: want} }

func TestEscapersByHand(t *testing.T) {
	s, h := "<", template.HTML("<b>")
	cases := map[string][]escCase{
		"_html_template_htmlescaper": {
			one("", ""),
			one("plain text 中文\u2028", "plain text 中文\u2028"),
			one(`<a href="x">&'+`, `&lt;a href=&#34;x&#34;&gt;&amp;&#39;&#43;`),
			one("a\x00b\xff", "a\uFFFDb\xff"),
			one(template.HTML("<b>x</b>"), "<b>x</b>"),
			one(&h, "<b>"),
			one(template.URL("a&b"), "a&amp;b"),
			one(nil, ""),
			one(&s, "&lt;"),
			one(valStringer{1}, "&lt;S 1 &amp; &#34;x&#34;&gt;"),
			{args: []any{"a", nil, "b"}, want: "ab"},
			{args: []any{1, 2}, want: "1 2"},
			{args: nil, want: ""},
		},
		"_html_template_attrescaper": {
			one(`"x"`, `&#34;x&#34;`),
			one(template.HTML(`<b title="t">a&amp;b</b>`), "a&amp;b"),
			one(template.HTML(`a "q" <i>`), "a &#34;q&#34; "),
			one(template.HTML("a < b"), "a &lt; b"),
			one(template.HTML("x <!-- c --> y"), "x  y"),
			one(template.HTML("<script>a<b</script>t"), "t"),
			one(template.HTML("<title>a<b</title>c"), "ac"),
			one(template.HTML(`<p title="unterminated`), ""),
			one(template.HTML(`<p "bad>z`), ""),
			one(template.HTML("<meta charset=utf-8>m"), "m"),
		},
		"_html_template_rcdataescaper": {
			one("</title>", "&lt;/title&gt;"),
			one(template.HTML("a &amp; <b>"), "a &amp; &lt;b&gt;"),
		},
		"_html_template_nospaceescaper": {
			one("", filterFailsafe),
			one(nil, filterFailsafe),
			one(template.HTML(""), filterFailsafe),
			one("a b=c`d", "a&#32;b&#61;c&#96;d"),
			one("\t\n\v\f\r", "&#9;&#10;&#11;&#12;&#13;"),
			one("\x00", "&#xfffd;"),
			one("\ufdd0\uffff\ufffd\xff中", "&#xfdd0;&#xffff;&#xfffd;&#xfffd;中"),
			one(template.HTML("<b>a b</b>"), "a&#32;b"),
			one(template.HTML("<i></i>"), ""),
		},
		"_html_template_urlfilter": {
			one("javascript:alert(1)", "#"+filterFailsafe),
			one(" javascript:x", "#"+filterFailsafe),
			one("a:b", "#"+filterFailsafe),
			one("HTTPS://x", "HTTPS://x"),
			one("mailto:a@b", "mailto:a@b"),
			one("/a:b", "/a:b"),
			one("", ""),
			one(template.URL("javascript:x"), "javascript:x"),
		},
		"_html_template_urlnormalizer": {
			one("a b", "a%20b"),
			one("/p?q=1&r=[2]#f", "/p?q=1&r=[2]#f"),
			one("%41%zz%4", "%41%25zz%254"),
			one("中", "%e4%b8%ad"),
			one(`'()"<>\`, "%27%28%29%22%3c%3e%5c"),
		},
		"_html_template_urlescaper": {
			one("a b&c=d/e", "a%20b%26c%3dd%2fe"),
			one("-._~", "-._~"),
			one("%41", "%2541"),
			one(template.URL("a b&c"), "a%20b&c"),
		},
		"_html_template_srcsetescaper": {
			one("a.png 1x, b.png 2x", "a.png 1x, b.png 2x"),
			one("javascript:x 1x, b.png", "#ZgotmplZ, b.png"),
			one("a b.png 1.5x", "#ZgotmplZ"),
			one("a%zz.png 2w", "a%25zz.png 2w"),
			one(template.URL("a.png, b"), "a.png%2c%20b"),
			one(template.Srcset("javascript:x"), "javascript:x"),
			one("", ""),
		},
		"_html_template_htmlnamefilter": {
			one("H1", "h1"),
			one("", filterFailsafe),
			one("onclick", filterFailsafe),
			one("href", filterFailsafe),
			one("imgsrc", filterFailsafe),
			one("srclang", "srclang"),
			one("data-x", filterFailsafe),
			one("title", "title"),
			one(template.HTMLAttr(`dir="ltr"`), `dir="ltr"`),
			one(2, "2"),
			one("\u212aey", "key"),
			one("é", filterFailsafe),
		},
		"_html_template_commentescaper": {
			one("-->", ""),
			{args: []any{1, 2}, want: ""},
		},
		"_html_template_cssescaper": {
			one(`a"b`, `a\22 b`),
			one(`a"z`, `a\22z`),
			one(`\`, `\\`),
			one("x<", `x\3c `),
			one("a\tb", `a\9 b`),
			one("(1)", `\28 1\29 `),
			one("a+ ", `a\2b  `),
			one("中", "中"),
			one(template.CSS("<"), `\3c `),
		},
		"_html_template_cssvaluefilter": {
			one("red", "red"),
			one("#fff", "#fff"),
			one("10px", "10px"),
			one("e\\78pression", filterFailsafe),
			one("-moz-binding", filterFailsafe),
			one("a--b", filterFailsafe),
			one("a;b", filterFailsafe),
			one(`\41`, "A"),
			one(`\41 B`, "AB"),
			one(`a\`, "a"),
			one(`\0`, filterFailsafe),
			one(`\110000`, "\U000110000"),
			one(template.CSS("x;y"), "x;y"),
		},
		"_html_template_jsvalescaper": {
			one("a<b", `"a\u003cb"`),
			one(42, " 42 "),
			one(nil, " null "),
			one(true, " true "),
			one(template.JS("x+y"), "x+y"),
			one(template.JSStr(`a"b`), `"a"b"`),
			one([]int{1, 2}, "[1,2]"),
			one("a\u2028", `"a\u2028"`),
			one(valStringer{1}, `"\u003cS 1 \u0026 \"x\"\u003e"`),
			one(jsonErr{"</script>"}, ` /* json: error calling MarshalJSON for type htmlesc.jsonErr: \x3C/script> */null `),
			one(math.NaN(), ` /* json: unsupported value: NaN */null `),
			{args: []any{"a", "b"}, want: `"ab"`},
			{args: []any{nil, 1}, want: `"\u003cnil\u003e 1"`},
		},
		"_html_template_jsstrescaper": {
			one(`a"b'c`, `a\u0022b\u0027c`),
			one("</script>", `\u003c\/script\u003e`),
			one(`\`, `\\`),
			one(template.JSStr(`a\"b`), `a\\u0022b`),
			one("\x00\x1f\x7f", `\u0000\u001f`+"\x7f"),
			one("\u2028\u2029", `\u2028\u2029`),
			one("\n\t\v", `\n\t\u000b`),
			one("`{$}&+", `\u0060{$}\u0026\u002b`),
		},
		"_html_template_jstmpllitescaper": {
			one("${x}", `\u0024\u007bx\u007d`),
			one("`", `\u0060`),
			one(template.JSStr(`\`), `\\`),
		},
		"_html_template_jsregexpescaper": {
			one("", "(?:)"),
			one(nil, "(?:)"),
			one("a.b*c", `a\.b\*c`),
			one("`/-", "`"+`\/\-`),
		},
		"_eval_args_": {
			one("x", "x"),
			one(nil, "<nil>"),
			{args: []any{nil, 1}, want: "<nil> 1"},
			{args: []any{"a", 1}, want: "a1"},
			one(&s, "<"),
			one(template.HTML("<b>"), "<b>"),
		},
	}
	o := newOracle()
	for name, list := range cases {
		f, ok := Lookup(name)
		if !ok {
			t.Errorf("Lookup(%q) = false", name)
			continue
		}
		for _, c := range list {
			if ref := o.call(t, name, c.args...); ref != c.want {
				t.Errorf("html/template's %s(%s) = %q; the expectation %q is wrong", name, describe(c.args), ref, c.want)
			}
			if got := f(c.args...); got != c.want {
				t.Errorf("%s(%s) = %q, want %q", name, describe(c.args), got, c.want)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	for _, name := range escaperNames() {
		if f, ok := Lookup(name); !ok || f == nil {
			t.Errorf("Lookup(%q) = %v, %v; want an escaper", name, f, ok)
		}
	}
	for _, name := range []string{"", "html", "urlquery", "js", "_html_template_", "_html_template_HTMLescaper", "_eval_args"} {
		if f, ok := Lookup(name); ok || f != nil {
			t.Errorf("Lookup(%q) = %v, %v; want nil, false", name, f, ok)
		}
	}
}

func TestEscapeLineSeparators(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{`"x"`, `"x"`},
		{"\"a\u2028b\u2029\"", `"a\u2028b\u2029"`},
		{"\u2029", `\u2029`},
		{"\xe2\x80", "\xe2\x80"},
	} {
		if got := escapeLineSeparators([]byte(c.in)); got != c.want {
			t.Errorf("escapeLineSeparators(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
