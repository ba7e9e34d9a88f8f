package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/audience"
)

// The tests in this file each take a way a resident's confidential
// material once reached a public or funders build and check it is closed:
// every marker is grepped in every output file's path and bytes.

// consentedLeader is a leader's front matter with the given title, consent
// publish flag and scope, and extra lines.
func consentedLeader(title, publish, scope, extra string) string {
	return "+++\ntitle = \"" + title + "\"\npseudonym = \"Resident " + title + "\"\n" + extra +
		"[consent]\npublish = " + publish + "\ndate = 2025-01-01\nscope = [" + scope + "]\n+++\nA leader.\n"
}

// caseFile is a case note's front matter with extra lines in its top
// table and in its consent table.
func caseFile(extra, consent string) string {
	return "+++\ntitle = \"A story\"\nstage = \"activate\"\n" + extra +
		"[consent]\npublish = true\n" + consent + "[disguise]\nreviewed_by = \"Qian\"\n+++\nThe story of a resident.\n"
}

// noMarker fails the test for every output path or file of tree holding
// one of markers.
func noMarker(t *testing.T, what string, tree map[string][]byte, markers ...string) {
	t.Helper()
	for rel, data := range tree {
		for _, m := range markers {
			if strings.Contains(rel, m) || strings.Contains(string(data), m) {
				t.Errorf("%s: %s holds %q", what, rel, m)
			}
		}
	}
}

func bilingualConfig() string {
	return minimalConfig + "defaultLanguage = \"zh\"\n[languages.zh]\nlanguageName = \"中文\"\nweight = 1\n[languages.en]\nlanguageName = \"English\"\nweight = 2\n"
}

// TestTranslationKeyDoesNotSplitAPerson checks that a translation of a
// leader or a case note cannot leave the narrowest-consent group of its
// bundle or file by writing a translationKey of its own.
func TestTranslationKeyDoesNotSplitAPerson(t *testing.T) {
	files := map[string]string{
		"site.toml":                      bilingualConfig(),
		"content/leaders/tk/index.md":    consentedLeader("Tkreal Personname", "false", `"portfolio"`, ""),
		"content/leaders/tk/index.en.md": consentedLeader("Tkreal Personname", "true", `"portfolio", "name"`, "translationKey = \"elsewhere\"\n"),
		"content/cases/story.md":         "+++\ntitle = \"A story\"\nstage = \"activate\"\n[consent]\npublish = false\n+++\nSTORY-MARKER\n",
		"content/cases/story.en.md":      caseFile("audience = \"public\"\ntranslationKey = \"other\"\n", ""),
	}
	files["content/cases/story.en.md"] = strings.Replace(files["content/cases/story.en.md"], "The story", "STORY-MARKER The story", 1)
	out, res := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
	noMarker(t, "public build", readTree(t, out), "Tkreal", "STORY-MARKER")
	warned := warnings(res, "differs from its translations'")
	if warned != 2 {
		t.Errorf("%d consent warnings, want 2 (the English leader and case note): %v", warned, res.Warnings)
	}
}

// TestWithdrawnCaseStoryIsNotPublished checks that a case note's
// consent.withdrawn unpublishes it, as a leader's does, dated before or
// after the build's clock.
func TestWithdrawnCaseStoryIsNotPublished(t *testing.T) {
	for _, when := range []string{"2024-06-01", "2099-01-01"} {
		files := map[string]string{
			"site.toml":                  minimalConfig,
			"content/cases/withdrawn.md": strings.Replace(caseFile("audience = \"public\"\n", "withdrawn = "+when+"\n"), "The story", "WITHDRAWN-MARKER", 1),
			"content/cases/kept.md":      caseFile("audience = \"public\"\n", ""),
		}
		for _, aud := range []audience.Level{audience.Public, audience.Funders} {
			out, _ := build(t, writeFiles(t, files), Options{Audience: aud, AudienceSet: true})
			tree := readTree(t, out)
			noMarker(t, aud.String()+" build, withdrawn "+when, tree, "WITHDRAWN-MARKER", "cases/withdrawn")
			if _, ok := tree["cases/kept/index.html"]; !ok {
				t.Errorf("%s build: the consented case story is not published", aud)
			}
		}
	}
}

