package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/audience"
)

// A site with one published leader, one who is published under a
// pseudonym, and one without consent, all attending one public session.
var referenceSite = map[string]string{
	"site.toml": minimalConfig,
	"content/leaders/pub/index.md": "+++\ntitle = \"张明华\"\nstage = \"empower\"\n" +
		"[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\", \"name\"]\n+++\n",
	"content/leaders/pseu/index.md": "+++\ntitle = \"李秀兰\"\npseudonym = \"楼长B\"\nstage = \"empower\"\n" +
		"[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\"]\n+++\n",
	"content/leaders/hidden/index.md": "+++\ntitle = \"赵国强\"\npseudonym = \"热心居民C\"\nstage = \"activate\"\n+++\n",
	"content/leaders/nopseu/index.md": "+++\ntitle = \"钱玉珍\"\nstage = \"activate\"\n+++\n",
	"content/curricula/s.md": "+++\ntitle = \"议事规则工作坊\"\nstage = \"empower\"\nphase = \"initial\"\nduration = \"60m\"\n" +
		"attendees = [\"pub\", \"pseu\", \"hidden\", \"nopseu\"]\n+++\nNotes.\n",
}

func TestReferencesToUnpublishedLeaders(t *testing.T) {
	src := writeFiles(t, referenceSite)
	out, _ := build(t, src, Options{})
	tree := readTree(t, out)
	session := string(tree["curricula/s/index.html"])
	for _, want := range []string{"张明华", `href="/leaders/pub/"`, "楼长B", `href="/leaders/%E6%A5%BC%E9%95%BFb/"`, "热心居民C"} {
		if !strings.Contains(session, want) {
			t.Errorf("session page lacks %q", want)
		}
	}
	if !strings.Contains(session, "a community leader") && !strings.Contains(session, "一位社区领袖") {
		t.Error("a leader with neither consent nor pseudonym is not shown as a community leader")
	}
	for rel, data := range tree {
		for _, secret := range []string{"李秀兰", "赵国强", "钱玉珍", "/leaders/hidden/", "/leaders/nopseu/"} {
			if strings.Contains(string(data), secret) {
				t.Errorf("%s contains %q", rel, secret)
			}
		}
	}
	if !strings.Contains(string(tree["leaders/楼长b/index.html"]), "楼长B") {
		t.Error("the pseudonym leader's portfolio is not under the pseudonym")
	}
}

func TestTeamBuildIsNotIndexed(t *testing.T) {
	src := writeFiles(t, referenceSite)
	out, _ := build(t, src, Options{Audience: audience.Team, AudienceSet: true})
	tree := readTree(t, out)
	if r := string(tree["robots.txt"]); !strings.Contains(r, "Disallow: /") {
		t.Errorf("team robots.txt: %q", r)
	}
	pages := 0
	for rel, data := range tree {
		if strings.HasSuffix(rel, ".html") {
			pages++
			if !strings.Contains(string(data), `<meta name="robots" content="noindex, nofollow">`) {
				t.Errorf("%s lacks the noindex meta", rel)
			}
		}
	}
	if pages == 0 {
		t.Fatal("no pages")
	}
	if !strings.Contains(string(tree["leaders/hidden/index.html"]), "赵国强") {
		t.Error("the team build does not show the team's own names")
	}
	pub, _ := build(t, src, Options{})
	if strings.Contains(string(readTree(t, pub)["index.html"]), "noindex") {
		t.Error("the public build is marked noindex")
	}
}

