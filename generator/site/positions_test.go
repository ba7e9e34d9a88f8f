package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/audience"
)

// TestSiteTomlErrorsNameTheFileRelatively checks that site.toml's errors
// name "site.toml", as content errors name "content/…", not the absolute
// path the build reads it from.
func TestSiteTomlErrorsNameTheFileRelatively(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":    minimalConfig + "paginate = \"ten\"\n",
		"content/a.md": "+++\ntitle = \"A\"\n+++\nA.\n",
	})
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "site.toml:3:") {
		t.Errorf("want one error at site.toml:3:, got %q", lines)
	}
}

// TestUnclosedWrappingShortcodeIsAnError checks that a shortcode whose
// template shows its content (.Inner) is an error without its closing tag,
// at the opening tag, instead of a silently empty box with the content
// after it; the self-closing form says there is no content and is fine, as
// is a shortcode that shows no content.
func TestUnclosedWrappingShortcodeIsAnError(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":                    minimalConfig,
		"layouts/shortcodes/box.html":  "<div class=\"box\">{{ with .Inner }}{{ . }}{{ end }}</div>",
		"layouts/shortcodes/mark.html": "<hr>",
		"content/a.md":                 "+++\ntitle = \"A\"\n+++\nIntro.\n\n中文 {{< box >}}\nunclosed content\n",
		"content/b.md":                 "+++\ntitle = \"B\"\n+++\n{{< box />}} {{< mark >}} {{< box >}}ok{{< /box >}}\n",
	})
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "content/a.md:6:4: unclosed shortcode \"box\"") {
		t.Errorf("want one error at content/a.md:6:4, got %q", lines)
	}
}

// TestI18nAndStyleErrorsArePositioned checks the site's theme strings and
// highlight style are checked with positions: a TOML error in i18n/, a
// value that is no text, an unknown highlightStyle and an unknown theme.
func TestI18nAndStyleErrorsArePositioned(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":    minimalConfig + "[markup]\nhighlightStyle = \"nosuchstyle\"\n",
		"content/a.md": "+++\ntitle = \"A\"\n+++\nA.\n",
	})
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "site.toml:4:1: markup: highlightStyle \"nosuchstyle\" is not a chroma style (abap, ") {
		t.Errorf("unknown highlight style: %q", lines)
	}
	lines = buildErrors(t, map[string]string{
		"site.toml":    minimalConfig,
		"i18n/en.toml": "read_more = \"More\"\nbroken = = x\n",
		"content/a.md": "+++\ntitle = \"A\"\n+++\nA.\n",
	})
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "i18n/en.toml:2:10: toml:") {
		t.Errorf("i18n syntax error: %q", lines)
	}
	lines = buildErrors(t, map[string]string{
		"site.toml":    minimalConfig + "theme = \"nosuchtheme\"\n",
		"content/a.md": "+++\ntitle = \"A\"\n+++\nA.\n",
	})
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "site.toml:3:1: theme \"nosuchtheme\" not found") {
		t.Errorf("unknown theme: %q", lines)
	}
	lines = buildErrors(t, map[string]string{
		"site.toml":    minimalConfig,
		"i18n/en.toml": "read_more = 3\n",
		"content/a.md": "+++\ntitle = \"A\"\n+++\nA.\n",
	})
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "i18n/en.toml:1:1: theme string \"read_more\" is a number") {
		t.Errorf("a theme string that is a number: %q", lines)
	}
}

