package content

import (
	"path"
	"path/filepath"
	"testing"
)

func TestByFileFindsEveryPageByItsFile(t *testing.T) {
	files := map[string]string{
		"_index.md":               "+++\ntitle = \"Home\"\n+++\n",
		"projects/elevator.md":    "+++\ntitle = \"电梯\"\n+++\n",
		"projects/elevator.en.md": "+++\ntitle = \"Elevator\"\n+++\n",
		"projects/v1.2.md":        "+++\ntitle = \"Dotted\"\n+++\n",
		"leaders/li/index.md":     "+++\ntitle = \"Li\"\n+++\n",
		"leaders/li/index.en.md":  "+++\ntitle = \"Li\"\n+++\n",
		"leaders/li/notes/a.md":   "a bundle resource",
		"news/_index.md":          "+++\ntitle = \"News\"\n+++\n",
		// Both are the zh page "about": the later (about.zh.md) is kept
		// under that Path, and the earlier is still found by its file.
		"about.md":    "+++\ntitle = \"About\"\n+++\n",
		"about.zh.md": "+++\ntitle = \"关于\"\n+++\n",
	}
	for _, dir := range []string{"content", "./site/content/", "."} {
		t.Run(dir, func(t *testing.T) {
			site := map[string]string{}
			prefix := map[string]string{"content": "content/", "./site/content/": "site/content/", ".": ""}[dir]
			for name, text := range files {
				site[prefix+name] = text
			}
			tree, errs := load(t, site, Options{ContentDir: dir, Languages: []string{"zh", "en"}})
			if errs.HasErrors() {
				t.Fatal(errs.Err())
			}
			found := 0
			for _, p := range tree.Pages {
				if p.File == "" {
					continue
				}
				found++
				if got, ok := tree.ByFile(p.File); !ok || got != p {
					t.Errorf("ByFile(%q) = %v, %v; want its page", p.File, got, ok)
				}
			}
			if found != len(files)-1 {
				t.Errorf("%d pages with files, want %d", found, len(files)-1)
			}
			for _, file := range []string{"", prefix + "leaders/li/notes/a.md", prefix + "missing.md", prefix + "news", prefix + "projects/elevator.fr.md", "elsewhere/about.md"} {
				if p, ok := tree.ByFile(file); ok {
					t.Errorf("ByFile(%q) = %s, want none", file, p.File)
				}
			}
		})
	}
}

// TestContentPrefixMatchesPathJoin checks the one-string site path against
// path.Join for content folders written every way a site may write them.
func TestContentPrefixMatchesPathJoin(t *testing.T) {
	dirs := []string{"content", "content/", "./content", "site//content/", ".", "", "./", "../shared/content", "/abs/content", "/", "a/./b/../c"}
	rels := []string{"x.md", "projects/x.en.md", "leaders/wang/index.md", "_index.md", "a.b/c..d/e.md", "深/页.md"}
	for _, dir := range dirs {
		for _, rel := range rels {
			if got, want := contentPrefix(dir)+rel, path.Join(filepath.ToSlash(dir), rel); got != want {
				t.Errorf("contentPrefix(%q)+%q = %q, want %q", dir, rel, got, want)
			}
		}
		if got, want := newFileNames(Options{ContentDir: dir}).prefix, contentPrefix(dir); got != want {
			t.Errorf("prefix of %q: %q, want %q", dir, got, want)
		}
	}
}

// TestDirOfMatchesPathDir checks dirOf against path.Dir on clean paths.
func TestDirOfMatchesPathDir(t *testing.T) {
	for _, p := range []string{"x", "x.md", "a/b", "a/b/c.md", "a.b/c", "/", "/a", "/a/b", "..", "../a", "../../a/b", "a/..b/c.", "深/页", "_index"} {
		if path.Clean(p) != p {
			t.Fatalf("%q is not clean", p)
		}
		if got, want := dirOf(p), path.Dir(p); got != want {
			t.Errorf("dirOf(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestWalkFullPathsMatchJoin checks that each file the walk emits names
// the path readPage would otherwise join, for content folders written
// several ways.
func TestWalkFullPathsMatchJoin(t *testing.T) {
	src := writeSite(t, map[string]string{
		"content/_index.md":             "x",
		"content/a/b.md":                "x",
		"content/a/c/index.en.md":       "x",
		"content/a/c/notes/resource.md": "x",
		"content/深/页.md":                "x",
	})
	for _, dir := range []string{"content", "./content/", "content/../content"} {
		opts := Options{Source: src, ContentDir: dir, Languages: []string{"zh", "en"}}
		opts.defaults()
		root := filepath.Join(opts.Source, opts.ContentDir)
		n := 0
		_, _, err := walk(root, newFileNames(opts), func(f file) bool {
			n++
			if want := filepath.Join(root, filepath.FromSlash(f.rel)); f.full != want {
				t.Errorf("%s: full path %q, want %q", dir, f.full, want)
			}
			return true
		}, func(rel string, err error) { t.Errorf("%s: %v", rel, err) })
		if err != nil || n != 5 {
			t.Fatalf("%s: %d files, %v", dir, n, err)
		}
	}
}

// TestOSPathMatchesJoin checks that every page of trees loaded with the
// content folder written several ways is read again from the path a
// filepath.Join of the site folder and its File names.
func TestOSPathMatchesJoin(t *testing.T) {
	files := map[string]string{
		"_index.md":              "+++\ntitle = \"Home\"\n+++\n",
		"projects/x.en.md":       "+++\ntitle = \"X\"\n+++\n",
		"leaders/li/index.md":    "+++\ntitle = \"Li\"\n+++\n",
		"深/页.md":                 "+++\ntitle = \"页\"\n+++\n",
		"a.b/c..d/e.md":          "+++\ntitle = \"e\"\n+++\n",
		"leaders/li/notes/n.txt": "resource",
	}
	for _, dir := range []string{"content", "./site/content/", ".", "site/../content"} {
		t.Run(dir, func(t *testing.T) {
			prefix := map[string]string{"content": "content/", "./site/content/": "site/content/", ".": "", "site/../content": "content/"}[dir]
			site := map[string]string{}
			for name, text := range files {
				site[prefix+name] = text
			}
			tree, errs := load(t, site, Options{ContentDir: dir, Languages: []string{"zh", "en"}})
			if errs.HasErrors() {
				t.Fatal(errs.Err())
			}
			n := 0
			for _, p := range tree.Pages {
				if p.File == "" {
					continue
				}
				n++
				if got, want := tree.osPath(p.File), filepath.Join(tree.source, filepath.FromSlash(p.File)); got != want {
					t.Errorf("osPath(%q) = %q, want %q", p.File, got, want)
				}
			}
			if n != 5 {
				t.Errorf("%d pages with files, want 5", n)
			}
		})
	}
}