func TestPseudonymousLeaderURLHidesTheFolderName(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml": minimalConfig,
		"content/leaders/liu-guoqing/index.md": "+++\ntitle = \"刘国庆\"\npseudonym = \"楼长A\"\nstage = \"empower\"\n" +
			"[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\", \"photo\"]\n+++\n![楼长A](photo.png)\n",
		"content/leaders/liu-guoqing/photo.png": string(pngBytes(t)),
		"content/leaders/nopseu-name/index.md": "+++\ntitle = \"钱玉珍\"\nstage = \"activate\"\n" +
			"[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\"]\n+++\n",
		"content/curricula/s.md": "+++\ntitle = \"S\"\nstage = \"empower\"\nphase = \"initial\"\nduration = \"30m\"\n" +
			"attendees = [\"liu-guoqing\", \"nopseu-name\"]\n+++\nSee [the captain](../leaders/liu-guoqing/index.md).\n",
	})
	out, _ := build(t, src, Options{})
	// A folder made at the name's path and left empty would publish it.
	checkNoEmptyFolders(t, out, "the public build")
	tree := readTree(t, out)
	for rel, data := range tree {
		for _, secret := range []string{"liu-guoqing", "nopseu-name", "刘国庆", "钱玉珍"} {
			if strings.Contains(rel, secret) || strings.Contains(string(data), secret) {
				t.Errorf("%s reveals %q", rel, secret)
			}
		}
	}
	page := "leaders/" + "%E6%A5%BC%E9%95%BFa"
	if _, ok := tree["leaders/楼长a/index.html"]; !ok {
		t.Errorf("no portfolio at the pseudonym's URL (%s)", page)
	}
	if _, ok := tree["leaders/楼长a/photo.png"]; !ok {
		t.Error("the bundle's photo did not move with the page")
	}
	if !strings.Contains(string(tree["curricula/s/index.html"]), `href="/leaders/`+"%E6%A5%BC%E9%95%BFa"+`/"`) {
		t.Error("the session does not link the portfolio at its new URL")
	}
	team, _ := build(t, src, Options{Audience: audience.Team, AudienceSet: true})
	if _, ok := readTree(t, team)["leaders/liu-guoqing/index.html"]; !ok {
		t.Error("the team build moved the portfolio")
	}
}

// checkNoEmptyFolders fails the test for every empty folder in the built
// tree out; what names the build in messages.
func checkNoEmptyFolders(t *testing.T, out, what string) {
	t.Helper()
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return err
		}
		if len(entries) == 0 {
			rel, _ := filepath.Rel(out, p)
			t.Errorf("empty folder %s in %s", rel, what)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestWithdrawalDatedLaterUnpublishes checks the contract's "set:
// unpublished from the next build on": a leader whose withdrawal is dated
// after the build's clock is in no output of a public or funders build.
func TestWithdrawalDatedLaterUnpublishes(t *testing.T) {
	later := testNow.AddDate(0, 0, 7).Format("2006-01-02")
	src := writeFiles(t, map[string]string{
		"site.toml": minimalConfig,
		"content/leaders/wu/index.md": "+++\ntitle = \"吴桂芳\"\npseudonym = \"楼长W\"\nstage = \"empower\"\n" +
			"[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\", \"name\"]\nwithdrawn = " + later + "\n+++\n吴桂芳的故事。\n",
	})
	for _, level := range []audience.Level{audience.Public, audience.Funders} {
		out, _ := build(t, src, Options{Audience: level, AudienceSet: true})
		for rel, data := range readTree(t, out) {
			for _, secret := range []string{"吴桂芳", "楼长W", "/leaders/wu/", "吴桂芳的故事"} {
				if strings.Contains(string(data), secret) {
					t.Errorf("%s build: %s contains %q", level, rel, secret)
				}
			}
		}
	}
	team, _ := build(t, src, Options{Audience: audience.Team, AudienceSet: true})
	if !strings.Contains(string(readTree(t, team)["leaders/wu/index.html"]), "吴桂芳") {
		t.Error("the team build does not show the withdrawn leader")
	}
}

// TestNoEmptyFoldersInPublicBuild builds a public site from content whose
// cases section (a made-up section: no _index.md) holds only team pages,
// and a leader without consent. The public output must have no folder
// without a file in it: an empty cases/ or leaders/<name>/ folder would tell
// a visitor what was left out. (Page folders are made ahead of the writes;
// this is the guard that they are made only for published pages.)
func TestNoEmptyFoldersInPublicBuild(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml":                     minimalConfig,
		"content/cases/c1.md":           "+++\ntitle = \"个案一\"\n+++\n保密。\n",
		"content/cases/deep/c2.md":      "+++\ntitle = \"个案二\"\n+++\n保密。\n",
		"content/leaders/zhao/index.md": "+++\ntitle = \"赵国强\"\nstage = \"activate\"\n+++\n",
		"content/news/n.md":             "+++\ntitle = \"新闻\"\ndate = 2025-05-01\n+++\n公开。\n",
	})
	out, _ := build(t, src, Options{})
	checkNoEmptyFolders(t, out, "the public build")
	for _, gone := range []string{"cases", "leaders/zhao"} {
		if _, err := os.Stat(filepath.Join(out, gone)); err == nil {
			t.Errorf("%s/ exists in the public build", gone)
		}
	}
}