// TestTypeCannotTakeAPageOutOfCasesOrLeaders checks that a `type` field
// does not publish a case note or a leader as an ordinary page: it is an
// error at the field.
func TestTypeCannotTakeAPageOutOfCasesOrLeaders(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":                     minimalConfig,
		"content/cases/typecase.md":     "+++\ntitle = \"T\"\ntype = \"news\"\n+++\nA resident's case.\n",
		"content/leaders/over/index.md": "+++\ntitle = \"Typeover Realname\"\ntype = \"page\"\n+++\nA leader.\n",
		"content/leaders/ok/index.md":   "+++\ntitle = \"OK\"\ntype = \"leader\"\n+++\nA leader.\n",
		"content/cases/ok.md":           "+++\ntitle = \"OK\"\ntype = \"case\"\n+++\nA case.\n",
	})
	joined := strings.Join(lines, "\n")
	for _, want := range []string{"content/cases/typecase.md:3:1:", "content/leaders/over/index.md:3:1:"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no error at %s:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "leaders/ok") || strings.Contains(joined, "cases/ok") {
		t.Errorf("a type naming the section's own kind is an error:\n%s", joined)
	}
}

// TestSiteDefaultNarrowsConsentedPages checks that consent lets a leader
// or a reviewed case story out of the team build only as far as the
// site's [audience] settings let a page without an audience field, even
// in a section that says public: sections narrow, they never widen.
func TestSiteDefaultNarrowsConsentedPages(t *testing.T) {
	files := map[string]string{
		"site.toml":                   minimalConfig + "[audience]\ndefault = \"team\"\n[audience.types]\nnews = \"public\"\n",
		"content/_index.md":           "+++\ntitle = \"Home\"\naudience = \"public\"\n+++\n",
		"content/leaders/_index.md":   "+++\ntitle = \"Leaders\"\naudience = \"public\"\n+++\n",
		"content/cases/_index.md":     "+++\ntitle = \"Stories\"\naudience = \"public\"\n+++\n",
		"content/leaders/li/index.md": consentedLeader("Li Realname", "true", `"portfolio", "name"`, ""),
		"content/cases/story.md":      strings.Replace(caseFile("", ""), "The story", "CASE-MARKER", 1),
		"content/news/n.md":           "+++\ntitle = \"News\"\n+++\nNews.\n",
	}
	for _, aud := range []audience.Level{audience.Public, audience.Funders} {
		out, _ := build(t, writeFiles(t, files), Options{Audience: aud, AudienceSet: true})
		tree := readTree(t, out)
		noMarker(t, aud.String()+" build", tree, "Li Realname", "CASE-MARKER")
		if _, ok := tree["news/n/index.html"]; !ok {
			t.Errorf("%s build: the news page, public by its type's default, is missing", aud)
		}
	}
	out, _ := build(t, writeFiles(t, files), Options{Audience: audience.Team, AudienceSet: true})
	if _, ok := readTree(t, out)["leaders/li/index.html"]; !ok {
		t.Error("team build: the leader is missing")
	}
}

// TestSingleFileLeaderMovesAwayFromItsName checks that a leader written as
// one file is published away from its file name without name consent, as
// a bundle is, and that no leader without name consent gets its aliases
// (old URLs) published.
func TestSingleFileLeaderMovesAwayFromItsName(t *testing.T) {
	files := map[string]string{
		"site.toml":                         minimalConfig,
		"content/leaders/zhang-realname.md": consentedLeader("Zhang", "true", `"portfolio"`, ""),
		"content/leaders/li/index.md":       consentedLeader("Li", "true", `"portfolio"`, "aliases = [\"/leaders/li-realname-old/\"]\n"),
		"content/projects/p.md":             "+++\ntitle = \"P\"\nleaders = [\"zhang-realname\", \"li\"]\n+++\nA project.\n",
	}
	out, res := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
	tree := readTree(t, out)
	noMarker(t, "public build", tree, "zhang-realname", "li-realname-old")
	if _, ok := tree["leaders/resident-zhang/index.html"]; !ok {
		t.Errorf("the single-file leader is not published under the pseudonym; files: %v", keys(tree))
	}
	if warnings(res, "content/leaders/li/index.md:4:1: aliases are not published") == 0 {
		t.Errorf("no warning at the dropped aliases: %v", res.Warnings)
	}
}

