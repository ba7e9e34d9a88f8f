package markdown

import (
	"strings"
	"testing"
)

// abbr is a shortcode whose HTML is escaped for its own context, as a
// site's template would make it: an argument lands in an attribute value
// of its own tag.
func abbr(sc Shortcode) (string, error) {
	title := strings.NewReplacer(`"`, "&#34;", "'", "&#39;", "<", "&lt;", ">", "&gt;").Replace(strings.Join(sc.Args, " "))
	return `<abbr title="` + title + `">NGO</abbr>`, nil
}

// TestShortcodeInAnAttributeIsText checks that a shortcode placed where
// goldmark writes an attribute (an image's alt text, a link title, a code
// fence's language, a heading's id) gives its text there, escaped, and not
// its HTML, which would end the attribute and the tag: with an argument
// holding onerror=…, that ran script in a browser.
func TestShortcodeInAnAttributeIsText(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"image alt", `![{{< abbr "x onerror=alert(1) x" >}}](/missing.png)`, `<img src="/missing.png" alt="NGO">`},
		{"link title", `[go](/a/ "{{< abbr "t onmouseover=alert(1)" >}}")`, `<a href="/a/" title="NGO">go</a>`},
		{"code fence language", "```{{< abbr \"y\" >}}\ncode\n```", `class="language-NGO"`},
		{"heading id", `## Head {#{{< abbr "z" >}}}`, `<h2 id="NGO">Head</h2>`},
		{"text stays HTML", `Logo {{< abbr "a" >}} here`, `<p>Logo <abbr title="a">NGO</abbr> here</p>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := render(t, tt.src, Context{Shortcodes: abbr})
			if !strings.Contains(res.HTML, tt.want) {
				t.Errorf("%s\nwant %s in\n%s", tt.src, tt.want, res.HTML)
			}
			if tt.name != "text stays HTML" && strings.Contains(res.HTML, "<abbr") {
				t.Errorf("shortcode HTML inside a tag:\n%s", res.HTML)
			}
		})
	}
}

// TestTokensCannotBeForgedWithReferences checks that a character reference
// that decodes to a placeholder token ("sinengs&#99;0x") stays text: it
// neither prints a shortcode's HTML in a link's URL or title, nor cuts the
// summary inside an attribute.
func TestTokensCannotBeForgedWithReferences(t *testing.T) {
	src := "{{< abbr \"q\" >}}\n\n[x](https://example.org/sinengs&#99;0x) ![i](/a.png \"sinengs&#99;0x\")\n\n" +
		"[y](https://example.org/ \"sinengs&#99;more\")\n\n<!--more-->\n\nAfter.\n"
	res := render(t, src, Context{Shortcodes: abbr})
	if strings.Count(res.HTML, "<abbr") != 1 {
		t.Errorf("a forged token printed the shortcode again:\n%s", res.HTML)
	}
	if !res.HasSummary || strings.Contains(res.SummaryHTML, "After.") || !strings.HasSuffix(strings.TrimSpace(res.SummaryHTML), "</p>") {
		t.Errorf("the summary is not cut at the real divider:\n%s", res.SummaryHTML)
	}
}

// TestHeadingAttributesWithoutRawHTML checks that an attribute block sets
// a heading's id and class only (and data-… attributes, which goldmark
// always lets through and which neither style nor run anything), unless
// raw HTML is on: style could lay a page-sized box over the site.
func TestHeadingAttributesWithoutRawHTML(t *testing.T) {
	src := "## H1 {#x .note style=\"position:fixed;top:0\" title=\"t\"}\n\n## H2 {data-x=\"a\" hidden=true contenteditable=\"true\"}\n"
	res := render(t, src, Context{})
	for _, bad := range []string{"style=", "title=", "hidden", "contenteditable"} {
		if strings.Contains(res.HTML, bad) {
			t.Errorf("%s written without raw HTML:\n%s", bad, res.HTML)
		}
	}
	if !strings.Contains(res.HTML, `<h2 id="x" class="note">H1</h2>`) {
		t.Errorf("id and class lost:\n%s", res.HTML)
	}
	unsafe, err := New(Options{Unsafe: true}).Render([]byte(src), Context{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(unsafe.HTML, `style="position:fixed;top:0"`) {
		t.Errorf("with raw HTML on, style is dropped:\n%s", unsafe.HTML)
	}
}

// TestSummaryDividerCannotBeSpelled checks that text the page renders
// (a heading whose id is lower-cased, a shortcode's output) cannot spell
// the summary divider and cut the summary inside a tag.
func TestSummaryDividerCannotBeSpelled(t *testing.T) {
	// The heading's text is not the prefix as written, but its id is it
	// lower-cased: the letters-only divider of before was spelled.
	src := "Before {{< abbr \"x\" >}}\n\n## SINENGSCMORE\n\nAfter the heading.\n\n<!--more-->\n\nRest.\n"
	res := render(t, src, Context{Shortcodes: abbr})
	if !res.HasSummary || !strings.Contains(res.SummaryHTML, "After the heading.") || strings.Contains(res.SummaryHTML, "Rest.") {
		t.Errorf("summary not cut at the divider:\n%s", res.SummaryHTML)
	}
	if !strings.Contains(res.HTML, `<h2 id="sinengscmore">SINENGSCMORE</h2>`) {
		t.Errorf("the heading lost its id:\n%s", res.HTML)
	}
}
