package markdown

import (
	"reflect"
	"testing"
)

func TestTOCHTMLEscapes(t *testing.T) {
	got := tocHTML([]Heading{{Level: 2, ID: "a&b", Text: `<x> & "y"`}, {Level: 3, ID: "c", Text: "中文'"}})
	want := "<ul>\n<li><a href=\"#a&amp;b\">&lt;x&gt; &amp; &#34;y&#34;</a>\n<ul>\n<li><a href=\"#c\">中文&#39;</a></li>\n</ul>\n</li>\n</ul>\n"
	if got != want {
		t.Errorf("tocHTML =\n%q\nwant\n%q", got, want)
	}
}

// TestTOCTextSharedMatchesCopied compares the table of contents of pages
// without shortcode HTML, whose heading texts are cut from Result.Text,
// with the same pages given a shortcode, whose heading texts are copied.
func TestTOCTextSharedMatchesCopied(t *testing.T) {
	r := New(Options{})
	ctx := Context{File: "a.md", Shortcodes: iconShortcode}
	for _, src := range []string{
		"## plain\n\n## &nbsp;spaced&nbsp; \n\n## 　全角空格　\n\ntext\n",
		"## `code` and *em*\n\n### trailing \\\\\n\n## \n\n## &#9;tab\n",
		"# top\n\n## 中文标题\n\n#### deep\n\n## last",
	} {
		shared, err := r.Render([]byte(src), ctx)
		if err != nil {
			t.Fatal(err)
		}
		copied, err := r.Render([]byte(src+"\n\n{{< icon x >}}\n"), ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(shared.TOC) == 0 || !reflect.DeepEqual(shared.TOC, copied.TOC) {
			t.Errorf("%q:\nshared %+v\ncopied %+v", src, shared.TOC, copied.TOC)
		}
	}
}
