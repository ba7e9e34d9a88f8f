package site

import (
	"strings"
	"testing"
)

// TestSiteDataFromDataFiles checks that data/ files reach templates as
// .Site.Data by their path: a TOML table, a YAML list in a folder, a JSON
// object with whole and fractional numbers; other files are left alone.
func TestSiteDataFromDataFiles(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml":              minimalConfig,
		"data/communities.toml":  "[[communities]]\nname = \"幸福里社区\"\nhouseholds = 3200\n\n[[communities]]\nname = \"长青社区\"\nhouseholds = 2750\n",
		"data/people/roles.yaml": "- 楼长\n- 志愿者\n",
		"data/budget.json":       "{\"total\": 12000, \"share\": 0.25}",
		"data/notes.txt":         "not data",
		"layouts/shortcodes/communities.html": "<ul>{{ range .Site.Data.communities.communities }}<li>{{ .name }}: {{ .households }}</li>{{ end }}</ul>" +
			"<p>{{ index .Site.Data.people.roles 1 }} {{ .Site.Data.budget.total }} {{ .Site.Data.budget.share }}</p>",
		"content/a.md": "+++\ntitle = \"A\"\n+++\n{{< communities >}}\n",
	})
	out, _ := build(t, src, Options{})
	page := string(readTree(t, out)["a/index.html"])
	for _, want := range []string{"<li>幸福里社区: 3200</li><li>长青社区: 2750</li>", "<p>志愿者 12000 0.25</p>"} {
		if !strings.Contains(page, want) {
			t.Errorf("a/index.html lacks %s:\n%s", want, page)
		}
	}
}

// TestDataFileErrorsArePositioned checks that a data file that does not
// decode is an error at its line and column, whatever its format, and that
// two files claiming one name are an error.
func TestDataFileErrorsArePositioned(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":        minimalConfig,
		"data/a.toml":      "x = 1\ny = = 2\n",
		"data/b.json":      "{\n  \"中文\": 1,\n  \"k\": tru\n}",
		"data/c.yaml":      "- a\n- b: [1, 2\n",
		"data/d.json":      "{}",
		"data/d.yaml":      "x: 1\n",
		"data/sub/e.json":  "[1, 2] [3]",
		"data/f.json":      "{}}",
		"data/g.json":      "{\"a\": \"\xff\"}",
		"data/h.json":      "  \n",
		"data/i.yaml":      "a: 1\n---\nb: 2\n",
		"content/index.md": "+++\ntitle = \"A\"\n+++\nA.\n",
	})
	joined := strings.Join(lines, "\n")
	for _, want := range []string{
		"data/a.toml:2:5: toml:",
		"data/b.json:3:",
		"data/c.yaml:2:1: yaml:",
		"data name \"d\" is also data/d.",
		"data/sub/e.json:1:8: json: '[' after the file's value",
		"data/f.json:1:3: json: '}' after the file's value",
		"data/g.json:1:8: json: invalid UTF-8 byte 0xFF",
		"data/h.json:1:1: json: the file holds no value",
		"data/i.yaml:2:1: yaml: a second document",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("no error %q:\n%s", want, joined)
		}
	}
}
