package site

import (
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/audience"
)

// TestParamsAfterFrontMatterIsDropped: a build lets every page's decoded
// front matter go before conversion (dropMatter), and a site's own
// templates and shortcodes still read every page's .Params, as fields,
// through .Param, index and where; a redacted leader's .Params stay the
// redacted ones.
func TestParamsAfterFrontMatterIsDropped(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml": minimalConfig,
		"layouts/_default/single.html": `<main>{{ .Title }}|{{ .Params.custom }}|{{ .Param "n" }}|` +
			`{{ range .Params.list }}[{{ . }}]{{ end }}|{{ .Params.nested.deep }}|{{ index .Params "status" }}|{{ .Content }}</main>`,
		"layouts/_default/list.html":  `<main>{{ range where .Pages "Params.status" "funded" }}[{{ .Title }}]{{ end }}</main>`,
		"layouts/leaders/single.html": `<main>{{ .Title }}|{{ .Params.title }}|{{ .Params.stage }}</main>`,
		"layouts/shortcodes/p.html":   `({{ .Page.Params.custom }})`,
		"content/_index.md":           "+++\ntitle = \"Home\"\n+++\n",
		"content/notes/_index.md":     "+++\ntitle = \"Notes\"\n+++\n",
		"content/notes/a.md": "+++\ntitle = \"A\"\ncustom = \"甲\"\nn = 3\nlist = [\"x\", \"y\"]\nstatus = \"funded\"\n[nested]\ndeep = true\n+++\n" +
			"Shortcode: {{< p >}}\n",
		"content/notes/b.md": "---\ntitle: B\nstatus: drafting\n---\nNo params used.\n",
		"content/leaders/liu/index.md": "+++\ntitle = \"刘国庆\"\npseudonym = \"楼长A\"\nstage = \"empower\"\n" +
			"[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\"]\n+++\n",
	})
	for _, aud := range []audience.Level{audience.Public, audience.Team} {
		out, _ := build(t, src, Options{Audience: aud, AudienceSet: true})
		tree := readTree(t, out)
		a := string(tree["notes/a/index.html"])
		if want := "A|甲|3|[x][y]|true|funded|"; !strings.Contains(a, want) {
			t.Errorf("%s: notes/a = %q, want it to hold %q", aud, a, want)
		}
		if !strings.Contains(a, "Shortcode: (甲)") {
			t.Errorf("%s: the shortcode did not read .Page.Params: %q", aud, a)
		}
		if got := string(tree["notes/index.html"]); !strings.Contains(got, "<main>[A]</main>") {
			t.Errorf("%s: where on Params.status = %q, want only A", aud, got)
		}
		leader, want := string(tree["leaders/楼长a/index.html"]), "<main>楼长A|楼长A|empower</main>"
		if aud == audience.Team {
			leader, want = string(tree["leaders/liu/index.html"]), "<main>刘国庆|刘国庆|empower</main>"
		}
		if !strings.Contains(leader, want) {
			t.Errorf("%s: leader page = %q, want %q", aud, leader, want)
		}
	}
}
