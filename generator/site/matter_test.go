package site

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/audience"
)

// matterSite is a small site with a front matter of every shape and a
// leader whose consent does not cover the name; layouts are added per test.
func matterSite(layouts map[string]string) map[string]string {
	files := map[string]string{
		"site.toml":                  minimalConfig,
		"content/_index.md":          "+++\ntitle = \"Home\"\n+++\n",
		"content/notes/_index.md":    "+++\ntitle = \"Notes\"\n+++\n",
		"content/projects/_index.md": "+++\ntitle = \"Projects\"\ndescription = \"我们的项目\"\n+++\n",
		"content/notes/a.md": "+++\ntitle = \"A\"\ncustom = \"甲\"\nn = 3\nlist = [\"x\", \"y\"]\nstatus = \"funded\"\n[nested]\ndeep = true\n+++\n" +
			"Shortcode: {{< p >}}\n",
		"content/notes/b.md": "---\ntitle: B\nstatus: drafting\n---\nNo params used.\n",
		"content/leaders/liu/index.md": "+++\ntitle = \"刘国庆\"\npseudonym = \"楼长A\"\nstage = \"empower\"\n" +
			"[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\"]\n+++\n",
	}
	if layouts["layouts/shortcodes/p.html"] == "" {
		files["layouts/shortcodes/p.html"] = `(p)`
	}
	for k, v := range layouts {
		files[k] = v
	}
	return files
}

// buildKept builds src like Build and returns the builder, whose pages a
// test can look at afterwards.
func buildKept(t *testing.T, src string, aud audience.Level) (*builder, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	b, _, err := runBuild(context.Background(), Options{Source: src, Out: out, Now: testNow, Audience: aud, AudienceSet: true}, false)
	if err != nil {
		t.Fatal(err)
	}
	return b, out
}

// TestFrontMatterKeptForTemplatesThatReadParams: a site whose templates
// read .Params keeps every page's front matter through conversion, and its
// templates and shortcodes read .Params, .Param, index and where as before;
// a redacted leader's .Params stay the redacted ones.
func TestFrontMatterKeptForTemplatesThatReadParams(t *testing.T) {
	src := writeFiles(t, matterSite(map[string]string{
		"layouts/_default/single.html": `<main>{{ .Title }}|{{ .Params.custom }}|{{ .Param "n" }}|` +
			`{{ range .Params.list }}[{{ . }}]{{ end }}|{{ .Params.nested.deep }}|{{ index .Params "status" }}|{{ .Content }}</main>`,
		"layouts/_default/list.html":  `<main>{{ range where .Pages "Params.status" "funded" }}[{{ .Title }}]{{ end }}</main>`,
		"layouts/leaders/single.html": `<main>{{ .Title }}|{{ .Params.title }}|{{ .Params.stage }}</main>`,
		"layouts/shortcodes/p.html":   `({{ .Page.Params.custom }})`,
	}))
	for _, aud := range []audience.Level{audience.Public, audience.Team} {
		b, out := buildKept(t, src, aud)
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
		for _, p := range b.tree.Pages {
			if p.File != "" && p.Matter.Data == nil {
				t.Errorf("%s: %s lost its front matter though templates read .Params", aud, p.File)
			}
		}
	}
}

// TestFrontMatterDroppedWhenNoTemplateReadsIt: with the built-in theme,
// which reads no .Params, and with a site's own layouts that do not either,
// a build lets every page's front matter go before conversion (its views'
// params too) and writes the same pages; the theme's lead paragraph comes
// from .Lead.
func TestFrontMatterDroppedWhenNoTemplateReadsIt(t *testing.T) {
	for name, layouts := range map[string]map[string]string{
		"built-in theme, own shortcode": nil,
		"own layout":                    {"layouts/_default/single.html": `<main>{{ .Title }}|{{ .Lead }}|{{ .Content }}</main>`},
	} {
		b, out := buildKept(t, writeFiles(t, matterSite(layouts)), audience.Public)
		for _, p := range b.tree.Pages {
			if p.Matter.Data != nil || p.Matter.Pos != nil {
				t.Errorf("%s: %s kept its front matter", name, p.File)
			}
		}
		for _, st := range b.pages {
			if st.view != nil && st.view.Params != nil {
				t.Errorf("%s: the view of %s kept its params", name, st.page.File)
			}
		}
		tree := readTree(t, out)
		if layouts == nil {
			if got := string(tree["projects/index.html"]); !strings.Contains(got, `<p class="lead">我们的项目</p>`) {
				t.Errorf("%s: the projects list lacks its lead paragraph:\n%s", name, got)
			}
		} else if got := string(tree["notes/a/index.html"]); !strings.Contains(got, "<main>A||") {
			t.Errorf("%s: notes/a = %q", name, got)
		}
	}
}