// TestOneBrokenFileHidesNoOtherProblem checks that a page whose front
// matter does not decode does not stop the build before the problems of
// the other pages are found (a broken link, a reference to no leader), and
// that links to the broken page and references to the leader it is are no
// problems of their own.
func TestOneBrokenFileHidesNoOtherProblem(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":                      minimalConfig,
		"content/news/bad.md":            "+++\ntitle = \"x\"\ndate = 2025-13-01\n+++\n",
		"content/news/link.md":           "+++\ntitle = \"l\"\n+++\n[x](nope.md) and [the bad one](bad.md)\n",
		"content/leaders/wu/index.md":    "+++\ntitle = \"Wu\"\nstage = \"nowhere\"\n+++\n",
		"content/projects/p.md":          "+++\ntitle = \"P\"\nleaders = [\"wu\", \"nobody\"]\n+++\nA project.\n",
		"content/leaders/li/index.md":    "+++\ntitle = \"Li\"\njoined = 2025-02-30\n+++\n",
		"content/exchange/e.md":          "+++\ntitle = \"E\"\nleaders = [\"li\"]\n+++\nText.\n",
		"content/curricula/empower/s.md": "+++\ntitle = \"S\"\nstage = \"empower\"\nphase = \"initial\"\n+++\nFine.\n",
	})
	joined := strings.Join(lines, "\n")
	for _, want := range []string{
		"content/news/bad.md:3:8:",                          // the broken file itself
		"content/news/link.md:4:1: ",                        // its broken link, found though bad.md failed
		"content/projects/p.md:3:18: leaders[1] \"nobody\"", // a reference to no leader
		"content/leaders/wu/index.md:3:",                    // a program field error
		"content/leaders/li/index.md:",                      // a wrong type in front matter
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("no error at %s:\n%s", want, joined)
		}
	}
	for _, not := range []string{"bad.md is", "no such page: content/news/bad.md", "\"wu\" is not the id", "\"li\" is not the id"} {
		if strings.Contains(joined, not) {
			t.Errorf("a problem caused by another file's is reported (%s):\n%s", not, joined)
		}
	}
}

// TestOutputClashesArePositioned checks that two pages claiming one URL
// (by slug, by url, by an alias, by their file names) are an error at the
// field of the later page, once, with the other page named.
func TestOutputClashesArePositioned(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":             minimalConfig,
		"content/news/a.md":     "+++\ntitle = \"A\"\nslug = \"same\"\n+++\nA.\n",
		"content/news/b.md":     "+++\ntitle = \"B\"\nslug = \"same\"\n+++\nB.\n",
		"content/about.md":      "+++\ntitle = \"About\"\n+++\nAbout.\n",
		"content/other.md":      "+++\ntitle = \"Other\"\naliases = [\"/old/\", \"/about/\"]\n+++\nOther.\n",
		"content/page/x.md":     "+++\ntitle = \"X\"\nurl = \"/news/same/\"\n+++\nX.\n",
		"content/twin.md":       "+++\ntitle = \"Twin\"\n+++\nT.\n",
		"content/twin/index.md": "+++\ntitle = \"Twin bundle\"\n+++\nT.\n",
	})
	joined := strings.Join(lines, "\n")
	for _, want := range []string{
		"content/news/b.md:3:1: /news/same/, its URL, is also content/news/a.md's",
		"content/other.md:3:21: /about/, this alias, is also content/about.md's",
		"content/page/x.md:3:1: /news/same/, its URL, is also content/news/a.md's",
		"content/twin/index.md:1:1: /twin/, its file name, is also content/twin.md's",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("no error %q:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "two sources write one output path") {
		t.Errorf("a clash is reported twice:\n%s", joined)
	}
}

// TestUnreadableFolderIsOneErrorAmongOthers checks that a content folder
// that cannot be read is an error naming it relative to the site, and
// that the build goes on to report the other files' problems. Root reads
// any folder, so the test needs another user.
func TestUnreadableFolderIsOneErrorAmongOthers(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads folders without permission: run as another user")
	}
	src := writeFiles(t, map[string]string{
		"site.toml":                   minimalConfig,
		"content/leaders/li/index.md": "+++\ntitle = \"Li\"\n+++\n",
		"content/news/bad.md":         "+++\ntitle = \"x\"\ndate = 2025-13-01\n+++\n",
	})
	locked := filepath.Join(src, "content", "leaders", "li")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	_, err := Build(context.Background(), Options{Source: src, Out: filepath.Join(t.TempDir(), "out"), Now: testNow})
	if err == nil {
		t.Fatal("built with an unreadable folder")
	}
	for _, want := range []string{"content/leaders/li: cannot read: permission denied", "content/news/bad.md:3:8:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in %v", want, err)
		}
	}
}

