package htmlesc

import (
	"errors"
	"fmt"
	"html/template"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// escaperNames returns the pipeline functions html/template inserts, all
// of which Lookup implements.
func escaperNames() []string {
	return []string{
		"_html_template_htmlescaper",
		"_html_template_attrescaper",
		"_html_template_rcdataescaper",
		"_html_template_nospaceescaper",
		"_html_template_urlfilter",
		"_html_template_urlnormalizer",
		"_html_template_urlescaper",
		"_html_template_srcsetescaper",
		"_html_template_htmlnamefilter",
		"_html_template_commentescaper",
		"_html_template_cssescaper",
		"_html_template_cssvaluefilter",
		"_html_template_jsvalescaper",
		"_html_template_jsstrescaper",
		"_html_template_jsregexpescaper",
		"_html_template_jstmpllitescaper",
		"_eval_args_",
	}
}

// oracle calls html/template's own escapers. A template declares a
// variable from a call such as (_html_template_attrescaper (index .Args 0)):
// html/template leaves declarations alone, and once it has escaped a
// template its real escapers replace the stubs the template was parsed
// with, so the call reaches the real function with exactly the values
// given.
type oracle struct {
	tmpls map[string]*template.Template
}

// oracleData is the data of an oracle template; Put records the result.
type oracleData struct {
	Args []any
	got  string
}

// Put records s as the escaper's result.
func (d *oracleData) Put(s string) string {
	d.got = s
	return ""
}

func newOracle() *oracle {
	return &oracle{tmpls: map[string]*template.Template{}}
}

// call returns what html/template's escaper name returns for args.
func (o *oracle) call(t *testing.T, name string, args ...any) string {
	t.Helper()
	s, err := o.try(t, name, args...)
	if err != nil {
		t.Fatalf("oracle %s: %v", name, err)
	}
	return s
}

// try returns what html/template's escaper name returns for args, or the
// error text/template reports when the escaper panics.
func (o *oracle) try(t *testing.T, name string, args ...any) (string, error) {
	t.Helper()
	key := fmt.Sprintf("%s/%d", name, len(args))
	tm := o.tmpls[key]
	if tm == nil {
		stubs := template.FuncMap{}
		for _, n := range escaperNames() {
			stubs[n] = func(...any) string { return "STUB" }
		}
		var call strings.Builder
		call.WriteString(name)
		for i := range args {
			fmt.Fprintf(&call, " (index .Args %d)", i)
		}
		src := fmt.Sprintf("{{$r := .Put (%s)}}", call.String())
		tm = template.Must(template.New(key).Funcs(stubs).Parse(src))
		o.tmpls[key] = tm
	}
	d := &oracleData{Args: args}
	var out strings.Builder
	if err := tm.Execute(&out, d); err != nil {
		return "", err
	}
	if out.Len() != 0 || d.got == "STUB" {
		t.Fatalf("oracle %s did not reach html/template's escaper (out %q, got %q)", key, out.String(), d.got)
	}
	return d.got, nil
}

// catch runs f and returns its result, or the value it panicked with.
func catch(f func() string) (s string, panicked any) {
	defer func() { panicked = recover() }()
	return f(), nil
}

// Types whose printing the escapers must match.
type (
	valStringer struct{ N int }
	ptrStringer struct{ S string }
	valError    struct{ Msg string }
	namedString string
	point       struct {
		X, Y int
		Tag  string
	}
	jsonErr     struct{ Msg string }
	jsonRaw     struct{ Raw string }
	bothTypes   struct{ N int }
	errStringer struct{ N int }
)

func (v valStringer) String() string           { return fmt.Sprintf("<S %d & \"x\">", v.N) }
func (p *ptrStringer) String() string          { return "ptr:" + p.S }
func (e valError) Error() string               { return "err: " + e.Msg }
func (j jsonErr) MarshalJSON() ([]byte, error) { return nil, errors.New(j.Msg) }
func (j jsonRaw) MarshalJSON() ([]byte, error) { return []byte(j.Raw), nil }
func (e errStringer) Error() string            { return "error text" }
func (e errStringer) String() string           { return "stringer text" }
func (b bothTypes) String() string             { return "stringer" }
func (b bothTypes) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`{"n":%d}`, b.N)), nil
}

// stringPieces returns the fragments random strings are made of:
// everything the escapers treat specially, plus markup, URL and CSS
// snippets.
func stringPieces() []string {
	return []string{
		"a", "Z", "0", "9", "f", "x", " ", "  ", "\t", "\n", "\r", "\r\n", "\f", "\v", "\x00", "\x01", "\x1f", "\x7f",
		"\"", "'", "`", "<", ">", "&", "+", "=", "%", "%41", "%zz", "%4", "#", "?", "/", "\\", ":", ";", ",", ".",
		"-", "--", "_", "~", "!", "$", "(", ")", "*", "@", "[", "]", "{", "}", "^", "|",
		"\x80", "\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "中文", "é", "😀", "\u2028", "\u2029", "\ufffd", "\ufdd0",
		"\ufdef", "\u2068", "\u20a8", "\ufff0", "\uffff", "\ufeff", "ſ", "\u212a", "İ",
		"javascript:", "JavaScript:", "http:", "HTTPS://", "mailto:", "data:", "//host/", "a/b:c",
		"<b>", "</b>", "<br/>", "<a href=\"x>y\">", "<p title='q'>", "<p x=y>", "<p x = \"1\" y>", "<!--", "-->",
		"<script>", "</script>", "</script ", "</SCRIPT>", "<style>", "</style>", "<title>", "</title>",
		"<textarea>", "</textarea>", "<meta content=\"1\">", "<x-y:z>", "</", "<1", "<a\"", "&amp;", "&lt;", "&#34;",
		"expression", "Expression(", "mozbinding", "-moz-binding", "\\41", "\\0", "\\d800 ", "\\110000",
		"\\", "\\\n", "\\\"", " 1x", " 2w,", "img.png", "a.jpg 1x, b.jpg 2x", "onclick", "src", "href", "srclang",
		"H1", "data-x", "xmlns:a",
	}
}

