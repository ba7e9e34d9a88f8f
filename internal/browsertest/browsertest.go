// Package browsertest starts a real headless Chromium for browser tests.
//
// Without a browser a test is skipped with a message, except in CI
// (CI=true), where it fails: the browser tests must run for real there.
// It is used by tests only.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Find returns the browser to drive: $SINENG_CHROMIUM, else a Chromium or
// Chrome on PATH.
func Find(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("SINENG_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium found: CI must install it (Debian package chromium) or set SINENG_CHROMIUM")
	}
	t.Skip("skipping the browser test: no Chromium found (install the Debian package chromium or set SINENG_CHROMIUM)")
	return ""
}

// Start launches a headless Chromium with a fresh profile and no
// background networking, and returns a tab's context, closed when the test
// ends.
func Start(t testing.TB) context.Context {
	t.Helper()
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(Find(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	// The first action starts the browser for the life of ctx.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}
