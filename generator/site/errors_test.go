package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/diag"
)

// writeFiles writes a map of slash paths to texts under a new temp folder.
func writeFiles(t *testing.T, files map[string]string) string {
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

// buildErrors builds a site expected to fail and returns its error lines.
func buildErrors(t *testing.T, files map[string]string) []string {
	t.Helper()
	return buildErrorsWith(t, files, Options{})
}

// buildErrorsWith is buildErrors with options (an audience, say); the
// source, output folder and clock are the test's.
func buildErrorsWith(t *testing.T, files map[string]string, opts Options) []string {
	t.Helper()
	opts.Source, opts.Out, opts.Now = writeFiles(t, files), filepath.Join(t.TempDir(), "out"), testNow
	_, err := Build(context.Background(), opts)
	if err == nil {
		t.Fatal("build succeeded, want errors")
	}
	var list *diag.Errors
	if !errors.As(err, &list) {
		t.Fatalf("error is %T, want *diag.Errors: %v", err, err)
	}
	var lines []string
	for _, e := range list.List {
		lines = append(lines, e.Error())
	}
	return lines
}

const minimalConfig = "title = \"T\"\nbaseURL = \"https://example.org/\"\n"

func TestValidationRules(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []string // substrings, each expected in some error line
	}{
		{"front matter syntax", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\ndate = 2026-13-45\n+++\n",
		}, []string{"content/a.md:3:"}},
		{"unclosed front matter", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\n",
		}, []string{"content/a.md:1:"}},
		{"field of the wrong type", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\ntags = 3\n+++\n",
		}, []string{"content/a.md:3:1: tags must be a list of strings"}},
		{"unknown audience", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\naudience = \"everyone\"\n+++\n",
		}, []string{"content/a.md:3:1: audience \"everyone\" is not one of public, funders, team"}},
		{"link to a missing page", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\n+++\n\nSee [b](b.md).\n",
		}, []string{"content/a.md:5:5:", "no such page: content/b.md"}},
		{"link to a draft", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\n+++\n[b](b.md)\n",
			"content/b.md": "+++\ntitle = \"B\"\ndraft = true\n+++\n",
		}, []string{"content/a.md:4:1:", "not in the public build: it is a draft"}},
		{"public page linking to a team page", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\n+++\n[b](b.md)\n",
			"content/b.md": "+++\ntitle = \"B\"\naudience = \"team\"\n+++\n",
		}, []string{"content/a.md:4:1:", "not in the public build: it is for the team audience"}},
		{"unknown shortcode", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\n+++\n\n{{< nothing >}}\n",
		}, []string{"content/a.md:5:1:", "unknown shortcode \"nothing\""}},
		{"template syntax error", map[string]string{
			"layouts/_default/single.html": "<p>{{ .Title }</p>\n",
			"content/a.md":                 "+++\ntitle = \"A\"\n+++\n",
		}, []string{"layouts/_default/single.html:1:"}},
		{"template execution error", map[string]string{
			"layouts/_default/single.html": "<p>\n{{ index .Params.nothing 3 }}</p>\n",
			"content/a.md":                 "+++\ntitle = \"A\"\n+++\n",
		}, []string{"layouts/_default/single.html:2:", "rendering content/a.md"}},
		{"config wrong type", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\n+++\n",
			"site.toml":    "title = \"T\"\npaginate = \"ten\"\n",
		}, []string{"site.toml:2:"}},
		{"broken template and broken front matter together", map[string]string{
			"layouts/_default/single.html": "{{ if }}\n",
			"content/a.md":                 "+++\ntitle = = \"A\"\n+++\n",
		}, []string{"layouts/_default/single.html:1:", "content/a.md:2:"}},
		{"blocked identifier in a public page", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\nphone = \"13800138000\"\n[contact]\nwechat = \"abc\"\n+++\n",
		}, []string{"content/a.md:3:1: phone holds a direct identifier", "content/a.md:5:1: contact.wechat holds a direct identifier"}},
		{"blocked identifier in a funders page", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\naudience = \"funders\"\nemail = \"li@example.com\"\n+++\n",
		}, []string{"content/a.md:4:1: email holds a direct identifier and this page can reach a funders build"}},
		{"blocked identifier only inside an array of tables", map[string]string{
			"content/a.md": "+++\ntitle = \"A\"\n[[team]]\nname = \"Li\"\n[[team]]\nMobile = \"139\"\n+++\n",
		}, []string{"content/a.md:6:1: team[1].Mobile holds a direct identifier"}},
		{"program validation", map[string]string{
			"content/curricula/s.md": "+++\ntitle = \"S\"\nstage = \"activat\"\n+++\n",
		}, []string{"content/curricula/s.md:3:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, ok := c.files["site.toml"]; !ok {
				c.files["site.toml"] = minimalConfig
			}
			lines := buildErrors(t, c.files)
			joined := strings.Join(lines, "\n")
			for _, w := range c.want {
				if !strings.Contains(joined, w) {
					t.Errorf("want %q in errors:\n%s", w, joined)
				}
			}
		})
	}
}