// TestBundleFileProblemIsReportedOnce checks that a problem with a file of
// a bundle that has two translations is one error, not one a translation.
func TestBundleFileProblemIsReportedOnce(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":                  bilingualConfig(),
		"content/news/x/index.md":    "+++\ntitle = \"X\"\n+++\nX.\n",
		"content/news/x/index.en.md": "+++\ntitle = \"X\"\n+++\nX.\n",
		"content/news/x/raw.heic":    "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
	})
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "content/news/x/raw.heic") {
		t.Errorf("want one error for raw.heic, got %q", lines)
	}
}

// TestPseudonymClashIsAtThePseudonym checks that two leaders published
// under one pseudonym's URL are an error at the later one's pseudonym.
func TestPseudonymClashIsAtThePseudonym(t *testing.T) {
	leader := func(title string) string {
		return "+++\ntitle = \"" + title + "\"\npseudonym = \"Xiao\"\n[consent]\npublish = true\ndate = 2025-01-01\nscope = [\"portfolio\"]\n+++\n"
	}
	src := writeFiles(t, map[string]string{
		"site.toml":                  minimalConfig,
		"content/leaders/a/index.md": leader("A"),
		"content/leaders/b/index.md": leader("B"),
	})
	_, err := Build(context.Background(), Options{Source: src, Out: filepath.Join(t.TempDir(), "out"), Now: testNow, Audience: audience.Public, AudienceSet: true})
	if err == nil || !strings.Contains(err.Error(), "content/leaders/b/index.md:3:1: /leaders/xiao/, its pseudonym's URL, is also content/leaders/a/index.md's") {
		t.Errorf("want the clash at b's pseudonym, got %v", err)
	}
}

// TestOutputFolderOfOtherFilesIsRefused checks that a build does not
// replace an existing folder that holds files no build wrote (no
// publication log beside it): the folder and its files stay, and the
// error says why. A folder an earlier build wrote is replaced as before.
func TestOutputFolderOfOtherFilesIsRefused(t *testing.T) {
	src := writeFiles(t, map[string]string{"site.toml": minimalConfig, "content/a.md": "+++\ntitle = \"A\"\n+++\nA.\n"})
	out := filepath.Join(t.TempDir(), "mine")
	if err := os.MkdirAll(filepath.Join(out, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(out, "id_ed25519")
	if err := os.WriteFile(key, []byte("PRIVATE KEY"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), Options{Source: src, Out: out, Now: testNow})
	if err == nil || !strings.Contains(err.Error(), "holds files no sineng build wrote") {
		t.Fatalf("want a refusal, got %v", err)
	}
	if data, err := os.ReadFile(key); err != nil || string(data) != "PRIVATE KEY" {
		t.Fatalf("the folder's file is gone or changed: %v", err)
	}
	fresh := filepath.Join(t.TempDir(), "public")
	build(t, src, Options{Out: fresh})
	build(t, src, Options{Out: fresh}) // its own output, with the log beside it
}

// TestBrokenSectionFileRaisesNoAudienceErrors checks that the pages of a
// section whose _index.md does not decode are taken as the team's (its
// audience is unknown): no error a wider audience would raise (a blocked
// key) is added to the file's own, and links into a bundle whose page has
// problems are not reported either.
func TestBrokenSectionFileRaisesNoAudienceErrors(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":                  minimalConfig,
		"content/internal/_index.md": "+++\ntitle = \"内部\naudience = \"team\"\n+++\n",
		"content/internal/note.md":   "+++\ntitle = \"Note\"\nphone = \"13800000000\"\n+++\nNote.\n",
		"content/news/b/index.md":    "+++\ntitle = \"x\n+++\n",
		"content/news/b/cv.txt":      "cv\n",
		"content/about.md":           "+++\ntitle = \"About\"\n+++\n[cv](news/b/cv.txt)\n",
	})
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "content/internal/_index.md:2:") || !strings.HasPrefix(lines[1], "content/news/b/index.md:2:") {
		t.Errorf("want the two files' own errors only, got %q", lines)
	}
}