// TestHiddenPicturesKeepOnlyRealDocuments checks that a portfolio without
// photo consent publishes a document only when its bytes are the document
// its name says: a video named like a PDF, a QuickTime clip named like a
// text file and a drawing whose <svg> comes after a long comment are left
// out, a real PDF and a real text file are published.
func TestHiddenPicturesKeepOnlyRealDocuments(t *testing.T) {
	dir := "content/leaders/partial/"
	files := map[string]string{
		"site.toml":           minimalConfig,
		dir + "index.md":      consentedLeader("Partial", "true", `"portfolio"`, ""),
		dir + "interview.pdf": "\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2mp41",
		dir + "clip.txt":      "\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ",
		dir + "drawing.txt":   "<?xml version=\"1.0\"?>\n<!-- " + strings.Repeat("padding ", 80) + "-->\n<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>\n",
		dir + "inline.md":     "A picture: ![x](data:image/png;base64,iVBORw0KGgo=)\n",
		dir + "cv.pdf":        "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n",
		dir + "notes.txt":     "Meeting notes, 会议记录.\n",
	}
	out, _ := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
	tree := readTree(t, out)
	var published []string
	for rel := range tree {
		if strings.HasPrefix(rel, "leaders/") && !strings.HasSuffix(rel, ".html") && !strings.HasSuffix(rel, ".xml") {
			published = append(published, filepath.Base(rel))
		}
	}
	want := map[string]bool{"cv.pdf": true, "notes.txt": true}
	for _, name := range published {
		if !want[name] {
			t.Errorf("%s published from a portfolio without photo consent", name)
		}
		delete(want, name)
	}
	for name := range want {
		t.Errorf("%s, a real document, is not published; published: %v", name, published)
	}
}

// TestRosterNameInAFileNameFailsTheBuild checks that the roster is looked
// for in the paths of the outputs, not only in their bytes: a bundle file
// or a static file named after a resident fails a funders build.
func TestRosterNameInAFileNameFailsTheBuild(t *testing.T) {
	dir := t.TempDir()
	roster := filepath.Join(dir, "roster.txt")
	if err := os.WriteFile(roster, []byte("王秀英\nNameperson\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A static file and a bundle file, each in a build of its own: a
	// build stops at the first stage with errors, and static files are
	// copied before bundles.
	for want, file := range map[string]string{
		"news/a/王秀英-简历.pdf":       "content/news/a/王秀英-简历.pdf",
		"files/Nameperson-cv.txt": "static/files/Nameperson-cv.txt",
	} {
		src := writeFiles(t, map[string]string{
			"site.toml":                         minimalConfig,
			"content/news/a/index.md":           "+++\ntitle = \"A\"\n+++\nA page.\n",
			file:                                "%PDF-1.7\n%%EOF\n",
			"content/news/b/index.md":           "+++\ntitle = \"B\"\n+++\nB page.\n",
			"content/news/b/ordinary-notes.txt": "nothing here\n",
		})
		_, err := Build(context.Background(), Options{Source: src, Out: filepath.Join(t.TempDir(), "out"), Now: testNow,
			Audience: audience.Funders, AudienceSet: true, Roster: roster})
		if err == nil {
			t.Fatalf("a funders build publishing a resident's name in %s built", want)
		}
		if !strings.Contains(err.Error(), "personal data in the name of the funders output "+want) {
			t.Errorf("no finding for %s: %v", want, err)
		}
		if strings.Contains(err.Error(), "ordinary-notes") {
			t.Errorf("a file named after no one is a finding: %v", err)
		}
	}
}

// TestHomeLeftOutPublishesNothing checks that a build whose audience leaves
// out the home page (the site's default is team) publishes nothing of that
// language, with a warning, instead of failing on the taxonomy pages that
// link the missing home.
func TestHomeLeftOutPublishesNothing(t *testing.T) {
	files := map[string]string{
		"site.toml":         minimalConfig + "[audience]\ndefault = \"team\"\n[audience.types]\nnews = \"public\"\n",
		"content/news/n.md": "+++\ntitle = \"News\"\ntags = [\"a\"]\n+++\nNews.\n",
	}
	out, res := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
	for rel, data := range readTree(t, out) {
		switch {
		case rel == "sitemap.xml":
			if strings.Contains(string(data), "<loc>") {
				t.Errorf("the sitemap lists pages:\n%s", data)
			}
		case strings.HasSuffix(rel, ".html") || strings.HasSuffix(rel, ".xml") || strings.HasSuffix(rel, ".json"):
			t.Errorf("%s published without a home page", rel)
		}
	}
	if warnings(res, "its home page is left out (it is for the team audience") == 0 {
		t.Errorf("no warning: %v", res.Warnings)
	}
}

// TestStaticVersionControlIsNotPublished checks that a .git folder (or
// file) under static/ is not copied: it is no part of the site, and copied
// to the output folder's top it made every later build refuse that folder.
func TestStaticVersionControlIsNotPublished(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml":                minimalConfig,
		"content/a.md":             "+++\ntitle = \"A\"\n+++\nA.\n",
		"static/.git/config":       "[core]\n",
		"static/vendor/x/.git":     "gitdir: ../../.git/modules/x\n",
		"static/vendor/x/lib.js":   "var x;\n",
		"static/.well-known/a.txt": "kept\n",
	})
	out := filepath.Join(t.TempDir(), "out")
	for i := range 2 {
		_, _ = build(t, src, Options{Out: out})
		tree := readTree(t, out)
		for rel := range tree {
			if strings.Contains("/"+rel, "/.git") {
				t.Errorf("build %d published %s", i+1, rel)
			}
		}
		for _, want := range []string{"vendor/x/lib.js", ".well-known/a.txt"} {
			if _, ok := tree[want]; !ok {
				t.Errorf("build %d: %s is missing", i+1, want)
			}
		}
	}
}

