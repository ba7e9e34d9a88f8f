package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sineng/sineng/internal/browsertest"
)

// pageState is what the test reads from the page without navigating.
type pageState struct {
	Text    string `json:"text"`    // the article's text
	Overlay string `json:"overlay"` // the error overlay's text, "" when there is none
	Marker  bool   `json:"marker"`  // set by the test; gone after a reload
	Sheet   string `json:"sheet"`   // href of the site stylesheet link
	Color   string `json:"color"`   // computed background colour of the body
}

const readPage = `(() => {
  const a = document.querySelector("article");
  const o = document.getElementById("sineng-overlay");
  const l = document.querySelector('link[rel="stylesheet"][href*="/css/style."]:not([data-sineng-old])');
  return {
    text: a ? a.innerText : "",
    overlay: o ? o.innerText : "",
    marker: window.__sinengTest === 1,
    sheet: l ? l.getAttribute("href") : "",
    color: document.body ? getComputedStyle(document.body).backgroundColor : "",
  };
})()`

// TestBrowserLiveReload drives a real headless Chromium against `sineng
// serve`: an edit shows up in the open page, a broken front matter shows the
// overlay with the file's name, the fix removes it, and a stylesheet change
// is swapped in without a reload.
func TestBrowserLiveReload(t *testing.T) {
	browsertest.Find(t) // skips, or fails in CI, before any work when there is no browser
	src := writeSite(t, small)
	// The stylesheet override's folder exists from the start: a batch that
	// creates folders is not a stylesheet-only change.
	if err := os.MkdirAll(filepath.Join(src, "assets", "css"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, "--source", src)
	ctx := browsertest.Start(t)
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	// read reads the page; while it reloads the read may fail, which
	// reads as an empty page.
	var st pageState
	var readErr error
	read := func() pageState {
		t.Helper()
		st, readErr = chromedp.Run(ctx, chromedp.Evaluate[pageState](readPage))
		return st
	}
	waitPage := func(what string, ok func(pageState) bool) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			if p := read(); ok(p) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s; the page shows %+v (read error %v)\nserver log:\n%s%s", what, st, readErr, s.stdout, s.stderr)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	setMarker := func() {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.__sinengTest = 1`)); err != nil {
			t.Fatal(err)
		}
	}
	writeFile := func(rel, text string) {
		t.Helper()
		p := filepath.Join(src, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"news/a/")); err != nil {
		t.Fatal(err)
	}
	waitPage("the page", func(p pageState) bool { return strings.Contains(p.Text, "Text of A.") })

	// An edit: the open page shows it without the test navigating.
	writeFile("content/news/a.md", "+++\ntitle = \"A\"\ndate = 2025-01-01\ntags = [\"x\"]\n+++\nEdited in the editor.\n")
	waitPage("the edited text", func(p pageState) bool { return strings.Contains(p.Text, "Edited in the editor.") })

	// A broken front matter: the overlay appears, naming the file, over the
	// last good page.
	setMarker()
	writeFile("content/news/a.md", "+++\ntitle = \"A\"\ndate = = 2025\n+++\nBroken.\n")
	waitPage("the overlay", func(p pageState) bool { return strings.Contains(p.Overlay, "content/news/a.md") })
	if !read().Marker {
		t.Error("the page reloaded to show the overlay; it should appear in place")
	}
	if !strings.Contains(st.Text, "Edited in the editor.") {
		t.Errorf("the last good page is gone: %q", st.Text)
	}

	// The fix: the overlay goes and the page shows the new text.
	writeFile("content/news/a.md", "+++\ntitle = \"A\"\ndate = 2025-01-01\n+++\nFixed and back.\n")
	waitPage("the fix", func(p pageState) bool { return p.Overlay == "" && strings.Contains(p.Text, "Fixed and back.") })

	// A stylesheet change: the new sheet is swapped in, no reload.
	before := read().Sheet
	if before == "" {
		t.Fatal("no site stylesheet link in the page")
	}
	setMarker()
	writeFile("assets/css/style.css", "body { background: rgb(1, 2, 3); }\n")
	waitPage("the new stylesheet", func(p pageState) bool { return p.Color == "rgb(1, 2, 3)" })
	if p := read(); !p.Marker || p.Sheet == before {
		t.Errorf("stylesheet change: reloaded=%v, link %q → %q; want a swap without reload", !p.Marker, before, p.Sheet)
	}
}
