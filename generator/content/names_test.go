package content

import "testing"

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
