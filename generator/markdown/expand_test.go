package markdown

import (
	"bytes"
	"strings"
	"testing"
)

func TestCodeGuard(t *testing.T) {
	tests := []struct {
		name, src string // the tag is at the first "{{"
		want      bool
	}{
		{"plain paragraph", "text {{< x >}}", false},
		{"code span before, same paragraph", "`a` text {{< x >}}", true},
		{"code span before, other paragraph", "`a` text\n\n{{< x >}}", false},
		{"backtick only later", "text {{< x >}} `a`", false},
		{"four spaces on the line", "para\n\n    {{< x >}}", true},
		{"tab on the line", "para\n\n\t{{< x >}}", true},
		{"four spaces on another line", "    a\n\n{{< x >}}", false},
		{"block quote code", ">     {{< x >}}", true},
		{"list item code", "-     {{< x >}}", true},
		{"spaces after the tag only", "{{< x >}}    y", false},
		{"open fence", "```go\ncode\n\n{{< x >}}", true},
		{"closed fence", "```go\ncode\n```\n\n{{< x >}}", false},
		{"closed tilde fence", "~~~~\n```\n~~~~~\n\n{{< x >}}", false},
		{"shorter run does not close", "````\ncode\n```\n\n{{< x >}}", true},
		{"other character does not close", "~~~\ncode\n```\n\n{{< x >}}", true},
		{"indented closing fence", "```\ncode\n  ```\n```\n{{< x >}}", true},
		{"indented opening fence", "  ```\ncode\n```\n\n{{< x >}}", true},
		{"fence in a list item", "- a\n\n  ```\n  code\n  ```\n\n{{< x >}}", true},
		{"fence in a block quote", "> ```\n> code\n\n{{< x >}}", true},
		{"html block", "<div>\n```\n</div>\n\n{{< x >}}", true},
		{"one-line comment", "<!--more-->\n\n```\nc\n```\n\n{{< x >}}", false},
		{"backticks in the info string", "```a`b\n\n{{< x >}}", true},
		{"tag on the opening line", "```go {{< x >}}", true},
	}
	for _, tt := range tests {
		src := []byte(tt.src)
		k := bytes.Index(src, []byte("{{"))
		if got := newCodeGuard(src).mayBeCode(k); got != tt.want {
			t.Errorf("%s: mayBeCode = %v, want %v", tt.name, got, tt.want)
		}
		checkGuardSound(t, src)
	}
}

// checkGuardSound fails when the guard places an offset of src outside
// code that goldmark puts inside. Offsets of white space are left out: a
// tag starts with "{{", and a blank line may belong to an indented code
// block without any tag in it.
func checkGuardSound(t *testing.T, src []byte) {
	t.Helper()
	code := codeRanges(New(Options{}).parse(src, newParseIDs()))
	g := newCodeGuard(src)
	for k := 0; k < len(src); k++ {
		if isSpace(src[k]) || g.mayBeCode(k) {
			continue
		}
		for _, r := range code {
			if r[0] <= k && k < r[1] {
				t.Fatalf("guard puts offset %d outside code, goldmark inside %v, in %q", k, r, src)
			}
		}
	}
}

// FuzzCodeGuard checks that the guard never places an offset outside code
// that goldmark puts inside.
func FuzzCodeGuard(f *testing.F) {
	for _, s := range []string{
		string(mixedDoc()),
		"```\na\n```\n\n`x` {{< y >}}\n\n    z\n",
		"- a\n\n  ```\n  b\n```\n~~~~\nc\n~~~\n<pre>\n```\n</pre>\n",
		"> ```\n> q\n```\nlazy\n\n\t``` t\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkGuardSound(t, src)
	})
}

// TestShortcodesNextToCode checks tags that the quick test cannot place
// outside code, so the source is parsed to find its code.
func TestShortcodesNextToCode(t *testing.T) {
	icon := func(sc Shortcode) (string, error) { return "<i>" + sc.Name + "</i>", nil }
	tests := []struct {
		name, src     string
		want, notWant []string
	}{
		{"after a code span", "`a` then {{< icon >}}", []string{"<code>a</code> then <i>icon</i>"}, nil},
		{"code span over two lines", "`a\n{{< icon >}}` b", []string{"<code>a {{&lt; icon &gt;}}</code>"}, []string{"<i>"}},
		{"block quote code", ">     {{< icon >}}\n", []string{"<code>{{&lt; icon &gt;}}"}, []string{"<i>"}},
		{"list item code", "-     {{< icon >}}\n", []string{"<code>{{&lt; icon &gt;}}"}, []string{"<i>"}},
		{"after a closed fence", "```\ncode\n```\n\n{{< icon >}}\n", []string{"<i>icon</i>"}, nil},
		{"only inside code", "```\n{{< icon >}}\n```\n\n## Title\n\n`{{< icon >}}`", []string{`<h2 id="title">Title</h2>`, "<code>{{&lt; icon &gt;}}</code>"}, []string{"<i>"}},
		{"indented text that is no code", "para\n    {{< icon >}}\n", []string{"<i>icon</i>"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := render(t, tt.src, Context{Shortcodes: icon})
			checkHTML(t, res.HTML, tt.want, tt.notWant)
		})
	}
}

// TestTextAndTOCWithShortcodes checks that headings and the page text see
// shortcode output as text, and soft breaks as the HTML has them.
func TestTextAndTOCWithShortcodes(t *testing.T) {
	sc := func(sc Shortcode) (string, error) {
		if sc.Markdown {
			return "*" + sc.Inner + "*", nil
		}
		return `<b class="x">B&amp;B</b>`, nil
	}
	src := "## Stay at {{< inn >}}\n\n中文\n中文 and\nmore {{% md %}}words{{% /md %}}\n\n![alt {{< inn >}}](p.jpg)\n"
	res := render(t, src, Context{Shortcodes: sc})
	if len(res.TOC) != 1 || res.TOC[0].Text != "Stay at B&B" || res.TOC[0].ID != "stay-at-b-b" {
		t.Errorf("TOC = %+v", res.TOC)
	}
	if want := "Stay at B&B\n中文中文 and more words"; res.Text != want {
		t.Errorf("Text = %q, want %q", res.Text, want)
	}
	if len(res.Images) != 1 || res.Images[0].Alt != "alt B&B" {
		t.Errorf("Images = %+v", res.Images)
	}
	if strings.Contains(res.HTML, "sinengsc") {
		t.Errorf("placeholder left in HTML:\n%s", res.HTML)
	}
}
