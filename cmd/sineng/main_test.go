package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSite writes files (slash path → text) into a new folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
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

func runCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// snapshot reads every file of a tree with its bytes and modification time.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			m[rel+"/"] = info.ModTime().String()
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m[rel] = string(data) + "|" + info.ModTime().String()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var small = map[string]string{
	"site.toml":                    "title = \"Small\"\nbaseURL = \"https://example.org/\"\n",
	"content/_index.md":            "+++\ntitle = \"Home\"\n+++\nHello.\n",
	"content/news/a.md":            "+++\ntitle = \"A\"\ndate = 2025-01-01\ntags = [\"x\"]\n+++\nText of A.\n",
	"content/news/b.md":            "+++\ntitle = \"B\"\ndate = 2025-02-01\n+++\nSee [a](a.md).\n",
	"layouts/_default/single.html": "{{ define \"main\" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n",
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"build", "--no-such-flag"},
		{"build", "--audience", "everyone"},
		{"build", "extra"},
		{"new"},
		{"check", "extra"},
	} {
		if code, _, _ := runCmd(args...); code != exitUsage {
			t.Errorf("sineng %s: exit %d, want %d", strings.Join(args, " "), code, exitUsage)
		}
	}
	for _, args := range [][]string{{"--help"}, {"build", "--help"}, {"new", "--help"}, {"check", "--help"}, {"version"}} {
		if code, _, _ := runCmd(args...); code != exitOK {
			t.Errorf("sineng %s: exit %d, want 0", strings.Join(args, " "), code)
		}
	}
}

func TestBuildSucceeds(t *testing.T) {
	src := writeSite(t, small)
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCmd("build", "--source", src, "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "pages") {
		t.Errorf("no summary line: %q", stdout)
	}
	for _, f := range []string{"index.html", "news/a/index.html", "news/b/index.html", "tags/x/index.html", "sitemap.xml", "index.xml", "404.html", "robots.txt"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
}

func TestBrokenFrontMatterAndTemplate(t *testing.T) {
	src := writeSite(t, small)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCmd("build", "--source", src, "--out", out); code != exitOK {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	before := snapshot(t, out)
	writeSite := func(rel, text string) {
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(rel)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeSite("content/news/a.md", "+++\ntitle = \"A\"\ndate = 2025-01-01\ntags = [\"x\"\n+++\nText of A.\n")
	writeSite("layouts/_default/single.html", "{{ define \"main\" }}\n<h1>{{ .Title }</h1>{{ end }}\n")
	code, _, stderr := runCmd("build", "--source", src, "--out", out)
	if code != exitBuild {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitBuild, stderr)
	}
	for _, want := range []string{"content/news/a.md:4:", "layouts/_default/single.html:2:"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	after := snapshot(t, out)
	if len(before) != len(after) {
		t.Fatalf("output changed: %d entries before, %d after", len(before), len(after))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed", k)
		}
	}
}

func TestCheckReportsProgramProblems(t *testing.T) {
	files := map[string]string{
		"site.toml": "title = \"P\"\nbaseURL = \"https://example.org/\"\n",
		"content/leaders/li/index.md": "+++\ntitle = \"Li\"\nstage = \"empower\"\n" +
			"[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\", \"name\"]\n+++\n",
		"content/projects/p.md": "+++\ntitle = \"P\"\nleaders = [\"li\"]\nstatus = \"submitted\"\n" +
			"[funding]\nscheme = \"micro-venture\"\nrequested = 500\n" +
			"[[budget]]\nitem = \"Chairs\"\nquantity = 2\nunit_cost = 100\nsource = \"requested\"\n+++\n",
		"content/curricula/s.md": "+++\ntitle = \"S\"\nstage = \"activat\"\n+++\n",
		"content/curricula/t.md": "+++\ntitle = \"T\"\nstage = \"empower\"\nphase = \"initial\"\nduration = \"60m\"\n" +
			"attendees = [\"li\", \"nobody\"]\n" +
			"[[activities]]\nname = \"Warm-up\"\nminutes = 40\n[[activities]]\nname = \"Talk\"\nminutes = 30\n+++\n",
	}
	src := writeSite(t, files)
	code, _, stderr := runCmd("check", "--source", src)
	if code != exitBuild {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{
		"content/projects/p.md:7:1: funding.requested 500.00 does not equal 200.00",
		"content/curricula/s.md:3:1: stage \"activat\"",
		"content/curricula/t.md:6:20: attendees[1] \"nobody\"",
		"content/curricula/t.md:7:3: activities take 70 minutes",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "public")); !os.IsNotExist(err) {
		t.Error("check wrote an output folder")
	}
}

func TestNewSiteBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mysite")
	if code, _, stderr := runCmd("new", "site", dir); code != exitOK {
		t.Fatalf("new site: exit %d: %s", code, stderr)
	}
	for _, kind := range []string{"leader", "case", "session", "project", "exchange"} {
		if code, _, stderr := runCmd("new", "--source", dir, kind, "example-"+kind); code != exitOK {
			t.Fatalf("new %s: exit %d: %s", kind, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "leaders", "example-leader", "index.md")); err != nil {
		t.Error("new leader did not write a bundle")
	}
	if code, _, stderr := runCmd("check", "--source", dir); code != exitOK {
		t.Fatalf("check of a new site: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCmd("build", "--source", dir); code != exitOK {
		t.Fatalf("build of a new site: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Error("no home page")
	}
	if code, _, _ := runCmd("new", "site", dir); code == exitOK {
		t.Error("new site into a non-empty folder must fail")
	}
}

func TestKeepMemProfile(t *testing.T) {
	tests := []struct {
		args    []string
		godebug string
		want    bool
	}{
		{nil, "", false},
		{[]string{"build", "--source", "site"}, "", false},
		{[]string{"build", "--memprofile", "heap.prof"}, "", true},
		{[]string{"build", "-memprofile=heap.prof"}, "", true},
		{[]string{"build", "--memprofile=heap.prof", "--verbose"}, "", true},
		{[]string{"build", "--memprofiles"}, "", false},
		{[]string{"build", "--out", "memprofile"}, "", false},
		{[]string{"build", "--", "--memprofile"}, "", false},
		{[]string{"serve"}, "madvdontneed=1,memprofilerate=1", true},
		{[]string{"serve"}, "disablethp=1", false},
	}
	for _, tt := range tests {
		if got := keepMemProfile(tt.args, tt.godebug); got != tt.want {
			t.Errorf("keepMemProfile(%q, %q) = %v, want %v", tt.args, tt.godebug, got, tt.want)
		}
	}
}
