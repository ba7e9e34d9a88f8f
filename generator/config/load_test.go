package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/diag"
)

// fullSite sets every key Parse knows.
const fullSite = `title = "Four Capabilities"
baseURL = "https://example.org/sineng"
theme = "river"
defaultLanguage = "zh"
defaultLanguageInSubdir = true
paginate = 12
summaryLength = 90
copyright = "© 2024 Team"
enableRobots = false

[markup]
unsafe = true
highlightStyle = "monokai"
tocMinLevel = 1
tocMaxLevel = 3

[taxonomies]
tag = "tags"
skill = "skills"

[params]
motto = "learn together"
since = 2019-05-01
nested = { a = [1, 2] }

[build]
drafts = true
future = true
expired = true
audience = "funders"
out = "dist"

[audience]
default = "funders"
[audience.types]
projects = "public"
exchange = "team"

[contact]
emails = ["team@example.org", "info@example.org"]

[[menu.main]]
name = "Leaders"
url = "/leaders/"
weight = 2
identifier = "leaders"

[[menu.main]]
name = "Projects"
url = "/projects/"
weight = 1

[languages.zh]
languageName = "中文"
languageCode = "zh-Hans"
weight = 1
title = "四能"
contentDir = "content/zh"
[languages.zh.params]
slogan = "共同成长"

[languages.en]
languageName = "English"
languageCode = "en"
weight = 2

[program]
name = "Four Capabilities"
organisation = "Riverside Social Work Centre"
currency = "CNY"

[outputs]
rss = false
sitemap = false
search = false
`

func TestParseEveryKey(t *testing.T) {
	c, warnings, err := Parse("site.toml", []byte(fullSite))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	want := &Config{
		Title:                   "Four Capabilities",
		BaseURL:                 "https://example.org/sineng/",
		Theme:                   "river",
		DefaultLanguage:         "zh",
		DefaultLanguageInSubdir: true,
		Paginate:                12,
		SummaryLength:           90,
		Copyright:               "© 2024 Team",
		EnableRobots:            false,
		Markup:                  Markup{Unsafe: true, HighlightStyle: "monokai", TOCMinLevel: 1, TOCMaxLevel: 3},
		Taxonomies:              map[string]string{"tag": "tags", "skill": "skills"},
		Params: map[string]any{
			"motto":  "learn together",
			"since":  time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC),
			"nested": map[string]any{"a": []any{int64(1), int64(2)}},
		},
		Build:    Build{Drafts: true, Future: true, Expired: true, Audience: Funders, Out: "dist"},
		Audience: AudienceRules{Default: Funders, Types: map[string]Audience{"projects": Public, "exchange": Team}},
		Contact:  Contact{Emails: []string{"team@example.org", "info@example.org"}},
		Menus: map[string][]MenuEntry{"main": {
			{Name: "Leaders", URL: "/leaders/", Weight: 2, Identifier: "leaders"},
			{Name: "Projects", URL: "/projects/", Weight: 1},
		}},
		LanguagesByCode: map[string]Language{
			"zh": {Code: "zh", Name: "中文", LanguageCode: "zh-Hans", Weight: 1, Title: "四能", ContentDir: "content/zh", Params: map[string]any{"slogan": "共同成长"}},
			"en": {Code: "en", Name: "English", LanguageCode: "en", Weight: 2},
		},
		Program: Program{Name: "Four Capabilities", Organisation: "Riverside Social Work Centre", Currency: "CNY"},
		Outputs: Outputs{},
	}
	if line, col := c.Position("MARKUP.highlightStyle"); line != 13 || col != 1 {
		t.Errorf("Position(markup.highlightStyle) = %d:%d, want 13:1", line, col)
	}
	c.pos = nil // checked above; the rest is the values
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Parse =\n%+v\nwant\n%+v", c, want)
	}
	if got := c.Menu("main"); got[0].Name != "Projects" || got[1].Name != "Leaders" {
		t.Errorf("Menu(main) = %+v, want Projects before Leaders", got)
	}
}

