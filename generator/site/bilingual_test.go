package site

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestBilingualTrees checks the file tree of a two-language site against
// testdata/golden/bilingual.tree (rewritten with -update), and the links
// between the languages in the pages.
func TestBilingualTrees(t *testing.T) {
	out, _ := build(t, filepath.Join("testdata", "sites", "bilingual"), Options{})
	tree := readTree(t, out)
	var names []string
	for rel := range tree {
		if !strings.HasPrefix(rel, "css/") {
			names = append(names, rel)
		}
	}
	sort.Strings(names)
	got := strings.Join(names, "\n") + "\n"
	golden := filepath.Join("testdata", "golden", "bilingual.tree")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(golden); err != nil || string(want) != got {
		t.Errorf("tree differs from %s (run go test -update):\n%s", golden, diffLines(string(want), got))
	}

	zh := string(tree["projects/elevator/index.html"])
	en := string(tree["en/projects/elevator/index.html"])
	for _, c := range []struct{ page, name, want string }{
		{zh, "zh html lang", `<html lang="zh-Hans"`},
		{en, "en html lang", `<html lang="en"`},
		{zh, "zh hreflang to en", `hreflang="en" href="https://example.org/en/projects/elevator/"`},
		{en, "en hreflang to zh", `hreflang="zh-Hans" href="https://example.org/projects/elevator/"`},
		{zh, "zh switcher", `href="/en/projects/elevator/" hreflang="en" lang="en"`},
		{en, "en switcher", `href="/projects/elevator/" hreflang="zh-Hans" lang="zh-Hans"`},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("%s: lacks %s", c.name, c.want)
		}
	}
	// Chinese slugs and terms are percent-encoded the same way everywhere.
	enc := "/news/%E4%B8%AD%E6%96%87%E5%8A%A8%E6%80%81/"
	for _, f := range []string{"sitemap.xml", "index.xml", "news/index.html"} {
		if !strings.Contains(string(tree[f]), enc) {
			t.Errorf("%s lacks the encoded URL %s", f, enc)
		}
	}
	term := "/tags/%E5%8A%A0%E8%A3%85%E7%94%B5%E6%A2%AF/"
	for _, f := range []string{"sitemap.xml", "projects/elevator/index.html", "tags/index.html"} {
		if !strings.Contains(string(tree[f]), term) {
			t.Errorf("%s lacks the encoded term URL %s", f, term)
		}
	}
	// A page with no English version has no switcher and no English page.
	only := string(tree["news/中文动态/index.html"])
	if regexp.MustCompile(`hreflang="en"`).MatchString(only) {
		t.Error("an untranslated page links to a translation")
	}
	if _, ok := tree["en/news/中文动态/index.html"]; ok {
		t.Error("an untranslated page was built in English")
	}
}
