package markdown

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/diag"
)

// render renders src with a fresh default Renderer and fails on error.
func render(t *testing.T, src string, ctx Context) Result {
	t.Helper()
	res, err := New(Options{}).Render([]byte(src), ctx)
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	return res
}

// checkHTML asserts that html contains every want and none of notWant.
func checkHTML(t *testing.T, html string, want, notWant []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(html, w) {
			t.Errorf("HTML lacks %q:\n%s", w, html)
		}
	}
	for _, w := range notWant {
		if strings.Contains(html, w) {
			t.Errorf("HTML has %q:\n%s", w, html)
		}
	}
}

// diagErrors unpacks a Render error into its positioned errors.
func diagErrors(t *testing.T, err error) []*diag.Error {
	t.Helper()
	var all *diag.Errors
	if !errors.As(err, &all) {
		t.Fatalf("error %v (%T) is not a *diag.Errors", err, err)
	}
	var out []*diag.Error
	for _, e := range all.List {
		var d *diag.Error
		if !errors.As(e, &d) {
			t.Fatalf("entry %v (%T) is not a *diag.Error", e, e)
		}
		out = append(out, d)
	}
	return out
}

func TestMarkdownFeatures(t *testing.T) {
	tests := []struct {
		name, src     string
		want, notWant []string
	}{
		{"table", "| a | b |\n|---|:-:|\n| 1 | 2 |\n",
			[]string{"<table>", "<th>a</th>", "<td>1</td>", `<td style="text-align:center">2</td>`}, nil},
		{"strikethrough", "~~gone~~", []string{"<del>gone</del>"}, nil},
		{"task list", "- [x] done\n- [ ] todo\n",
			[]string{`<li><input checked="" disabled="" type="checkbox"> done</li>`, `<li><input disabled="" type="checkbox"> todo</li>`}, nil},
		{"footnote", "Claim[^n].\n\n[^n]: Source.\n",
			[]string{`<a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a>`, `<li id="fn:1">`, "Source."}, nil},
		{"definition list", "Term\n: Meaning\n", []string{"<dl>\n<dt>Term</dt>\n<dd>Meaning</dd>\n</dl>"}, nil},
		{"linkify", "see https://example.org now", []string{`<a href="https://example.org">https://example.org</a>`}, nil},
		{"no typographer", `"quoted" -- text`, []string{"&quot;quoted&quot; -- text"}, []string{"&ldquo;", "&ndash;"}},
		{"heading attribute id", "## Title {#own}", []string{`<h2 id="own">Title</h2>`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkHTML(t, render(t, tt.src, Context{}).HTML, tt.want, tt.notWant)
		})
	}
}

func TestAppendSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"项目 设计", "项目-设计"},
		{"Hello, World!", "hello-world"},
		{"  C++ 入门：第 2 课  ", "c-入门-第-2-课"},
		{"already-dashed_name", "already-dashed-name"},
		{"Ünïcödé Ärger", "ünïcödé-ärger"},
		{"!!!", "heading"},
		{"", "heading"},
	}
	for _, tt := range tests {
		if got := string(appendSlug(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("appendSlug(nil, %q) = %q, want %q", tt.in, got, tt.want)
		}
		// After a prefix, as generate appends to its scratch.
		if got := string(appendSlug([]byte("x"), []byte(tt.in))); got != "x"+tt.want {
			t.Errorf("appendSlug(x, %q) = %q, want %q", tt.in, got, "x"+tt.want)
		}
	}
}

