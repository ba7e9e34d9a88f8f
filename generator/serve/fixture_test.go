package serve

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// fixtureNow is the clock of every build in these tests, so a served build
// and a fresh one agree on dates.
var fixtureNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// newsPage is one news page of the fixture site, kept as fields so the
// tests can change them and write the file again.
type newsPage struct {
	title, date, slug, body string
	draft                   bool
}

func (p newsPage) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\ndate = %s\n", p.title, p.date)
	if p.slug != "" {
		fmt.Fprintf(&b, "slug = %q\n", p.slug)
	}
	if p.draft {
		b.WriteString("draft = true\n")
	}
	fmt.Fprintf(&b, "+++\n%s\n", p.body)
	return b.String()
}

// leaderText is the fixture's leader bundle, consent withdrawn or not.
func leaderText(withdrawn bool, body string) string {
	w := ""
	if withdrawn {
		w = "withdrawn = 2025-01-01\n"
	}
	return "+++\ntitle = \"Wang Fang\"\ncommunity = \"Binhe\"\nstage = \"empower\"\njoined = 2025-03-01\n\n" +
		"[consent]\npublish = true\ndate = 2025-03-02\nscope = [\"portfolio\", \"name\"]\n" + w + "+++\n" + body + "\n"
}

// projectText is the fixture's project, for an audience ("" for the
// default).
func projectText(audience, body string) string {
	a := ""
	if audience != "" {
		a = fmt.Sprintf("audience = %q\n", audience)
	}
	return "+++\ntitle = \"Homework club\"\ndate = 2025-04-01\nstage = \"showcase\"\nstatus = \"delivering\"\n" +
		"leaders = [\"wang-fang\"]\nbeneficiaries = 40\n" + a + "+++\n" + body + "\n"
}

// templateText is the fixture's override of the theme's single page.
func templateText(variant int) string {
	return fmt.Sprintf("{{ define \"main\" }}<article class=\"override-%d\"><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n", variant)
}

// fixtureFiles is the small site of these tests: a home page, two news
// pages, a leader bundle with consent, a project referring to the leader,
// a template override and a static stylesheet.
func fixtureFiles() map[string]string {
	return map[string]string{
		"site.toml":                          "title = \"Fixture\"\nbaseURL = \"https://example.org/\"\n\n[program]\nname = \"Four Capabilities\"\ncurrency = \"CNY\"\n",
		"content/_index.md":                  "+++\ntitle = \"Home\"\n+++\nWelcome.\n",
		"content/news/one.md":                newsPage{title: "One", date: "2025-01-01", body: "First news."}.text(),
		"content/news/two.md":                newsPage{title: "Two", date: "2025-02-01", body: "Second news."}.text(),
		"content/leaders/wang-fang/index.md": leaderText(false, "Wang Fang runs the homework club."),
		"content/projects/homework.md":       projectText("", "After-school help."),
		"layouts/_default/single.html":       templateText(0),
		"static/css/extra.css":               "p{margin:0}\n",
	}
}

// scratch is a folder for a test's sites and outputs: tmpfs when the
// machine has one (builds there do not wait on a disk), else a temp folder.
func scratch(t *testing.T) string {
	t.Helper()
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "sineng-serve-test-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

// readTree reads every file under dir: slash path → bytes.
func readTree(dir string) (map[string]string, error) {
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	return m, err
}

// diffTrees describes how two trees differ, or returns "".
func diffTrees(got, want map[string]string) string {
	var lines []string
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			lines = append(lines, "missing "+p)
		case g != w:
			lines = append(lines, "different "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			lines = append(lines, "extra "+p)
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// listen opens a loopback listener on a free port.
func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// runServer starts Run in the background and stops it at cleanup, failing
// the test when Run returns an error.
func runServer(t *testing.T, opts Options) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, opts) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("Run did not stop")
		}
	})
}