// TestLinksIntoOtherBundlesFollowWhatIsPublished checks that a link or an
// image naming a file of another page's bundle gets that file's published
// URL (the leader's neutral folder, not the name), and is an error where
// the file is not published: a picture of a portfolio without photo
// consent, a file of a page left out of the build, a loose file in
// content/, a file that does not exist. Nothing of the hidden paths
// reaches the page.
func TestLinksIntoOtherBundlesFollowWhatIsPublished(t *testing.T) {
	files := map[string]string{
		"site.toml":                             minimalConfig,
		"content/leaders/wang-secret/index.md":  consentedLeader("Wang", "true", `"portfolio"`, ""),
		"content/leaders/wang-secret/cv.pdf":    "%PDF-1.7\n%%EOF\n",
		"content/leaders/wang-secret/photo.png": string(pngBytes(t)),
		"content/news/team/index.md":            "+++\ntitle = \"T\"\naudience = \"team\"\n+++\nT.\n",
		"content/news/team/SECRET-plan.pdf":     "%PDF-1.7\n%%EOF\n",
		"content/news/loose.pdf":                "%PDF-1.7\n%%EOF\n",
	}
	files["content/news/ok.md"] = "+++\ntitle = \"OK\"\n+++\n[CV](../leaders/wang-secret/cv.pdf#page=2) and [web](https://example.org/a) and [x](/files/x.pdf)\n"
	out, _ := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
	tree := readTree(t, out)
	noMarker(t, "public build", tree, "wang-secret")
	if page := string(tree["news/ok/index.html"]); !strings.Contains(page, `href="/leaders/resident-wang/cv.pdf#page=2"`) {
		t.Errorf("the link to the leader's document does not follow the portfolio:\n%s", page)
	}
	for body, want := range map[string]string{
		"![p](../leaders/wang-secret/photo.png)":  "content/leaders/wang-secret/photo.png is not published with content/leaders/wang-secret/index.md",
		"[plan](team/SECRET-plan.pdf)":            "content/news/team/SECRET-plan.pdf belongs to content/news/team/index.md, which is not in the public build",
		"[loose](loose.pdf)":                      "content/news/loose.pdf is not published: a file in content/ is published only in a page bundle",
		"[gone](../leaders/wang-secret/gone.pdf)": "no such file: content/leaders/wang-secret/gone.pdf",
	} {
		f := map[string]string{}
		for k, v := range files {
			f[k] = v
		}
		f["content/news/bad.md"] = "+++\ntitle = \"Bad\"\n+++\n" + body + "\n"
		src := writeFiles(t, f)
		_, err := Build(context.Background(), Options{Source: src, Out: filepath.Join(t.TempDir(), "out"), Now: testNow, Audience: audience.Public, AudienceSet: true})
		if err == nil || !strings.Contains(err.Error(), "content/news/bad.md:4:") || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: want an error at content/news/bad.md:4 saying %q, got %v", body, want, err)
		}
	}
}