func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"chinese", "## 项目 设计", []string{`<h2 id="项目-设计">项目 设计</h2>`}},
		{"duplicates", "## A\n\n## A\n\n## A",
			[]string{`<h2 id="a">A</h2>`, `<h2 id="a-1">A</h2>`, `<h2 id="a-2">A</h2>`}},
		{"from inline text, not markup", "## Use `go build` and [docs](https://x.org)",
			[]string{`<h2 id="use-go-build-and-docs">`}},
		{"explicit id is reserved before generated ones", "## Intro\n\n## Other {#intro}",
			[]string{`<h2 id="intro-1">Intro</h2>`, `<h2 id="intro">Other</h2>`}},
		{"empty", "##", []string{`<h2 id="heading"></h2>`}},
		{"setext", "Title\n=====", []string{`<h1 id="title">Title</h1>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkHTML(t, render(t, tt.src, Context{}).HTML, tt.want, nil)
		})
	}
}

func TestHeadingIDsFreshPerRender(t *testing.T) {
	r := New(Options{})
	for i := range 2 {
		res, err := r.Render([]byte("## Same"), Context{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.HTML, `id="same"`) {
			t.Errorf("render %d: IDs leaked between calls: %s", i, res.HTML)
		}
	}
}

func TestSoftLineBreaks(t *testing.T) {
	tests := []struct {
		name, src, html, text string
	}{
		{"between chinese characters", "第一行\n第二行", "<p>第一行第二行</p>\n", "第一行第二行"},
		{"between latin words", "one\ntwo", "<p>one\ntwo</p>\n", "one two"},
		{"latin before emphasis", "one\n*two*", "<p>one\n<em>two</em></p>\n", "one two"},
		{"chinese around emphasis", "第一\n**第二**", "<p>第一<strong>第二</strong></p>\n", "第一第二"},
		{"emphasis before chinese", "**第一**\n第二", "<p><strong>第一</strong>第二</p>\n", "第一第二"},
		{"chinese then latin", "中文\nEnglish", "<p>中文\nEnglish</p>\n", "中文 English"},
		{"hard break", "a\\\nb", "<p>a<br>\nb</p>\n", "a\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := render(t, tt.src, Context{})
			if res.HTML != tt.html {
				t.Errorf("HTML = %q, want %q", res.HTML, tt.html)
			}
			if res.Text != tt.text {
				t.Errorf("Text = %q, want %q", res.Text, tt.text)
			}
		})
	}
}

func TestRawHTML(t *testing.T) {
	src := []byte("<div class=\"x\">block</div>\n\ninline <b>bold</b>\n")
	safe, err := New(Options{}).Render(src, Context{})
	if err != nil {
		t.Fatal(err)
	}
	checkHTML(t, safe.HTML, []string{"raw HTML omitted", "bold"}, []string{`<div class="x">`, "<b>"})
	unsafe, err := New(Options{Unsafe: true}).Render(src, Context{})
	if err != nil {
		t.Fatal(err)
	}
	checkHTML(t, unsafe.HTML, []string{`<div class="x">block</div>`, "<b>bold</b>"}, []string{"omitted"})
}

func TestCodeBlockHighlighted(t *testing.T) {
	src := "```go\nfunc f() {}\n```\n\n    indented <code>\n\n- item\n\n  ```\n  plain\n  ```\n"
	checkHTML(t, render(t, src, Context{}).HTML, []string{
		`<pre class="chroma"><code class="language-go"><span class="kd">func</span>`,
		"<pre class=\"chroma\"><code>indented &lt;code&gt;\n</code></pre>",
		"<pre class=\"chroma\"><code>plain\n</code></pre>",
	}, []string{"style="})
}

// resolver records its calls and maps "x.md" to "/x/"; names starting with
// "missing" fail; a site path is returned as it is.
type resolver struct{ calls []string }

func (r *resolver) Resolve(dest string, image bool) (string, error) {
	r.calls = append(r.calls, fmt.Sprintf("%s image=%v", dest, image))
	if strings.HasPrefix(dest, "/") {
		return dest, nil
	}
	if strings.HasPrefix(strings.TrimLeft(dest, "./"), "missing") {
		return "", errors.New("no such file")
	}
	return "/" + strings.TrimSuffix(strings.TrimLeft(dest, "./"), ".md") + "/", nil
}

func TestLinks(t *testing.T) {
	src := "[p](../projects/x.md#a) [abs](/abs/) [frag](#top) [q](?x=1) [web](https://e.org/a.md) [proto](//e.org/x) " +
		"[mail](mailto:a@b.c) [tel](tel:123) ![pic](img/p.png \"T\") [ref][r]\n\n[r]: notes.md\n"
	res := &resolver{}
	out := render(t, src, Context{Links: res})
	checkHTML(t, out.HTML, []string{
		`<a href="/projects/x/#a">p</a>`,
		`<a href="/abs/">abs</a>`, `<a href="#top">frag</a>`, `<a href="?x=1">q</a>`,
		`<a href="https://e.org/a.md">web</a>`, `<a href="mailto:a@b.c">mail</a>`,
		`<img src="/img/p.png/" alt="pic" title="T">`, `<a href="/notes/">ref</a>`,
	}, nil)
	// Site paths go to the resolver too (a bundle's folder spelled from the
	// root is resolved like a relative one); a URL without its scheme does
	// not.
	want := []string{"../projects/x.md image=false", "/abs/ image=false", "img/p.png image=true", "notes.md image=false"}
	if strings.Join(res.calls, "|") != strings.Join(want, "|") {
		t.Errorf("Resolve calls = %q, want %q", res.calls, want)
	}
}

func TestLinksWithoutResolver(t *testing.T) {
	checkHTML(t, render(t, "[a](b.md#c)", Context{}).HTML, []string{`<a href="b.md#c">a</a>`}, nil)
}

func TestLinkErrorPosition(t *testing.T) {
	src := "Intro line.\n\nSee 中文 [the page](missing.md) and\n![pic](missing.png).\n\n{{% md %}} [x](missing-too.md)\n"
	sc := func(Shortcode) (string, error) { return "**a much longer expansion**", nil }
	_, err := New(Options{}).Render([]byte(src), Context{File: "content/a.md", LineOffset: 5, Links: &resolver{}, Shortcodes: sc})
	if err == nil {
		t.Fatal("Render succeeded, want errors")
	}
	errs := diagErrors(t, err)
	want := []string{
		`content/a.md:7:8: link "missing.md": no such file`,
		`content/a.md:8:1: image "missing.png": no such file`,
		`content/a.md:10:12: link "missing-too.md": no such file`,
	}
	if len(errs) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(want), err)
	}
	for i, e := range errs {
		if e.Error() != want[i] {
			t.Errorf("error %d = %q, want %q", i, e.Error(), want[i])
		}
	}
}

func TestShortcodes(t *testing.T) {
	// echo shows what the function was given.
	echo := func(sc Shortcode) (string, error) {
		switch sc.Name {
		case "md":
			return "*" + sc.Inner + "*", nil
		case "block":
			return "<div class=\"b\">" + sc.Inner + "</div>", nil
		case "upper":
			return strings.ToUpper(sc.Inner), nil
		}
		return fmt.Sprintf("<x-%s args=%q named=%v inner=%q closed=%v md=%v at=%d:%d>",
			sc.Name, sc.Args, sc.Named, sc.Inner, sc.Closed, sc.Markdown, sc.Line, sc.Col), nil
	}
	tests := []struct {
		name, src     string
		want, notWant []string
	}{
		{"self-closing inline", `a {{< icon "two words" plain k="v w" n=3 >}} b`,
			[]string{`<p>a <x-icon args=["two words" "plain"] named=map[k:v w n:3] inner="" closed=false md=false at=1:3> b</p>`}, nil},
		{"explicit self-closing", `{{< icon />}}`, []string{`<x-icon args=[] named=map[] inner="" closed=false`}, nil},
		{"alone in paragraph is not wrapped", "{{< block >}}\n", []string{"<div class=\"b\"></div>\n"}, []string{"<p>"}},
		{"paired with inner", "{{< block >}}raw *text*{{< /block >}}", []string{`<div class="b">raw *text*</div>`}, nil},
		{"markdown form is rendered", "{{% md %}}em{{% /md %}} text", []string{"<p><em>em</em> text</p>"}, nil},
		{"markdown form mixed closing delimiter", "{{% md %}}em{{< /md >}}", []string{"<p><em>em</em></p>"}, nil},
		{"nested html in markdown", "{{% md %}}in {{< icon a >}}{{% /md %}}",
			[]string{`<p><em>in <x-icon args=["a"]`}, []string{"sinengsc"}},
		{"nested html in html", "{{< block >}}in {{< icon b >}}{{< /block >}}",
			[]string{`<div class="b">in <x-icon args=["b"]`}, []string{"sinengsc"}},
		{"nested markdown in html", "{{< upper >}}x {{% md %}}y{{% /md %}}{{< /upper >}}", []string{"X *Y*"}, nil},
		{"two levels deep", "{{< block >}}{{< block >}}{{< icon c >}}{{< /block >}}{{< /block >}}",
			[]string{`<div class="b"><div class="b"><x-icon args=["c"]`}, nil},
		{"same name nests", "{{< block >}}1{{< block >}}2{{< /block >}}3{{< /block >}}",
			[]string{`<div class="b">1<div class="b">2</div>3</div>`}, nil},
		{"unclosed open inside a pair is self-closing", "{{< block >}}a {{< icon >}} b{{< /block >}}",
			[]string{`<div class="b">a <x-icon args=[] named=map[] inner="" closed=false`, ` b</div>`}, nil},
		{"inside code span stays literal", "`{{< icon >}}` and ``{{% md %}}``",
			[]string{"<code>{{&lt; icon &gt;}}</code>", "<code>{{% md %}}</code>"}, []string{"x-icon"}},
		{"inside fenced code stays literal", "```\n{{< icon >}}\n```\n\n ~~~~ text\n{{% md %}}\n ~~~~",
			[]string{"<code>{{&lt; icon &gt;}}\n</code>", "{{% md %}}"}, []string{"x-icon"}},
		{"inside indented code stays literal", "para\n\n    {{< icon >}}\n", []string{"{{&lt; icon &gt;}}"}, []string{"x-icon"}},
		{"fence inside a list item", "- item\n\n  ```\n  {{< icon >}}\n  ```\n", []string{"{{&lt; icon &gt;}}"}, []string{"x-icon"}},
		{"escape form", "Write {{</* icon \"a\" */>}} or {{%/* md */%}}.",
			[]string{`<p>Write {{&lt; icon &#34;a&#34; &gt;}} or {{% md %}}.</p>`}, []string{"x-icon"}},
		{"multi-line tag", "{{< icon\n  k=\"v\"\n>}}", []string{`named=map[k:v]`}, nil},
		{"position on later line", "x\n\nyy {{< icon >}}", []string{"at=3:4>"}, nil},
		{"link destination from shortcode", "[go]({{< icon >}})", []string{`<a href="%3Cx-icon`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := render(t, tt.src, Context{Shortcodes: echo})
			checkHTML(t, res.HTML, tt.want, tt.notWant)
		})
	}
}

func TestShortcodeErrors(t *testing.T) {
	needsClose := func(sc Shortcode) (string, error) {
		switch sc.Name {
		case "note":
			if !sc.Closed {
				return "", ErrUnclosed
			}
			return "<aside>" + sc.Inner + "</aside>", nil
		case "icon":
			return "<i></i>", nil
		}
		return "", errors.New("unknown shortcode")
	}
	tests := []struct {
		name, src string
		fn        ShortcodeFunc
		want      []string
	}{
		{"unclosed paired", "Text.\n\n  {{< note >}}\nbody\n", needsClose,
			[]string{`p.md:12:3: unclosed shortcode "note": missing {{< /note >}}`}},
		{"unknown through the function", "a {{< nope >}}", needsClose,
			[]string{`p.md:10:3: shortcode "nope": unknown shortcode`}},
		{"no function", "{{% icon %}}", nil, []string{`p.md:10:1: unknown shortcode "icon"`}},
		{"unterminated tag", "ok\n中文 {{< icon k=\"v\"\n", needsClose,
			[]string{`p.md:11:4: unclosed shortcode tag {{< icon: missing >}}`}},
		{"unterminated quote", "{{< icon \"a >}}", needsClose,
			[]string{`p.md:10:1: shortcode icon: unterminated quoted argument`}},
		{"no name", "{{< >}}", needsClose, []string{`p.md:10:1: shortcode tag {{< has no name`}},
		{"stray closing tag", "{{< icon >}} {{< /note >}}", needsClose,
			[]string{`p.md:10:14: closing shortcode tag {{< /note >}} has no opening tag`}},
		{"closing tag with args", "{{< note >}}x{{< /note a >}}", needsClose,
			[]string{`p.md:10:1: unclosed shortcode "note": missing {{< /note >}}`,
				`p.md:10:14: closing shortcode tag {{< /note takes no arguments`}},
		{"unclosed escape", "{{</* icon >}}", needsClose, []string{`p.md:10:1: unclosed escaped shortcode {{</*: missing */>}}`}},
		{"all problems together", "{{< nope >}}\n\n{{< note >}}", needsClose,
			[]string{`p.md:10:1: shortcode "nope": unknown shortcode`, `p.md:12:1: unclosed shortcode "note": missing {{< /note >}}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(Options{}).Render([]byte(tt.src), Context{File: "p.md", LineOffset: 10, Shortcodes: tt.fn})
			if err == nil {
				t.Fatal("Render succeeded, want an error")
			}
			var got []string
			for _, e := range diagErrors(t, err) {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestPlaceholderAvoidsUserText(t *testing.T) {
	src := "Literal sinengsc0x and sinengscq0x here. {{< icon >}}"
	sc := func(Shortcode) (string, error) { return "<i>icon</i>", nil }
	out := render(t, src, Context{Shortcodes: sc})
	checkHTML(t, out.HTML, []string{"<p>Literal sinengsc0x and sinengscq0x here. <i>icon</i></p>"}, nil)
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name, src     string
		summary, html string
		noSummary     bool
		unsafe        bool
	}{
		{name: "divider", src: "First.\n<!--more-->\nRest.\n",
			summary: "<p>First.</p>\n", html: "<p>First.</p>\n<p>Rest.</p>\n"},
		{name: "divider with unsafe html", src: "First.\n\n<!--more-->\n\nRest.\n", unsafe: true,
			summary: "<p>First.</p>\n", html: "<p>First.</p>\n<p>Rest.</p>\n"},
		{name: "divider first: an empty summary", src: "<!--more-->\n\nRest.\n",
			summary: "", html: "<p>Rest.</p>\n"},
		{name: "none", src: "Only.\n", noSummary: true, html: "<p>Only.</p>\n"},
		{name: "in code stays", src: "```\n<!--more-->\n```\n", noSummary: true,
			html: "<pre class=\"chroma\"><code>&lt;!--more--&gt;\n</code></pre>\n"},
		{name: "inline is not a divider but never shows", src: "a <!--more--> b\n", noSummary: true, unsafe: true,
			html: "<p>a  b</p>\n"},
		{name: "second divider dropped", src: "a\n\n<!--more-->\n\nb\n\n<!--more-->\n\nc\n",
			summary: "<p>a</p>\n", html: "<p>a</p>\n<p>b</p>\n<p>c</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New(Options{Unsafe: tt.unsafe}).Render([]byte(tt.src), Context{})
			if err != nil {
				t.Fatal(err)
			}
			if res.HTML != tt.html {
				t.Errorf("HTML = %q, want %q", res.HTML, tt.html)
			}
			if tt.noSummary {
				if res.HasSummary || res.SummaryHTML != "" {
					t.Errorf("SummaryHTML = %q (HasSummary %v), want none", res.SummaryHTML, res.HasSummary)
				}
			} else if !res.HasSummary || res.SummaryHTML != tt.summary {
				t.Errorf("SummaryHTML = %q, want %q", res.SummaryHTML, tt.summary)
			}
		})
	}
}

func TestTOC(t *testing.T) {
	src := "# Top\n\n## 第一章\n\n### Part *one*\n\n#### Deep\n\n##### Too deep\n\n## Two & more\n"
	res := render(t, src, Context{})
	want := []Heading{{2, "第一章", "第一章"}, {3, "part-one", "Part one"}, {4, "deep", "Deep"}, {2, "two-more", "Two & more"}}
	if fmt.Sprint(res.TOC) != fmt.Sprint(want) {
		t.Errorf("TOC = %v, want %v", res.TOC, want)
	}
	wantHTML := `<ul>
<li><a href="#第一章">第一章</a>
<ul>
<li><a href="#part-one">Part one</a>
<ul>
<li><a href="#deep">Deep</a></li>
</ul>
</li>
</ul>
</li>
<li><a href="#two-more">Two &amp; more</a></li>
</ul>
`
	if res.TOCHTML != wantHTML {
		t.Errorf("TOCHTML =\n%s\nwant\n%s", res.TOCHTML, wantHTML)
	}

	narrow, err := New(Options{TOCMinLevel: 1, TOCMaxLevel: 1}).Render([]byte(src), Context{})
	if err != nil {
		t.Fatal(err)
	}
	if len(narrow.TOC) != 1 || narrow.TOC[0].Text != "Top" {
		t.Errorf("TOC with levels 1..1 = %v", narrow.TOC)
	}
	if empty := render(t, "no headings", Context{}); len(empty.TOC) != 0 || len(empty.TOCHTML) != 0 {
		t.Errorf("TOC of a page without headings = %v %q", empty.TOC, empty.TOCHTML)
	}
}

func TestTOCHTMLShapes(t *testing.T) {
	tests := []struct {
		name   string
		levels []int
		want   string
	}{
		{"starts deep then shallower", []int{3, 2},
			"<ul>\n<li><a href=\"#h0\">h0</a></li>\n<li><a href=\"#h1\">h1</a></li>\n</ul>\n"},
		{"skipped level joins the deeper list", []int{2, 4, 3},
			"<ul>\n<li><a href=\"#h0\">h0</a>\n<ul>\n<li><a href=\"#h1\">h1</a></li>\n<li><a href=\"#h2\">h2</a></li>\n</ul>\n</li>\n</ul>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hs []Heading
			for i, l := range tt.levels {
				hs = append(hs, Heading{Level: l, ID: fmt.Sprintf("h%d", i), Text: fmt.Sprintf("h%d", i)})
			}
			if got := tocHTML(hs); got != tt.want {
				t.Errorf("tocHTML =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	src := "# Title\n\nSome *em* &amp; \\*lit\\* `code <x>` [link](u) ![alt](i.png)\n\n" +
		"- one\n- two[^f]\n\n```\ncode\n```\n\n| h |\n|---|\n| c |\n\n<b>raw</b> {{< sc >}}\n\n[^f]: Note.\n"
	sc := func(Shortcode) (string, error) { return "<em>short&amp;code</em>", nil }
	res := render(t, src, Context{Shortcodes: sc})
	want := "Title\nSome em & *lit* code <x> link \none\ntwo\ncode\nh\nc\nraw short&code\nNote."
	if res.Text != want {
		t.Errorf("Text =\n%q\nwant\n%q", res.Text, want)
	}
}

func TestImages(t *testing.T) {
	src := "Intro\n\n中 ![A *red* cat](cat.png) and ![](empty.jpg)\n"
	res, err := New(Options{}).Render([]byte(src), Context{LineOffset: 3, Links: &resolver{}})
	if err != nil {
		t.Fatal(err)
	}
	want := []Image{{Dest: "/cat.png/", Alt: "A red cat", Line: 5, Col: 3}, {Dest: "/empty.jpg/", Alt: "", Line: 5, Col: 1}}
	if fmt.Sprint(res.Images) != fmt.Sprint(want) {
		t.Errorf("Images = %+v, want %+v", res.Images, want)
	}
}

func TestShortcodePanicBecomesError(t *testing.T) {
	sc := func(Shortcode) (string, error) { panic("template exploded") }
	_, err := New(Options{}).Render([]byte("{{< boom >}}"), Context{File: "p.md", Shortcodes: sc})
	if err == nil || !strings.Contains(err.Error(), "p.md: render markdown: panic: template exploded") {
		t.Fatalf("err = %v, want a positioned panic error", err)
	}
	diagErrors(t, err)
}

func TestMayHaveCode(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"plain {{< x >}} text\nmore", false},
		{"a `code` span", true},
		{"~~~\nfence\n~~~", true},
		{"para\n\n    indented", true},
		{"para\n\n\ttabbed", true},
	}
	for _, tt := range tests {
		if got := mayHaveCode([]byte(tt.src)); got != tt.want {
			t.Errorf("mayHaveCode(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestNoImages checks that Context.NoImages takes every image out, with
// its alt text, and the paragraph an image was alone in, and leaves the
// rest of the page as it was.
func TestNoImages(t *testing.T) {
	src := "Before ![Wu at the council](photo.jpg) after.\n\n![alone](b.png)\n\n- item ![in a list](c.gif)\n\nEnd.\n"
	res := render(t, src, Context{NoImages: true})
	checkHTML(t, res.HTML,
		[]string{"<p>Before  after.</p>", "<li>item </li>", "<p>End.</p>"},
		[]string{"<img", "Wu at the council", "alone", "in a list", "<p></p>"})
	if len(res.Images) != 0 {
		t.Errorf("Images = %v, want none", res.Images)
	}
	if strings.Contains(res.Text, "Wu") {
		t.Errorf("Text keeps an alt text: %q", res.Text)
	}
	with := render(t, src, Context{})
	checkHTML(t, with.HTML, []string{`<img src="photo.jpg" alt="Wu at the council">`, `<img src="b.png" alt="alone">`}, nil)
}
