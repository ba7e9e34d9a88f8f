package htmlesc

import (
	"fmt"
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"
)

// escapeContext is a place in a template where html/template escapes
// {{.}} with chain.
type escapeContext struct {
	name  string
	tmpl  string   // holds {{.}} once
	chain []string // the escapers html/template puts after it
	// pre and post are the output around the value; both default to the
	// template text around {{.}}.
	pre, post string
}

// escapeContexts returns the contexts the tests put values in.
func escapeContexts() []escapeContext {
	return []escapeContext{
		{name: "text", tmpl: "<p>{{.}}</p>", chain: []string{"_html_template_htmlescaper"}},
		{name: "quoted attribute", tmpl: `<p title="{{.}}">`, chain: []string{"_html_template_attrescaper"}},
		{name: "single-quoted attribute", tmpl: `<p class='a {{.}}'>`, chain: []string{"_html_template_attrescaper"}},
		{name: "unquoted attribute", tmpl: `<p title={{.}}>`, chain: []string{"_html_template_nospaceescaper"}},
		{name: "title", tmpl: "<title>{{.}}</title>", chain: []string{"_html_template_rcdataescaper"}},
		{name: "textarea", tmpl: "<textarea>{{.}}</textarea>", chain: []string{"_html_template_rcdataescaper"}},
		{name: "URL start", tmpl: `<a href="{{.}}">`,
			chain: []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_attrescaper"}},
		{name: "unquoted URL start", tmpl: `<img src={{.}}>`,
			chain: []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_nospaceescaper"}},
		{name: "URL path", tmpl: `<a href="/p/{{.}}">`, chain: []string{"_html_template_urlnormalizer", "_html_template_attrescaper"}},
		{name: "URL query", tmpl: `<a href="/s?q={{.}}">`, chain: []string{"_html_template_urlescaper", "_html_template_attrescaper"}},
		{name: "URL fragment", tmpl: `<a href='#{{.}}'>`, chain: []string{"_html_template_urlescaper", "_html_template_attrescaper"}},
		{name: "srcset", tmpl: `<img srcset="{{.}}">`, chain: []string{"_html_template_srcsetescaper", "_html_template_attrescaper"}},
		{name: "element name", tmpl: `<h{{.}}>`, chain: []string{"_html_template_htmlnamefilter"}},
		{name: "attribute name", tmpl: `<p {{.}}="v">`, chain: []string{"_html_template_htmlnamefilter"}},
		{name: "comment", tmpl: `<p><!-- c {{.}} --></p>`, chain: []string{"_html_template_commentescaper"}, pre: "<p>", post: "</p>"},
		{name: "style attribute", tmpl: `<p style="color: {{.}}">`, chain: []string{"_html_template_cssvaluefilter", "_html_template_attrescaper"}},
		{name: "style attribute string", tmpl: `<p style="font-family: '{{.}}'">`,
			chain: []string{"_html_template_urlfilter", "_html_template_cssescaper"}},
		{name: "style element", tmpl: `<style>p { color: {{.}} }</style>`, chain: []string{"_html_template_cssvaluefilter"}},
		{name: "style element string", tmpl: `<style>p { font-family: "a{{.}}" }</style>`, chain: []string{"_html_template_cssescaper"}},
		{name: "style url", tmpl: `<style>p { background: url({{.}}) }</style>`,
			chain: []string{"_html_template_urlfilter", "_html_template_urlnormalizer"}},
		{name: "style url query", tmpl: `<style>p { background: url("/i?q={{.}}") }</style>`, chain: []string{"_html_template_urlescaper"}},
		{name: "script value", tmpl: `<script>var x = {{.}};</script>`, chain: []string{"_html_template_jsvalescaper"}},
		{name: "script string", tmpl: `<script>var x = "{{.}}";</script>`, chain: []string{"_html_template_jsstrescaper"}},
		{name: "script template literal", tmpl: "<script>var x = `{{.}}`;</script>", chain: []string{"_html_template_jstmpllitescaper"}},
		{name: "script regexp", tmpl: `<script>var x = /{{.}}/;</script>`, chain: []string{"_html_template_jsregexpescaper"}},
		{name: "event handler", tmpl: `<a onclick="f({{.}})">`, chain: []string{"_html_template_jsvalescaper", "_html_template_attrescaper"}},
		{name: "event handler string", tmpl: `<a onclick='f("{{.}}")'>`, chain: []string{"_html_template_jsstrescaper"}},
		{name: "meta refresh URL", tmpl: `<meta http-equiv="refresh" content="0; url={{.}}">`,
			chain: []string{"_html_template_urlfilter", "_html_template_attrescaper"}},
	}
}

// parseContext parses c's template and escapes it, checking that
// html/template puts c.chain after {{.}}.
func parseContext(t *testing.T, c escapeContext) *template.Template {
	t.Helper()
	tm := template.Must(template.New(c.name).Parse(c.tmpl))
	if err := tm.Execute(new(strings.Builder), "x"); err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	want := "{{. | " + strings.Join(c.chain, " | ") + "}}"
	if got := tm.Tree.Root.String(); !strings.Contains(got, want) {
		t.Fatalf("%s: escaped template is %s, want it to contain %s", c.name, got, want)
	}
	return tm
}

// applyChain runs v through this package's escapers named in chain.
func applyChain(t *testing.T, chain []string, v any) string {
	t.Helper()
	var out any = v
	for _, name := range chain {
		f, ok := Lookup(name)
		if !ok {
			t.Fatalf("Lookup(%q) = false", name)
		}
		out = f(out)
	}
	return out.(string)
}

// contextValues are the values every context is tried with.
func contextValues() []any {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := stringPieces()
	vals := oddValues()
	for _, p := range pieces {
		vals = append(vals, p, template.HTML(p), template.URL(p))
	}
	for range 3000 {
		vals = append(vals, randomValue(r, pieces))
	}
	return vals
}

func TestContextsMatchHTMLTemplate(t *testing.T) {
	vals := contextValues()
	for _, c := range escapeContexts() {
		t.Run(c.name, func(t *testing.T) {
			tm := parseContext(t, c)
			pre, post, _ := strings.Cut(c.tmpl, "{{.}}")
			if c.pre != "" || c.post != "" {
				pre, post = c.pre, c.post
			}
			fails := 0
			for _, v := range vals {
				var b strings.Builder
				err := tm.Execute(&b, v)
				got, p := catch(func() string { return applyChain(t, c.chain, v) })
				if err != nil || p != nil {
					// html/template fails only when an escaper panics
					// (text/template turns the panic into an error); the
					// chain must panic then too.
					if (err == nil) != (p == nil) {
						t.Errorf("value %T %#v: html/template error %v, chain panic %v", v, v, err, p)
					}
					continue
				}
				want := b.String()
				got = pre + got + post
				if got != want && fails < 10 {
					fails++
					t.Errorf("value %T %#v:\n got %q\nwant %q", v, v, got, want)
				}
			}
		})
	}
}

// argLists are the argument lists each escaper is called with directly.
func argLists() [][]any {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := stringPieces()
	var lists [][]any
	for _, v := range oddValues() {
		lists = append(lists, []any{v})
	}
	for _, p := range pieces {
		lists = append(lists, []any{p}, []any{template.HTML(p)}, []any{template.CSS(p)})
	}
	lists = append(lists, nil, []any{}, []any{nil, nil}, []any{"a", nil, "b"}, []any{1, 2}, []any{"a", 1, "b"},
		[]any{template.HTML("<b>"), "<i>"}, []any{nil, template.URL("javascript:x")}, []any{&struct{ A int }{1}, "x"},
		[]any{valStringer{1}, &ptrStringer{"p"}, valError{"e"}})
	for range 4000 {
		n := 1
		if r.IntN(4) == 0 {
			n = r.IntN(4)
		}
		args := make([]any, n)
		for i := range args {
			args[i] = randomValue(r, pieces)
		}
		lists = append(lists, args)
	}
	return lists
}

func TestEscapersMatchHTMLTemplate(t *testing.T) {
	o := newOracle()
	lists := argLists()
	for _, name := range escaperNames() {
		t.Run(name, func(t *testing.T) {
			f, ok := Lookup(name)
			if !ok {
				t.Fatalf("Lookup(%q) = false", name)
			}
			fails := 0
			for _, args := range lists {
				want, err := o.try(t, name, args...)
				got, p := catch(func() string { return f(args...) })
				if (err == nil) != (p == nil) {
					t.Errorf("%s(%s): html/template error %v, panic %v", name, describe(args), err, p)
					continue
				}
				if got != want && fails < 10 {
					fails++
					t.Errorf("%s(%s):\n got %q\nwant %q", name, describe(args), got, want)
				}
			}
		})
	}
}

// describe prints an argument list with each value's type.
func describe(args []any) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = fmt.Sprintf("%T(%#v)", a, a)
	}
	return strings.Join(parts, ", ")
}

func TestEscapersLeaveArgumentsAlone(t *testing.T) {
	for _, name := range escaperNames() {
		f, _ := Lookup(name)
		s := "x"
		p := &s
		args := []any{nil, p, 3}
		f(args...)
		if args[0] != nil || args[1] != p || args[2] != 3 {
			t.Errorf("%s changed its arguments to %v", name, args)
		}
	}
}