// TestLeaderWithoutPseudonymIsWarnedAbout checks that a leader published
// without name consent and without a pseudonym gets a leader-<hash> URL,
// and a warning that the hash can be checked against a guessed name.
func TestLeaderWithoutPseudonymIsWarnedAbout(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml":                     minimalConfig,
		"content/leaders/zhao/index.md": "+++\ntitle = \"Zhao Realname\"\n[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\"]\n+++\nA leader.\n",
	})
	out, res := build(t, src, Options{Audience: audience.Public, AudienceSet: true})
	tree := readTree(t, out)
	noMarker(t, "public build", tree, "Zhao", "zhao")
	found := false
	for rel := range tree {
		found = found || strings.HasPrefix(rel, "leaders/leader-")
	}
	if !found {
		t.Errorf("no leaders/leader-<hash>/ page: %v", keys(tree))
	}
	if warnings(res, "content/leaders/zhao/index.md:6:1: no pseudonym") == 0 {
		t.Errorf("no warning at consent.scope: %v", res.Warnings)
	}
}

// TestRelativeLinksToNothingInContentStayAsWritten checks that relative
// links naming nothing in content/ (a home page's static picture, a link
// up to the section, a generated feed) are kept as written, and that a
// link to a bundle's folder goes to its page's published URL.
func TestRelativeLinksToNothingInContentStayAsWritten(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml":                            minimalConfig,
		"content/_index.md":                    "+++\ntitle = \"Home\"\n+++\n![logo](images/logo.png) [report](files/report.pdf) [Wang](leaders/wang-secret/)\n",
		"static/images/logo.png":               string(pngBytes(t)),
		"content/leaders/wang-secret/index.md": consentedLeader("Wang", "true", `"portfolio"`, "") + "\n[all leaders](../) [here](./)\n",
		"content/news/_index.md":               "+++\ntitle = \"News\"\n+++\n[feed](index.xml)\n",
	})
	out, _ := build(t, src, Options{Audience: audience.Public, AudienceSet: true})
	tree := readTree(t, out)
	home := string(tree["index.html"])
	for _, want := range []string{`src="images/logo.png"`, `href="files/report.pdf"`, `href="/leaders/resident-wang/"`} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
	noMarker(t, "public build", tree, "wang-secret")
	if news := string(tree["news/index.html"]); !strings.Contains(news, `href="index.xml"`) {
		t.Error("the news page's feed link changed")
	}
}

// TestOneLeaderIDIsOnePerson checks that two files giving one leader id
// from two folders (a translation kept in a folder of its own) are
// narrowed together: the person's consent is one.
func TestOneLeaderIDIsOnePerson(t *testing.T) {
	files := map[string]string{
		"site.toml":                         bilingualConfig(),
		"content/leaders/li/index.md":       "+++\ntitle = \"Li Realname\"\nid = \"li\"\npseudonym = \"P\"\n[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\"]\n+++\n",
		"content/leaders/li-en/index.en.md": "+++\ntitle = \"Li Realname\"\nid = \"li\"\npseudonym = \"P\"\n[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\", \"name\"]\n+++\n",
	}
	out, _ := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
	noMarker(t, "public build", readTree(t, out), "Li Realname")
}

// TestTypeCannotStepAroundTheSectionDefault checks that [audience.types]
// cases = "team" holds for a case note or a cases/ section page whose type
// field names another type.
func TestTypeCannotStepAroundTheSectionDefault(t *testing.T) {
	files := map[string]string{
		"site.toml":               minimalConfig + "[audience.types]\ncases = \"team\"\n",
		"content/cases/_index.md": "+++\ntitle = \"Stories\"\ntype = \"stories\"\n+++\n",
		"content/cases/story.md":  strings.Replace(caseFile("type = \"case\"\n", ""), "The story", "TYPED-MARKER", 1),
	}
	out, _ := build(t, writeFiles(t, files), Options{Audience: audience.Funders, AudienceSet: true})
	noMarker(t, "funders build", readTree(t, out), "TYPED-MARKER", "Stories")
}