func TestParseDefaults(t *testing.T) {
	for _, src := range []string{"", "# nothing but a comment\n", "\uFEFF"} {
		c, warnings, err := Parse("site.toml", []byte(src))
		if err != nil || len(warnings) != 0 {
			t.Fatalf("Parse(%q) = %v, %v", src, warnings, err)
		}
		want := Default()
		c.pos = nil
		if !reflect.DeepEqual(*c, want) {
			t.Errorf("Parse(%q) =\n%+v\nwant the defaults\n%+v", src, *c, want)
		}
	}
	d := Default()
	if d.Theme != "default" || d.DefaultLanguage != "en" || d.Paginate != 10 || d.SummaryLength != 120 ||
		!d.EnableRobots || d.Build.Audience != Public || d.Audience.Default != Public ||
		d.Markup != (Markup{HighlightStyle: "github", TOCMinLevel: 2, TOCMaxLevel: 4}) ||
		d.Outputs != (Outputs{RSS: true, Sitemap: true, Search: true}) ||
		!reflect.DeepEqual(d.Taxonomies, map[string]string{"tag": "tags"}) {
		t.Errorf("Default() = %+v", d)
	}
}

func TestParseCaseInsensitiveKeys(t *testing.T) {
	c, warnings, err := Parse("site.toml", []byte("baseurl = 'https://example.org'\nPAGINATE = 5\n[Markup]\nTOCMaxLevel = 6\n"))
	if err != nil || len(warnings) != 0 {
		t.Fatalf("Parse: %v, %v", warnings, err)
	}
	if c.BaseURL != "https://example.org/" || c.Paginate != 5 || c.Markup.TOCMaxLevel != 6 {
		t.Errorf("got baseURL %q, paginate %d, tocMaxLevel %d", c.BaseURL, c.Paginate, c.Markup.TOCMaxLevel)
	}
}

