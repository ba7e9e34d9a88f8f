package site

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/corpus"
)

// inCI reports whether tests run in CI, where a missing checker fails
// instead of skipping.
func inCI() bool { return os.Getenv("CI") == "true" }

// scratchDir is a folder for a big test output: tmpfs when the machine has
// one (this machine's disk stalls under many small writes), else a temp
// folder.
func scratchDir(t *testing.T) string {
	t.Helper()
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		dir, err := os.MkdirTemp("/dev/shm", "sineng-test-")
		if err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

// exampleNow is after every date in the example site.
var exampleNow = time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)

// teamBuild runs the team build of the site at src, drafts and future
// pages included, into a temp folder, and returns its builder.
func teamBuild(t *testing.T, src string) *builder {
	t.Helper()
	opts := Options{Source: src, Out: filepath.Join(t.TempDir(), "out"), Now: exampleNow,
		Audience: audience.Team, AudienceSet: true, Drafts: true, Future: true}
	b, _, err := runBuild(t.Context(), opts, false)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExampleSite(t *testing.T) {
	out, res := build(t, filepath.Join("..", ".."), Options{Now: exampleNow})
	for _, f := range []string{
		"index.html", "404.html", "robots.txt", "sitemap.xml", "index.xml",
		"projects/index.html", "projects/elevator/index.html", "news/index.xml",
		"tags/index.html", "skills/index.html",
	} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("example site lacks %s", f)
		}
	}
	if res.Pages < 20 {
		t.Errorf("only %d pages", res.Pages)
	}
	tree := readTree(t, out)
	// The site's layouts/partials/site-footer.html overrides the theme's
	// file of that name; the theme's footer does not print the description.
	for _, page := range []string{"index.html", "projects/elevator/index.html"} {
		if !strings.Contains(string(tree[page]), `<p class="site-about">和平街道社会工作服务站陪伴幸福里`) {
			t.Errorf("%s: the footer is not the site's own (layouts/partials/site-footer.html)", page)
		}
	}
	// Team-only material never reaches the public build.
	for rel, data := range tree {
		for _, secret := range []string{"赵淑芬", "孙海涛", "刘国庆"} {
			if strings.Contains(string(data), secret) {
				t.Errorf("%s contains the unpublished name %s", rel, secret)
			}
		}
	}
	if _, ok := tree["leaders/leader-05/index.html"]; ok {
		t.Error("a leader without consent was published")
	}
	checkXML(t, out, "sitemap.xml", "index.xml", "news/index.xml")
	checkHTML(t, out)
}

// checkXML runs xmllint --noout on output files.
func checkXML(t *testing.T, out string, files ...string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if inCI() {
			t.Fatal("xmllint not installed (CI installs libxml2-utils)")
		}
		t.Log("skipping XML validation: xmllint not installed")
		return
	}
	args := []string{"--noout"}
	for _, f := range files {
		args = append(args, filepath.Join(out, f))
	}
	if msg, err := exec.Command(xmllint, args...).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, msg)
	}
}

// checkHTML runs the W3C Nu Html Checker (SINENG_VNU_JAR) over every HTML
// file of the output.
func checkHTML(t *testing.T, out string) {
	t.Helper()
	jar := os.Getenv("SINENG_VNU_JAR")
	java, err := exec.LookPath("java")
	if jar == "" || err != nil {
		if inCI() {
			t.Fatal("the Nu Html Checker is needed in CI: set SINENG_VNU_JAR (.ci/run installs vnu-jar)")
		}
		t.Log("skipping HTML validation: set SINENG_VNU_JAR to the vnu.jar of the npm package vnu-jar")
		return
	}
	msg, err := exec.Command(java, "-jar", jar, "--skip-non-html", "--errors-only", out).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(msg))) > 0 {
		t.Errorf("Nu Html Checker found errors: %v\n%s", err, msg)
	}
}

func TestCorpusThousandPages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated 1,000-page site")
	}
	dir := scratchDir(t)
	src := filepath.Join(dir, "site")
	sum, err := corpus.Generate(src, corpus.Options{Pages: 1000, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	out, res := build(t, src, Options{Out: filepath.Join(dir, "out"), Audience: audience.Team, AudienceSet: true, Drafts: true, Future: true})
	if res.Pages < len(sum.Expected) {
		t.Errorf("built %d pages for %d content files", res.Pages, len(sum.Expected))
	}
	for _, p := range sum.Expected {
		if _, err := os.Stat(filepath.Join(out, expectedOutput(p))); err != nil {
			t.Errorf("%s: no output %s", p, expectedOutput(p))
		}
	}
}

// expectedOutput is where a content file's page lands with no slug or url
// field: its path without ".md", bundles and sections at their folder.
func expectedOutput(p string) string {
	p = strings.TrimSuffix(p, ".md")
	switch {
	case p == "_index":
		return "index.html"
	case strings.HasSuffix(p, "/_index"), strings.HasSuffix(p, "/index"):
		return filepath.Join(filepath.Dir(p), "index.html")
	}
	return filepath.Join(p, "index.html")
}
