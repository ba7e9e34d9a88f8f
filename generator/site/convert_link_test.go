package site

import (
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// TestJoinCleanMatchesPathJoin checks the allocation-free join of link
// resolution against path.Join: where joinClean answers, it answers what
// path.Join would. Its folders are what path.Dir makes of a page's file,
// as in Resolve; its links are every sequence of up to four elements.
func TestJoinCleanMatchesPathJoin(t *testing.T) {
	files := []string{"content/x.md", "content/notes/2024/x.md", "x.md", "", "/abs/x.md", "content/a b/x.md",
		"content/中文/x.md", "../up/x.md", "a/./b//c/x.md", "a/b/../c/x.md", "/x.md", "a/b/c/d/x.md"}
	elems := []string{"x.md", "..", ".", "", "n", "中文.md", "a..b.md", ".hidden.md"}
	dests := []string{""}
	for range 4 {
		for _, d := range dests {
			for _, e := range elems {
				if d == "" {
					dests = append(dests, e, "/"+e)
				} else {
					dests = append(dests, d+"/"+e)
				}
			}
		}
	}
	dests = append(dests, "x.md/", "../x.md/", "../../x.md", "../../../../x.md", "../../../../../x.md")
	answered, climbed := 0, 0
	for _, file := range files {
		dir := path.Dir(file)
		for _, dest := range dests {
			got, ok := joinClean(nil, dir, dest)
			if !ok {
				continue
			}
			answered++
			if strings.HasPrefix(dest, "../") {
				climbed++
			}
			if want := path.Join(dir, dest); string(got) != want {
				t.Errorf("joinClean(%q, %q) = %q, path.Join gives %q", dir, dest, got, want)
			}
		}
	}
	if answered < 200 || climbed < 50 {
		t.Errorf("joinClean answered %d joins, %d climbing a folder: the fast path is not taken", answered, climbed)
	}
}

// TestLinkURLsMatchTheTree checks the published-file map link resolution
// looks in first against the tree and the builder's pages, for every
// published page of the example site.
func TestLinkURLsMatchTheTree(t *testing.T) {
	b := teamBuild(t, filepath.Join("..", ".."))
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
