package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sineng/sineng/internal/browsertest"
)

// TestShortcodeArgumentsRunNoScript builds a page that puts an ordinary
// site shortcode, escaped by html/template, where goldmark writes
// attributes (an image's alt, a link title, a fence's language, a
// heading's id) with an argument that tries onerror=, and loads it in a
// real headless Chromium: no handler runs, and the alt is the shortcode's
// text.
func TestShortcodeArgumentsRunNoScript(t *testing.T) {
	browsertest.Find(t)
	attack := `x onerror=document.body.setAttribute('data-pwned',1) x`
	src := writeFiles(t, map[string]string{
		"site.toml":                    minimalConfig,
		"layouts/shortcodes/abbr.html": `<abbr title="{{ index .Params 0 }}">{{ index .Params 1 }}</abbr>`,
		"content/a.md": "+++\ntitle = \"A\"\n+++\n" +
			"Logo ![{{< abbr \"" + attack + "\" \"NGO\" >}}](/missing.png)\n\n" +
			"[go](/missing/ \"{{< abbr \"" + attack + "\" \"T\" >}}\")\n\n" +
			"## Head {#{{< abbr \"" + attack + "\" \"H\" >}}}\n\n" +
			"```{{< abbr \"" + attack + "\" \"L\" >}}\ncode\n```\n",
	})
	out, _ := build(t, src, Options{})
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.Start(t)
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/a/"),
		chromedp.WaitReady("body"),
		chromedp.Sleep(300*time.Millisecond), // the image's load fails and would fire onerror
	)
	if err != nil {
		t.Fatal(err)
	}
	pwned, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.getAttribute("data-pwned") || ""`))
	if err != nil {
		t.Fatal(err)
	}
	alt, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("main img").getAttribute("alt")`))
	if err != nil {
		t.Fatal(err)
	}
	tags, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("[onerror], [onmouseover]").length`))
	if err != nil {
		t.Fatal(err)
	}
	if pwned != "" || tags != 0 {
		t.Errorf("a shortcode argument set an event handler (data-pwned=%q, %d elements with handlers)", pwned, tags)
	}
	if alt != "NGO" {
		t.Errorf("img alt %q, want the shortcode's text NGO", alt)
	}
}