// TestSectionPagesThatStandForPeopleAreForTheTeam checks that a section
// page written in cases/ (or of type case), or below the top of leaders/,
// stays in the team build unless it names its audience: its title and
// text are nobody's consent. The top leaders/_index.md is an ordinary
// page; a cases/_index.md without an audience keeps the stories inside in
// the team build, one that names it lets them through.
func TestSectionPagesThatStandForPeopleAreForTheTeam(t *testing.T) {
	files := map[string]string{
		"site.toml":                        minimalConfig,
		"content/leaders/_index.md":        "+++\ntitle = \"Leaders\"\n+++\nLEADERS-INTRO\n",
		"content/leaders/zzhid/_index.md":  "+++\ntitle = \"ZZHIDSECNAME\"\n+++\nZZHIDSECBODY\n",
		"content/cases/zzhidsec/_index.md": "+++\ntitle = \"ZZHIDCASESEC\"\n+++\nZZHIDCASEBODY interview notes\n",
		"content/misc/_index.md":           "+++\ntitle = \"Misc\"\n+++\nMisc.\n",
		"content/misc/typed/_index.md":     "+++\ntitle = \"ZZHIDTYPED\"\ntype = \"case\"\n+++\nZZHIDTYPEDBODY\n",
		"content/cases/story.md":           strings.Replace(caseFile("audience = \"public\"\n", ""), "The story", "STORY-MARKER", 1),
		"content/cases/_index.md":          "+++\ntitle = \"Stories\"\n+++\nCASES-INTRO\n",
	}
	for _, aud := range []audience.Level{audience.Public, audience.Funders} {
		out, res := build(t, writeFiles(t, files), Options{Audience: aud, AudienceSet: true})
		tree := readTree(t, out)
		noMarker(t, aud.String()+" build", tree, "ZZHID", "zzhid", "STORY-MARKER", "CASES-INTRO")
		if warnings(res, "content/cases/_index.md:2:1: this section page names no audience") != 1 {
			t.Errorf("%s build: no warning at the cases/_index.md that keeps the stories in: %v", aud, res.Warnings)
		}
		if !strings.Contains(string(tree["leaders/index.html"]), "LEADERS-INTRO") {
			t.Errorf("%s build: the leaders list lost its introduction", aud)
		}
	}
	files["content/cases/_index.md"] = "+++\ntitle = \"Stories\"\naudience = \"public\"\n+++\nIntro.\n"
	out, _ := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
	tree := readTree(t, out)
	if page := string(tree["cases/story/index.html"]); !strings.Contains(page, "STORY-MARKER") {
		t.Error("a cases/ section that names its audience does not let its public story through")
	}
	noMarker(t, "public build with a public cases/ section", tree, "ZZHID")
}

// TestEveryNameOfAKindTakesTheSiteRule checks that [audience.types] holds
// whichever name of a program kind it is written under (leaders or
// leader, cases or case) for pages that are of that kind by section or by
// type.
func TestEveryNameOfAKindTakesTheSiteRule(t *testing.T) {
	leader := "+++\ntitle = \"%s\"\ntype = \"leader\"\n[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\", \"name\"]\n+++\n"
	for _, rule := range []string{"leaders = \"team\"", "leader = \"team\""} {
		files := map[string]string{
			"site.toml":                   minimalConfig + "[audience.types]\n" + rule + "\n",
			"content/misc/lead.md":        fmt.Sprintf(leader, "MISCLEADER"),
			"content/leaders/li/index.md": strings.Replace(fmt.Sprintf(leader, "LEADERSLEADER"), "type = \"leader\"\n", "", 1),
		}
		out, _ := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
		noMarker(t, rule, readTree(t, out), "MISCLEADER", "LEADERSLEADER")
	}
}

