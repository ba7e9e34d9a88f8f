package site

import (
	"path"
	"path/filepath"
	"testing"

	"github.com/sineng/sineng/generator/audience"
)

// TestJoinPlainMatchesPathJoin checks the allocation-free join of link
// resolution against path.Join: where joinPlain answers, it answers what
// path.Join would.
func TestJoinPlainMatchesPathJoin(t *testing.T) {
	dirs := []string{"content", "content/notes/2024", ".", "", "/abs", "content/a b", "content/中文"}
	dests := []string{"x.md", "notes/2024/y.md", "./x.md", "../x.md", "a/../x.md", "a//x.md", "a/./x.md",
		"x.md/", "/x.md", "", ".", "..", "a/b/c.md", "中文.md", "a..b.md", ".hidden.md"}
	answered := 0
	for _, dir := range dirs {
		for _, dest := range dests {
			got, ok := joinPlain(nil, dir, dest)
			if !ok {
				continue
			}
			answered++
			if want := path.Join(dir, dest); string(got) != want {
				t.Errorf("joinPlain(%q, %q) = %q, path.Join gives %q", dir, dest, got, want)
			}
		}
	}
	if answered < 20 {
		t.Errorf("joinPlain answered only %d joins: the fast path is not taken", answered)
	}
}

// TestLinkURLsMatchTheTree checks the published-file map link resolution
// looks in first against the tree and the builder's pages, for every
// published page of the example site.
func TestLinkURLsMatchTheTree(t *testing.T) {
	opts := Options{Source: filepath.Join("..", ".."), Out: filepath.Join(t.TempDir(), "out"), Now: exampleNow,
		Audience: audience.Team, AudienceSet: true, Drafts: true, Future: true}
	b, _, err := runBuild(t.Context(), opts, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.linkURLs) < 10 {
		t.Fatalf("%d link URLs: the map is not filled", len(b.linkURLs))
	}
	for file, u := range b.linkURLs {
		p, ok := b.tree.ByFile(file)
		if !ok {
			t.Errorf("%s is in the map but not in the tree", file)
			continue
		}
		st := b.byPage[p]
		if st == nil || st.view == nil || st.view.RelPermalink != u {
			t.Errorf("%s maps to %q, the tree's page has another URL or none", file, u)
		}
	}
}