// randomString joins up to 12 random pieces.
func randomString(r *rand.Rand, pieces []string) string {
	var b strings.Builder
	for n := r.IntN(13); n > 0; n-- {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// randomValue returns a value of a random type built around a random
// string of pieces.
func randomValue(r *rand.Rand, pieces []string) any {
	s := randomString(r, pieces)
	switch r.IntN(24) {
	case 0:
		return template.HTML(s)
	case 1:
		return template.HTMLAttr(s)
	case 2:
		return template.URL(s)
	case 3:
		return template.CSS(s)
	case 4:
		return template.JS(s)
	case 5:
		return template.JSStr(s)
	case 6:
		return template.Srcset(s)
	case 7:
		return &s
	case 8:
		h := template.HTML(s)
		p := &h
		return &p
	case 9:
		return namedString(s)
	case 10:
		return r.IntN(2000) - 1000
	case 11:
		return r.Float64() * 1e6
	case 12:
		return r.IntN(2) == 0
	case 13:
		return point{X: r.IntN(9), Y: -r.IntN(9), Tag: s}
	case 14:
		return valStringer{N: r.IntN(9)}
	case 15:
		return &ptrStringer{S: s}
	case 16:
		return valError{Msg: s}
	case 17:
		return []string{s, "b"}
	case 18:
		return nil
	}
	return s
}

// oddValues are values of every kind the escapers print, beyond random
// strings.
func oddValues() []any {
	s := "a<b>&'\""
	h := template.HTML("<b>x</b>&amp;")
	var nilStr *string
	var nilHTML *template.HTML
	n := 42
	pn := &n
	u := template.URL("javascript:alert(1)")
	return []any{
		nil, "", " ", 0, -7, int8(3), uint64(18446744073709551615), 3.5, float32(0.1), 1e21, 1e-7,
		math.Inf(1), math.NaN(), true, false, 'x', byte('y'), complex(1, 2),
		&s, &h, &u, nilStr, nilHTML, pn, &pn,
		namedString("javascript:x"), []byte("by<tes"), []any{nil, 1, "<"}, map[string]int{"<a": 1, "b": 2},
		point{1, 2, "<t>"}, &point{3, 4, "&"}, valStringer{5}, &valStringer{6}, ptrStringer{"v"}, &ptrStringer{"<p>"},
		valError{"<e>"}, &valError{"&"}, errors.New("plain <error>"), fmt.Errorf("wrapped: %w", errors.New("x")),
		jsonErr{"bad </script> */ <!-- <ſcript"}, jsonRaw{`"\u2028x"`}, jsonRaw{`[1,"a"]`}, jsonRaw{`7`}, jsonRaw{``},
		bothTypes{3}, &bothTypes{4}, make(chan int), struct{}{}, [2]string{"<", ">"},
		template.HTML(""), template.HTMLAttr(""), template.URL(""), template.Srcset(""), template.CSS(""),
		template.JS(""), template.JSStr(""),
		template.HTML("<title>a<b</title>c"), template.HTML("<textarea>x</textarea >y"),
		template.HTML("<script>if (a<b) x()</script>t"), template.HTML("<style>p{}</style>u"),
		template.HTML("<p title=\"unterminated"), template.HTML("<p title=a>b</p>"), template.HTML("<p a=\"1\" b='2' c=3 d>e"),
		template.HTML("x <!-- c --> y <!-- open"), template.HTML("<p \"bad>z"), template.HTML("<p =x>z"),
		template.HTML("a < b > c"), template.HTML("<"), template.HTML("</"), template.HTML("a</"),
		template.HTML("<meta charset=utf-8><p>m</p>"), template.HTML("<TITLE>T</TITLE>"),
		template.HTMLAttr(` dir="ltr"`), template.HTMLAttr("onclick"), template.URL("a b,c"),
		template.Srcset("x.png 1x, javascript:y 2x"), template.CSS("color: red"), template.JS("x+y"),
		template.JSStr(`a\"b'c`), "\u212aey", "H1", "srclang", "onload", "Data", "img.png 1x, img2.png 2x",
		" a.png  1x ,b.png", "a.png 1.5x", "javascript:x 1x", "\\", "a\\", "\\41\\42", "\\3c", "\\00003c", "\\0",
		int64(-9), int16(5), uintptr(7), (*valError)(nil), (*ptrStringer)(nil), (*valStringer)(nil), (*jsonRaw)(nil),
		(*template.URL)(nil), []any{nil}, (*any)(nil), "\\41\fB", "\\41\tB", "\\41\r\nB", "\\41\rB", "\\41 B", "\\41\nB", "\\41\vB",
		jsonErr{"</SCRIPT><Script"}, jsonErr{"*/"}, errStringer{1}, &errStringer{2},
		template.HTML("<p a  "), template.HTML("<p a="), template.HTML("<p a= "), template.HTML("<p a = 'x' >q"),
		template.HTML("<title>a</titlex b</title>c"), template.HTML("<title>a</title"), template.HTML("<script>a</scriptx</script\tb"),
		template.HTML("<style>x</STYLE/>y"), template.HTML("<textarea>x</textarea\ry</textarea>z"), template.HTML("<p>\x00</p>"),
		"\\FFFFFF", "\\10FFFF0", "x\\ y", "\\\r\ny", "e\\78pression", "moz\\-binding", "a--b", "-a",
	}
}
