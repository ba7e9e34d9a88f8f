package site

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/search"
)

// indexFiles reads a built search index folder back.
func indexFiles(t *testing.T, dir string) []search.File {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []search.File
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, search.File{Path: e.Name(), Data: data})
	}
	sort.Slice(files, func(i, j int) bool {
		return files[i].Path == "meta.json" || files[i].Path < files[j].Path && files[j].Path != "meta.json"
	})
	return files
}

func hitURLs(t *testing.T, files []search.File, q string) []string {
	t.Helper()
	hits, err := search.Search(files, q)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range hits {
		out = append(out, h.URL)
	}
	return out
}

func TestSearchIndexHoldsOnlyPublishedPages(t *testing.T) {
	files := map[string]string{
		"site.toml":                    minimalConfig + "defaultLanguage = \"zh\"\n",
		"content/projects/elevator.md": "+++\ntitle = \"加装电梯议事会\"\n+++\n居民一起商量。Residents discussed the elevators.\n",
		"content/notes/secret.md":      "+++\ntitle = \"内部会议记录 SECRETWORD\"\naudience = \"team\"\n+++\n电梯的内部讨论 SECRETWORD。\n",
		"content/notes/funders.md":     "+++\ntitle = \"Budget review FUNDERWORD\"\naudience = \"funders\"\n+++\nFUNDERWORD\n",
	}
	src := writeFiles(t, files)
	pub, _ := build(t, src, Options{})
	idx := indexFiles(t, filepath.Join(pub, "search", "zh"))
	if got := hitURLs(t, idx, "电梯"); len(got) != 1 || got[0] != "/projects/elevator/" {
		t.Errorf("电梯 (from the middle of a Chinese title) finds %v", got)
	}
	if got := hitURLs(t, idx, "elevator"); len(got) != 1 {
		t.Errorf("the stem of elevators finds %v", got)
	}
	for _, f := range idx {
		for _, secret := range []string{"SECRETWORD", "secretword", "FUNDERWORD", "funderword", "内部"} {
			if strings.Contains(string(f.Data), secret) {
				t.Errorf("public index file %s holds %q from a non-public page", f.Path, secret)
			}
		}
	}
	team, _ := build(t, src, Options{Audience: audience.Team, AudienceSet: true})
	if got := hitURLs(t, indexFiles(t, filepath.Join(team, "search", "zh")), "secretword"); len(got) != 1 {
		t.Errorf("the team index does not find the team page: %v", got)
	}
}

// TestSearchIDsNumberEachLanguagesPages checks the document ids the pages
// carry against the numbering they replace: each language's indexed pages
// (regular pages from a file, published) numbered from 0 in the order of
// the language's pages, and every other page in no index.
func TestSearchIDsNumberEachLanguagesPages(t *testing.T) {
	b := teamBuild(t, filepath.Join("..", ".."))
	indexed := 0
	for _, ls := range b.langs {
		want := map[*pageState]int{}
		for _, st := range ls.pages {
			if st.page.Kind == content.KindPage && st.page.File != "" && st.view != nil {
				want[st] = len(want)
			}
		}
		for _, st := range ls.pages {
			got, ok := st.searchID()
			w, wok := want[st]
			if ok != wok || ok && got != w {
				t.Errorf("%s (%s): search id %d, %v; want %d, %v", st.page.File, ls.lang.Code, got, ok, w, wok)
			}
		}
		indexed += len(want)
	}
	if indexed < 10 {
		t.Fatalf("%d indexed pages: the example site's index is empty", indexed)
	}
}