// TestShortcodeBodyErrorsAreTheirOwn checks that a broken link inside a
// {{< >}} shortcode's body is reported once, at its own line and column,
// not again at the opening tag.
func TestShortcodeBodyErrorsAreTheirOwn(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":    minimalConfig,
		"content/a.md": "+++\ntitle = \"A\"\n+++\n{{< note >}}\nab [x](nope1.md)\n{{< /note >}}\n",
	})
	want := []string{
		"content/a.md:5:4: link \"nope1.md\": no such page: content/nope1.md",
	}
	wantErrors(t, lines, want)
}

// TestClashesWithMadePagesArePositioned checks that a page taking the URL
// of a page the build makes (the search page, a taxonomy list) by its url
// or an alias is an error at that field, once.
func TestClashesWithMadePagesArePositioned(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":    minimalConfig,
		"content/a.md": "+++\ntitle = \"A\"\ntags = [\"x\"]\n+++\nA.\n",
		"content/b.md": "+++\ntitle = \"B\"\nurl = \"/search/\"\naliases = [\"/tags/\"]\n+++\nB.\n",
	})
	want := []string{
		"content/b.md:3:1: /search/, its URL, is the ",
		"content/b.md:4:12: /tags/, this alias, is the tags list the build makes",
	}
	wantErrors(t, lines, want)
}

// TestURLWithDotSegmentsIsAnError checks that a url field with a ".", ".."
// or empty segment is an error at the field, with the page's other
// problems, instead of a clash or an unsafe path found only when writing.
func TestURLWithDotSegmentsIsAnError(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":    minimalConfig,
		"content/a.md": "+++\ntitle = \"A\"\nurl = \"/./about/\"\n+++\nA.\n",
		"content/b.md": "+++\ntitle = \"B\"\nurl = \"../../etc/\"\n+++\nB.\n",
		"content/c.md": "+++\ntitle = \"C\"\nurl = \"/a//b/\"\n+++\nC.\n",
		"content/d.md": "+++\ntitle = \"D\"\n+++\n\n[x](nope.md)\n",
	})
	want := []string{
		`content/a.md:3:1: url "/./about/" has a "." segment`,
		`content/b.md:3:1: url "../../etc/" has a ".." segment`,
		`content/c.md:3:1: url "/a//b/" has an empty segment`,
		`content/d.md:5:1: link "nope.md"`,
	}
	wantErrors(t, lines, want)
}

// TestTermWithoutAURLNameIsAnError checks that a tag that slugs to nothing
// a folder can be named ("..", ".") is an error at the page's tags field,
// not a clash with the home or the tags list found when writing.
func TestTermWithoutAURLNameIsAnError(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":    minimalConfig,
		"content/a.md": "+++\ntitle = \"A\"\ntags = [\"ok\", \"..\"]\n+++\nA.\n",
	})
	if len(lines) != 1 || !strings.HasPrefix(lines[0], `content/a.md:3:1: tag term ".." has no name a URL can use`) {
		t.Errorf("got %q", lines)
	}
}

// wantErrors fails the test unless lines are as many as want and each
// starts with its want.
func wantErrors(t *testing.T, lines, want []string) {
	t.Helper()
	if len(lines) != len(want) {
		t.Fatalf("got %q, want %d errors", lines, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d = %q, want it to start %q", i, lines[i], w)
		}
	}
}
