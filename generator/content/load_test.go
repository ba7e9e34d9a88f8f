package content

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/diag"
)

// writeSite writes files (slash paths → text) under a temp folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	return writeSiteIn(t, t.TempDir(), files)
}

// writeSiteIn writes files into dir and returns dir.
func writeSiteIn(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func load(t *testing.T, files map[string]string, opts Options) (*Tree, *diag.List) {
	t.Helper()
	opts.Source = writeSite(t, files)
	errs := &diag.List{}
	tree, err := Load(context.Background(), opts, errs)
	if err != nil {
		t.Fatal(err)
	}
	return tree, errs
}

func TestLoadTreeAndURLs(t *testing.T) {
	tree, errs := load(t, map[string]string{
		"content/_index.md":                 "+++\ntitle = \"Home\"\n+++\n",
		"content/projects/elevator.md":      "+++\ntitle = \"Elevator\"\ndate = 2025-03-01\ntags = [\"a\", \"a\", \"b\"]\n+++\nbody",
		"content/projects/garden.md":        "+++\ntitle = \"Garden\"\nslug = \"green space\"\n+++\n",
		"content/leaders/wang/index.md":     "+++\ntitle = \"Wang\"\n+++\n",
		"content/leaders/wang/photo.png":    "png",
		"content/leaders/wang/notes/a.md":   "bundle resource, not a page",
		"content/notes/2024/_index.md":      "---\ntitle: Year\n---\n",
		"content/notes/2024/meeting.md":     "# 居民议事会\n\nNo front matter.",
		"content/notes/loose.md":            "plain",
		"content/about.md":                  "+++\ntitle = \"About\"\nurl = \"/about-us/\"\n+++\n",
		"content/files/form.pdf":            "pdf",
		"content/projects/.elevator.md.swp": "swap",
	}, Options{Taxonomies: []string{"tags"}})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	want := map[string]string{
		"content/_index.md":             "/",
		"content/projects/elevator.md":  "/projects/elevator/",
		"content/projects/garden.md":    "/projects/green-space/",
		"content/leaders/wang/index.md": "/leaders/wang/",
		"content/notes/2024/_index.md":  "/notes/2024/",
		"content/notes/2024/meeting.md": "/notes/2024/meeting/",
		"content/about.md":              "/about-us/",
		"content/notes/loose.md":        "/notes/loose/",
	}
	for file, url := range want {
		p, ok := tree.ByFile(file)
		if !ok {
			t.Errorf("%s: not loaded", file)
			continue
		}
		if p.RelPermalink != url {
			t.Errorf("%s: URL %q, want %q", file, p.RelPermalink, url)
		}
	}
	if _, ok := tree.ByFile("content/leaders/wang/notes/a.md"); ok {
		t.Error("a Markdown file inside a leaf bundle must be a resource, not a page")
	}
	wang, _ := tree.ByFile("content/leaders/wang/index.md")
	if strings.Join(wang.Resources, ",") != "leaders/wang/notes/a.md,leaders/wang/photo.png" {
		t.Errorf("bundle resources: %v", wang.Resources)
	}
	if wang.Section != "leaders" || wang.Parent == nil || wang.Parent.Path != "leaders/_index" {
		t.Errorf("bundle section %q parent %+v", wang.Section, wang.Parent)
	}
	meeting, _ := tree.ByFile("content/notes/2024/meeting.md")
	if meeting.Title != "居民议事会" || !meeting.TitleFromFile {
		t.Errorf("title from first heading: %q", meeting.Title)
	}
	if meeting.Parent.Path != "notes/2024/_index" || meeting.Parent.Parent.Path != "notes/_index" {
		t.Errorf("nested sections: %s / %s", meeting.Parent.Path, meeting.Parent.Parent.Path)
	}
	loose, _ := tree.ByFile("content/notes/loose.md")
	if loose.Title != "loose" {
		t.Errorf("title from file name: %q", loose.Title)
	}
	about, _ := tree.ByFile("content/about.md")
	if about.Section != "" || about.Parent != tree.Homes["en"] {
		t.Errorf("root page section %q", about.Section)
	}
	el, _ := tree.ByFile("content/projects/elevator.md")
	if got := el.Terms["tags"]; strings.Join(got, ",") != "a,b" {
		t.Errorf("tags %v", got)
	}
	if el.OutPath != "projects/elevator/index.html" || el.Date.Format("2006-01-02") != "2025-03-01" {
		t.Errorf("outpath %q date %v", el.OutPath, el.Date)
	}
	if strings.Join(tree.Files, ",") != "files/form.pdf" {
		t.Errorf("loose files %v", tree.Files)
	}
	// The made-up section for projects exists and holds both pages.
	sec, ok := tree.ByPath("en", "projects/_index")
	if !ok || len(sec.Pages) != 2 || sec.File != "" {
		t.Fatalf("made-up section: %+v", sec)
	}
	// Made-up pages get their URLs in assemble, read ones in the readers.
	for _, p := range []*Page{sec, tree.Homes["en"]} {
		if want, _ := permalink(p, ""); p.RelPermalink == "" || p.RelPermalink != want {
			t.Errorf("%s: URL %q, want %q", p.Path, p.RelPermalink, want)
		}
	}
	if sec.RelPermalink != "/projects/" || sec.OutPath != "projects/index.html" {
		t.Errorf("made-up section: URL %q, out %q", sec.RelPermalink, sec.OutPath)
	}
}

func TestChineseSlugsAreEncoded(t *testing.T) {
	tree, errs := load(t, map[string]string{
		"content/项目/加装电梯.md": "+++\ntitle = \"电梯\"\n+++\n",
	}, Options{})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	p, _ := tree.ByFile("content/项目/加装电梯.md")
	if p.RelPermalink != "/%E9%A1%B9%E7%9B%AE/%E5%8A%A0%E8%A3%85%E7%94%B5%E6%A2%AF/" {
		t.Errorf("URL %q", p.RelPermalink)
	}
	if p.OutPath != "项目/加装电梯/index.html" {
		t.Errorf("out %q", p.OutPath)
	}
}

func TestLanguages(t *testing.T) {
	tree, errs := load(t, map[string]string{
		"content/_index.md":               "+++\ntitle = \"首页\"\n+++\n",
		"content/_index.en.md":            "+++\ntitle = \"Home\"\n+++\n",
		"content/projects/elevator.md":    "+++\ntitle = \"电梯\"\n+++\n",
		"content/projects/elevator.en.md": "+++\ntitle = \"Elevator\"\n+++\n",
		"content/leaders/li/index.en.md":  "+++\ntitle = \"Li\"\n+++\n",
	}, Options{Languages: []string{"zh", "en"}, DefaultLanguage: "zh"})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	zh, _ := tree.ByFile("content/projects/elevator.md")
	en, _ := tree.ByFile("content/projects/elevator.en.md")
	if zh.Lang != "zh" || en.Lang != "en" || zh.TranslationKey != en.TranslationKey {
		t.Errorf("langs %q %q keys %q %q", zh.Lang, en.Lang, zh.TranslationKey, en.TranslationKey)
	}
	if zh.RelPermalink != "/projects/elevator/" || en.RelPermalink != "/en/projects/elevator/" {
		t.Errorf("URLs %q %q", zh.RelPermalink, en.RelPermalink)
	}
	li, _ := tree.ByFile("content/leaders/li/index.en.md")
	if !li.Bundle || li.RelPermalink != "/en/leaders/li/" {
		t.Errorf("translated bundle: bundle=%v %q", li.Bundle, li.RelPermalink)
	}
	if tree.Homes["en"].Title != "Home" || tree.Homes["zh"].Title != "首页" {
		t.Error("homes per language")
	}
}

func TestFieldTypeErrorsHavePositions(t *testing.T) {
	_, errs := load(t, map[string]string{
		"content/a.md": "+++\ntitle = \"A\"\ndraft = \"yes\"\nweight = 1.5\ndate = \"soon\"\n+++\n",
		"content/b.md": "+++\ntitle = [\n+++\n",
	}, Options{})
	list, _ := errs.Errors()
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{
		"content/a.md:3:1: draft must be true or false",
		"content/a.md:4:1: weight must be a whole number",
		"content/a.md:5:1: date must be a date",
		"content/b.md:2:",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing %q in:\n%s", want, joined)
		}
	}
}

func TestPublished(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	past, future := now.AddDate(0, -1, 0), now.AddDate(0, 1, 0)
	cases := []struct {
		name                   string
		p                      Page
		drafts, future, expire bool
		want                   bool
	}{
		{"plain", Page{}, false, false, false, true},
		{"draft", Page{Draft: true}, false, false, false, false},
		{"draft with --drafts", Page{Draft: true}, true, false, false, true},
		{"future", Page{Date: future}, false, false, false, false},
		{"future with --future", Page{Date: future}, false, true, false, true},
		{"publishDate past", Page{Date: future, PublishDate: past}, false, false, false, true},
		{"expired", Page{ExpiryDate: past}, false, false, false, false},
		{"expired with --expired", Page{ExpiryDate: past}, false, false, true, true},
	}
	for _, c := range cases {
		if got := c.p.Published(c.drafts, c.future, c.expire, now); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Hello World": "hello-world",
		"项目 设计":       "项目-设计",
		"  a -- b  ":  "a-b",
		"v1.2_final":  "v1.2_final",
		"!!!":         "!!!",
		"社区/领袖":       "社区-领袖",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}