// TestFolderNamesDoNotLeakThroughOtherSpellings checks the other ways a
// page can spell a bundle's folder: the figure shortcode's src, a leader's
// own link climbing out and back in, and a site path. Each resolves to the
// published URL, or is an error when the file is not published.
func TestFolderNamesDoNotLeakThroughOtherSpellings(t *testing.T) {
	files := map[string]string{
		"site.toml": minimalConfig,
		"content/leaders/wang-secret/index.md": consentedLeader("Wang", "true", `"portfolio"`, "") +
			"\n[own](../wang-secret/cv.pdf) [again](../../leaders/wang-secret/cv.pdf?x=1#f)\n",
		"content/leaders/wang-secret/cv.pdf":    "%PDF-1.7\n%%EOF\n",
		"content/leaders/wang-secret/photo.png": string(pngBytes(t)),
		"content/news/ok.md": "+++\ntitle = \"OK\"\n+++\n{{< figure src=\"../leaders/wang-secret/cv.pdf\" alt=\"cv\" >}}\n\n" +
			"[site path](/leaders/wang-secret/cv.pdf) [logo](/img/logo.png)\n",
	}
	out, _ := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
	tree := readTree(t, out)
	noMarker(t, "public build", tree, "wang-secret")
	leader := string(tree["leaders/resident-wang/index.html"])
	for _, want := range []string{`href="/leaders/resident-wang/cv.pdf"`, `href="/leaders/resident-wang/cv.pdf?x=1#f"`} {
		if !strings.Contains(leader, want) {
			t.Errorf("the leader's own link lacks %s", want)
		}
	}
	news := string(tree["news/ok/index.html"])
	for _, want := range []string{`src="/leaders/resident-wang/cv.pdf"`, `href="/leaders/resident-wang/cv.pdf"`, `href="/img/logo.png"`} {
		if !strings.Contains(news, want) {
			t.Errorf("news/ok lacks %s", want)
		}
	}
	files["content/news/bad.md"] = "+++\ntitle = \"Bad\"\n+++\n{{< figure src=\"../leaders/wang-secret/photo.png\" alt=\"p\" >}}\n"
	_, err := Build(context.Background(), Options{Source: writeFiles(t, files), Out: filepath.Join(t.TempDir(), "out"), Now: testNow, Audience: audience.Public, AudienceSet: true})
	if err == nil || !strings.Contains(err.Error(), "content/leaders/wang-secret/photo.png is not published with") {
		t.Errorf("a figure of a hidden picture: want an error, got %v", err)
	}
}

// TestLeaderNamedByItsHeadingOrQuotingThemself checks the two places a
// leader's name could come back on a portfolio without name consent: a
// title taken from the body's first heading is an error in a public or
// funders build (fine for the team), and a testimonial whose source is the
// leader's own name is shown under the pseudonym.
func TestLeaderNamedByItsHeadingOrQuotingThemself(t *testing.T) {
	headed := "+++\npseudonym = \"Pseudo Two\"\n[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\"]\n+++\n# ZZHEADINGNAME\n\nText.\n"
	lines := buildErrorsWith(t, map[string]string{
		"site.toml":                    minimalConfig,
		"content/leaders/two/index.md": headed,
	}, Options{Audience: audience.Public, AudienceSet: true})
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "content/leaders/two/index.md:1:1: a leader published without name in consent scope needs its title") {
		t.Errorf("heading title: %q", lines)
	}
	build(t, writeFiles(t, map[string]string{"site.toml": minimalConfig, "content/leaders/two/index.md": headed}), Options{Audience: audience.Team, AudienceSet: true})

	quoted := "+++\ntitle = \"ZZSELFNAME\"\npseudonym = \"P17\"\n[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\", \"quotes\"]\n" +
		"[[testimonials]]\nquote = \"I learned a lot.\"\nsource = \"ZZSELFNAME\"\n+++\nText.\n"
	out, _ := build(t, writeFiles(t, map[string]string{"site.toml": minimalConfig, "content/leaders/p/index.md": quoted}), Options{Audience: audience.Public, AudienceSet: true})
	tree := readTree(t, out)
	noMarker(t, "public build", tree, "ZZSELFNAME")
	if !strings.Contains(string(tree["leaders/p17/index.html"]), "I learned a lot.") {
		t.Error("the testimonial is gone")
	}
}

// warnings counts the warnings of res that hold s.
func warnings(res *Result, s string) int {
	n := 0
	for _, w := range res.Warnings {
		if strings.Contains(w.Error(), s) {
			n++
		}
	}
	return n
}