func TestParseWarnings(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"top-level", "title = 'x'\n\nfoo = 1\n", []string{`site.toml:3:1: unknown key "foo"`}},
		{"unknown table warns once", "[foo]\nbar = 1\nbaz = 2\n", []string{`site.toml:1:2: unknown key "foo"`}},
		{"nested", "[markup]\nunsafe = true\n  lineNumbers = true\n", []string{`site.toml:3:3: unknown key "markup.lineNumbers"`}},
		{"in a language", "[languages.zh]\nweight = 1\ndirection = 'ltr'\n", []string{`site.toml:3:1: unknown key "languages.zh.direction"`}},
		{"in a menu entry", "[[menu.main]]\nname = 'a'\n[[menu.main]]\nname = 'b'\npageRef = '/b'\n", []string{`site.toml:5:1: unknown key "menu.main[1].pageRef"`}},
		{"dotted key", "outputs.json = true\n", []string{`site.toml:1:9: unknown key "outputs.json"`}},
		{"params are free-form", "[params]\nanything = 1\n[params.deep]\nx = [1]\n[languages.en.params]\nwhatever = 'y'\n", nil},
		{"several, in order", "zeta = 1\nalpha = 2\n", []string{`site.toml:1:1: unknown key "zeta"`, `site.toml:2:1: unknown key "alpha"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, warnings, err := Parse("site.toml", []byte(tt.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if c == nil {
				t.Fatalf("nil Config with warnings only")
			}
			if got := messages(warnings); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("warnings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"wrong type", "title = 'x'\npaginate = \"ten\"\n",
			[]string{`site.toml:2:1: paginate must be an integer, not a string ("ten")`}},
		{"wrong type nested", "[markup]\n\nunsafe = 'yes'\n",
			[]string{`site.toml:3:1: markup.unsafe must be true or false, not a string ("yes")`}},
		{"table expected", "markup = 3\n",
			[]string{`site.toml:1:1: markup must be a table, not an integer (3)`}},
		{"bad build audience", "[build]\naudience = \"everyone\"\n",
			[]string{`site.toml:2:1: build.audience: unknown audience "everyone" (want public, funders or team)`}},
		{"bad audience type rule", "[audience.types]\nprojects = 'public'\ncases = 'staff'\n",
			[]string{`site.toml:3:1: audience.types.cases: unknown audience "staff" (want public, funders or team)`}},
		{"relative baseURL", "baseURL = \"example.org\"\n",
			[]string{`site.toml:1:1: baseURL "example.org" must be an absolute URL such as "https://example.org/"`}},
		{"baseURL with query", "baseURL = \"https://example.org/?a=1\"\n",
			[]string{`site.toml:1:1: baseURL "https://example.org/?a=1" must not have a query or a fragment`}},
		{"paginate zero", "paginate = 0\n",
			[]string{`site.toml:1:1: paginate must be more than 0, not 0`}},
		{"summary negative", "summaryLength = -5\n",
			[]string{`site.toml:1:1: summaryLength must be more than 0, not -5`}},
		{"heading levels", "[markup]\ntocMinLevel = 0\ntocMaxLevel = 7\n",
			[]string{`site.toml:2:1: markup.tocMinLevel must be a heading level from 1 to 6, not 0`, `site.toml:3:1: markup.tocMaxLevel must be a heading level from 1 to 6, not 7`}},
		{"heading levels reversed", "[markup]\ntocMinLevel = 4\ntocMaxLevel = 3\n",
			[]string{`site.toml:2:1: markup: tocMinLevel 4 is above tocMaxLevel 3`}},
		{"default language not listed", "defaultLanguage = 'fr'\n[languages.zh]\n[languages.en]\n",
			[]string{`site.toml:1:1: defaultLanguage "fr" is not one of the languages (en, zh)`}},
		{"bad language code", "[languages.\"zh/cn\"]\nweight = 1\n",
			[]string{`site.toml:1:12: language code "zh/cn" may hold only letters, digits and "-"`}},
		{"duplicate key by case", "title = 'a'\nTitle = 'b'\n",
			[]string{`site.toml:2:1: key "Title" repeats "title" (keys are not case-sensitive)`}},
		{"taxonomy plural reused", "[taxonomies]\ntag = 'tags'\nlabel = 'tags'\n",
			[]string{`site.toml:3:1: taxonomy "label" uses the plural "tags" of taxonomy "tag"`}},
		{"taxonomy with a slash", "[taxonomies]\ntag = 'a/b'\n",
			[]string{`site.toml:2:1: taxonomy names must be non-empty and free of spaces and slashes, not "tag" = "a/b"`}},
		{"menu entry without a name", "[[menu.main]]\nurl = '/x/'\n",
			[]string{`site.toml:1:8: menu.main[0]: a menu entry needs a name`}},
		{"bad e-mail", "[contact]\nemails = [\"team@example.org\", \"nobody\"]\n",
			[]string{`site.toml:2:31: contact.emails: "nobody" is not an e-mail address`}},
		{"array element type", "[contact]\nemails = [\"a@b.c\", 3]\n",
			[]string{`site.toml:2:20: contact.emails[1] must be a string, not an integer (3)`}},
		{"all errors together", "paginate = 'ten'\nbaseURL = 'nope'\n[build]\naudience = 'all'\n",
			[]string{
				`site.toml:1:1: paginate must be an integer, not a string ("ten")`,
				`site.toml:2:1: baseURL "nope" must be an absolute URL such as "https://example.org/"`,
				`site.toml:4:1: build.audience: unknown audience "all" (want public, funders or team)`,
			}},
		{"toml syntax", "title = 'x'\npaginate = = 3\n",
			[]string{`site.toml:2:12: toml: expected value but found '=' instead`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Parse("site.toml", []byte(tt.src))
			if c != nil {
				t.Errorf("Config returned despite errors")
			}
			var list *diag.Errors
			if !errors.As(err, &list) {
				t.Fatalf("error = %v (%T), want *diag.Errors", err, err)
			}
			for _, e := range list.List {
				var de *diag.Error
				if !errors.As(e, &de) || de.Line < 1 || de.Col < 1 {
					t.Errorf("%v has no position", e)
				}
			}
			if got := messages(list.List); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestBaseURLNormalisation(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		{"https://example.org", "https://example.org/"},
		{"https://example.org/", "https://example.org/"},
		{"https://example.org/sub", "https://example.org/sub/"},
		{"http://localhost:1313/a/b/", "http://localhost:1313/a/b/"},
	}
	for _, tt := range tests {
		c, _, err := Parse("site.toml", []byte("baseURL = \""+tt.in+"\"\n"))
		if err != nil {
			t.Fatalf("baseURL %q: %v", tt.in, err)
		}
		if c.BaseURL != tt.want {
			t.Errorf("baseURL %q → %q, want %q", tt.in, c.BaseURL, tt.want)
		}
	}
}

func TestLanguages(t *testing.T) {
	tests := []struct {
		name        string
		src         string
		order       []string
		defaultLang string
	}{
		{"none", "", []string{"en"}, "en"},
		{"none with a default", "defaultLanguage = 'zh'\n", []string{"zh"}, "zh"},
		{"by weight", "[languages.en]\nweight = 2\n[languages.zh]\nweight = 1\n", []string{"zh", "en"}, "zh"},
		{"ties by code", "[languages.fr]\n[languages.de]\n[languages.zh]\nweight = -1\n", []string{"zh", "de", "fr"}, "zh"},
		{"named default", "defaultLanguage = 'en'\n[languages.en]\nweight = 2\n[languages.zh]\nweight = 1\n", []string{"zh", "en"}, "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Parse("site.toml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range c.Languages() {
				got = append(got, l.Code)
			}
			if !reflect.DeepEqual(got, tt.order) || c.DefaultLanguage != tt.defaultLang {
				t.Errorf("languages %v, default %q; want %v, %q", got, c.DefaultLanguage, tt.order, tt.defaultLang)
			}
			for _, code := range tt.order {
				if l, ok := c.Language(code); !ok || l.Code != code {
					t.Errorf("Language(%q) = %+v, %v", code, l, ok)
				}
			}
			if _, ok := c.Language("xx"); ok {
				t.Errorf("Language(xx) found")
			}
		})
	}
}

func TestTaxonomies(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Taxonomy
	}{
		{"absent", "", []Taxonomy{{"tag", "tags"}}},
		{"empty table means none", "[taxonomies]\n", []Taxonomy{}},
		{"sorted by plural", "[taxonomies]\ntag = 'tags'\nskill = 'skills'\ncommunity = 'communities'\n",
			[]Taxonomy{{"community", "communities"}, {"skill", "skills"}, {"tag", "tags"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Parse("site.toml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := c.TaxonomyNames(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("TaxonomyNames() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "site.toml")
	if err := os.WriteFile(path, []byte("title = 'T'\nfoo = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, warnings, err := Load(path)
	if err != nil || c.Title != "T" {
		t.Fatalf("Load = %+v, %v", c, err)
	}
	if got := messages(warnings); len(got) != 1 || got[0] != path+`:2:1: unknown key "foo"` {
		t.Errorf("warnings = %q", got)
	}

	_, _, err = Load(filepath.Join(dir, "missing.toml"))
	var list *diag.Errors
	if !errors.As(err, &list) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v (%T), want *diag.Errors wrapping fs.ErrNotExist", err, err)
	}
	if err != nil && !strings.Contains(err.Error(), "missing.toml: cannot read site config") {
		t.Errorf("missing file message = %q", err)
	}
}

func messages(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}
