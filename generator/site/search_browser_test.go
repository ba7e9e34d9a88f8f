package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sineng/sineng/internal/browsertest"
)

// TestSearchInBrowser types queries into the search box of the built
// example site in a real headless Chromium and expects the elevator project
// among the results: a two-character Chinese query and an English word.
func TestSearchInBrowser(t *testing.T) {
	browsertest.Find(t)
	out, _ := build(t, filepath.Join("..", ".."), Options{Now: exampleNow})
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.Start(t)
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	for _, c := range []struct{ page, query, want string }{
		{"/search/", "电梯", "/projects/elevator/"},
		{"/en/search/", "elevator", "/en/projects/elevator/"},
	} {
		err := chromedp.Do(ctx,
			chromedp.Navigate(srv.URL+c.page),
			chromedp.WaitVisible(`#search-q`),
			chromedp.SendKeys(`#search-q`, c.query),
			chromedp.WaitVisible(`[data-search-results] a`),
		)
		if err != nil {
			t.Fatalf("%s %q: %v", c.page, c.query, err)
		}
		links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-search-results] a")].map(a => a.getAttribute("href"))`))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, l := range links {
			if strings.HasSuffix(l, c.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("searching %q on %s: %s not among %v", c.query, c.page, c.want, links)
		}
		marked, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("[data-search-results] mark")||{}).textContent||""`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.EqualFold(marked, c.query) {
			t.Errorf("searching %q: highlighted %q", c.query, marked)
		}
	}
}