// TestBundleFilesThatRunScriptNeedRawHTML checks that, with raw HTML off,
// a bundle does not publish files a browser runs on the site's origin (an
// HTML page, a script, an SVG drawing with script or a handler), with a
// warning, while a plain drawing and a PDF are published; with [markup]
// unsafe they are all published.
func TestBundleFilesThatRunScriptNeedRawHTML(t *testing.T) {
	files := map[string]string{
		"site.toml":                  minimalConfig,
		"content/news/b/index.md":    "+++\ntitle = \"B\"\n+++\nB.\n",
		"content/news/b/evil.html":   "<script>document.title='PWNED'</script>",
		"content/news/b/evil.js":     "alert(1)",
		"content/news/b/evil.svg":    "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
		"content/news/b/handler.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"1\"/></svg>",
		"content/news/b/plain.svg":   "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"/></svg>",
		"content/news/b/handout.pdf": "%PDF-1.7\n%%EOF\n",
	}
	out, res := build(t, writeFiles(t, files), Options{})
	tree := readTree(t, out)
	for _, name := range []string{"evil.html", "evil.js", "evil.svg", "handler.svg"} {
		if _, ok := tree["news/b/"+name]; ok {
			t.Errorf("%s published with raw HTML off", name)
		}
	}
	for _, name := range []string{"plain.svg", "handout.pdf"} {
		if _, ok := tree["news/b/"+name]; !ok {
			t.Errorf("%s not published", name)
		}
	}
	warned := warnings(res, "which a browser runs on the site's own origin")
	if warned != 4 {
		t.Errorf("%d warnings, want 4: %v", warned, res.Warnings)
	}
	files["site.toml"] = minimalConfig + "[markup]\nunsafe = true\n"
	out, _ = build(t, writeFiles(t, files), Options{})
	tree = readTree(t, out)
	for _, name := range []string{"evil.html", "evil.js", "evil.svg", "handler.svg", "plain.svg"} {
		if _, ok := tree["news/b/"+name]; !ok {
			t.Errorf("unsafe on: %s not published", name)
		}
	}
}

// TestTypeRulesOutrankTheDefault checks that a site whose default is team
// and whose type rules open its program sections publishes those sections:
// a kind's name the site does not write brings in no default over a rule.
func TestTypeRulesOutrankTheDefault(t *testing.T) {
	files := map[string]string{
		"site.toml":             minimalConfig + "[audience]\ndefault = \"team\"\n[audience.types]\nprojects = \"public\"\n",
		"content/_index.md":     "+++\ntitle = \"Home\"\naudience = \"public\"\n+++\n",
		"content/projects/p.md": "+++\ntitle = \"P\"\n+++\nPROJECT-BODY\n",
	}
	out, _ := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
	if !strings.Contains(string(readTree(t, out)["projects/p/index.html"]), "PROJECT-BODY") {
		t.Error("a project, public by its type's rule, is not published")
	}
}

// TestSitePathsUnderALanguageOrBaseFollowThePortfolio checks that a site
// path spelling a leader's folder under the base URL's path or a
// language's folder resolves to the neutral URL like one at the root.
func TestSitePathsUnderALanguageOrBaseFollowThePortfolio(t *testing.T) {
	files := map[string]string{
		"site.toml":                               "title = \"T\"\nbaseURL = \"https://example.org/sub/\"\ndefaultLanguage = \"zh\"\n[languages.zh]\nlanguageName = \"中文\"\nweight = 1\n[languages.en]\nlanguageName = \"English\"\nweight = 2\n",
		"content/leaders/wang-secret/index.md":    consentedLeader("Wang", "true", `"portfolio"`, ""),
		"content/leaders/wang-secret/index.en.md": consentedLeader("Wang", "true", `"portfolio"`, ""),
		"content/leaders/wang-secret/cv.pdf":      "%PDF-1.7\n%%EOF\n",
		"content/news/ok.en.md":                   "+++\ntitle = \"OK\"\n+++\n[a](/sub/en/leaders/wang-secret/cv.pdf) [b](/en/leaders/wang-secret/cv.pdf)\n",
	}
	out, _ := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
	tree := readTree(t, out)
	noMarker(t, "public build", tree, "wang-secret")
}