func TestValidSitePasses(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml":    minimalConfig,
		"content/a.md": "+++\ntitle = \"A\"\n+++\n[b](b.md)\n",
		"content/b.md": "+++\ntitle = \"B\"\n+++\n",
	})
	out, _ := build(t, src, Options{})
	data, err := os.ReadFile(filepath.Join(out, "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `href="/b/"`) {
		t.Errorf("link not resolved:\n%s", data)
	}
}

func TestBlockedFieldsAllowedWhereTheyCannotLeak(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml":    minimalConfig + "[contact]\nemails = [\"team@example.org\"]\n",
		"content/a.md": "+++\ntitle = \"A\"\naudience = \"team\"\nphone = \"13800138000\"\n+++\n",
		"content/b.md": "+++\ntitle = \"B\"\nemail = \"team@example.org\"\n+++\n",
	})
	build(t, src, Options{})
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml":    minimalConfig,
		"content/a.md": "+++\ntitle = \"A\"\n+++\nA\n",
	})
	out, _ := build(t, src, Options{})
	before := readTree(t, out)
	if err := os.WriteFile(filepath.Join(src, "content", "a.md"), []byte("+++\ntitle = [\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Source: src, Out: out, Now: testNow}); err == nil {
		t.Fatal("want an error")
	}
	after := readTree(t, out)
	if len(before) != len(after) {
		t.Fatalf("file count changed: %d → %d", len(before), len(after))
	}
	for rel, data := range before {
		if string(after[rel]) != string(data) {
			t.Errorf("%s changed", rel)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if strings.Contains(e.Name(), "sineng") {
			t.Errorf("staging folder left behind: %s", e.Name())
		}
	}
}

func TestStaleFilesRemoved(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml":    minimalConfig,
		"content/a.md": "+++\ntitle = \"A\"\n+++\n",
		"content/b.md": "+++\ntitle = \"B\"\n+++\n",
	})
	out, _ := build(t, src, Options{})
	if err := os.Remove(filepath.Join(src, "content", "b.md")); err != nil {
		t.Fatal(err)
	}
	build(t, src, Options{Out: out})
	if _, err := os.Stat(filepath.Join(out, "b", "index.html")); !os.IsNotExist(err) {
		t.Error("b/index.html survived the page's removal")
	}
}

func TestRefusesSourceAsOutput(t *testing.T) {
	src := writeFiles(t, map[string]string{"site.toml": minimalConfig, "content/a.md": "# A\n"})
	_, err := Build(context.Background(), Options{Source: src, Out: src, Now: testNow})
	if err == nil {
		t.Fatal("building into the source folder must be refused")
	}
	if _, err := os.Stat(filepath.Join(src, "content", "a.md")); err != nil {
		t.Fatal("source damaged")
	}
}
