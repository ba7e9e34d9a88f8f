package markdown

import (
	"html"
	"testing"
)

func TestAppendEscapedMatchesHTMLEscape(t *testing.T) {
	for _, s := range []string{"", "plain", `a<b>&"c'`, "&&", "<", "尾>", "中文 & more"} {
		if got, want := string(appendEscaped([]byte("x"), s)), "x"+html.EscapeString(s); got != want {
			t.Errorf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestTOCHTMLEscapes(t *testing.T) {
	got := string(tocHTML([]Heading{{Level: 2, ID: "a&b", Text: `<x> & "y"`}, {Level: 3, ID: "c", Text: "中文'"}}))
	want := "<ul>\n<li><a href=\"#a&amp;b\">&lt;x&gt; &amp; &#34;y&#34;</a>\n<ul>\n<li><a href=\"#c\">中文&#39;</a></li>\n</ul>\n</li>\n</ul>\n"
	if got != want {
		t.Errorf("tocHTML =\n%q\nwant\n%q", got, want)
	}
}
