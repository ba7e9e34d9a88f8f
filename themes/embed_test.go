package themes

import (
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// stubFuncs names every function the templates may call (the layout
// package's built-ins and the orchestrator's markdownify); parsing only
// checks that a called name exists.
func stubFuncs() template.FuncMap {
	names := []string{
		"partial", "relURL", "absURL", "safeHTML", "safeCSS", "safeURL", "safeHTMLAttr",
		"dateFormat", "isZero", "default", "dict", "slice", "append", "first", "last", "after",
		"seq", "add", "sub", "mul", "div", "mod", "percent", "formatNumber", "upper", "lower",
		"title", "urlize", "plainify", "truncate", "htmlEscape", "jsonify", "split", "join",
		"delimit", "replace", "contains", "hasPrefix", "in", "where", "sortBy", "groupBy",
		"isset", "int", "float", "string", "markdownify",
	}
	m := template.FuncMap{}
	for _, n := range names {
		m[n] = func(...any) any { return nil }
	}
	return m
}

func TestDefaultThemeTemplatesParse(t *testing.T) {
	theme := Default()
	want := []string{
		"layouts/_default/baseof.html", "layouts/_default/single.html", "layouts/_default/list.html",
		"layouts/_default/taxonomy.html", "layouts/_default/term.html", "layouts/index.html",
		"layouts/404.html", "layouts/partials/head.html", "layouts/partials/header.html",
		"layouts/partials/footer.html", "layouts/partials/pagination.html",
		"layouts/partials/breadcrumbs.html", "layouts/partials/toc.html",
		"layouts/partials/page-meta.html", "layouts/partials/summary.html",
		"layouts/shortcodes/note.html", "layouts/shortcodes/figure.html",
		"assets/css/style.css", "static/favicon.svg", "i18n/zh.toml", "i18n/en.toml",
		// The program pages.
		"layouts/leaders/single.html", "layouts/leaders/list.html", "layouts/leaders/filter.html",
		"layouts/projects/single.html", "layouts/projects/list.html", "layouts/curricula/single.html",
		"layouts/exchange/single.html", "layouts/exchange/list.html", "layouts/exchange/filter.html",
		"layouts/handbook/list.html", "layouts/handbook/stage.html", "layouts/handbook/print.html",
		"layouts/showcase/list.html", "layouts/showcase/filter.html",
		"layouts/partials/dashboard.html", "layouts/partials/leader-card.html",
		"layouts/partials/budget-table.html", "layouts/partials/outcomes-table.html",
		"layouts/shortcodes/stage-badge.html", "layouts/shortcodes/leader-card.html",
		"layouts/shortcodes/budget-table.html", "layouts/shortcodes/outcomes-table.html",
		"assets/css/program.css",
	}
	for _, name := range want {
		if _, err := fs.Stat(theme, name); err != nil {
			t.Errorf("theme file %s: %v", name, err)
		}
	}
	parsed := 0
	err := fs.WalkDir(theme, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		b, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		if _, err := template.New(p).Funcs(stubFuncs()).Parse(string(b)); err != nil {
			t.Errorf("parse %s: %v", p, err)
		}
		parsed++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if parsed < 60 {
		t.Errorf("parsed %d templates, want at least 60", parsed)
	}
}

func TestI18nFilesHaveTheSameKeys(t *testing.T) {
	theme := Default()
	keys := map[string][]string{}
	for _, lang := range []string{"zh", "en"} {
		b, err := fs.ReadFile(theme, "i18n/"+lang+".toml")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if _, err := toml.Decode(string(b), &m); err != nil {
			t.Fatalf("i18n/%s.toml: %v", lang, err)
		}
		for k, v := range m {
			if strings.TrimSpace(v) == "" {
				t.Errorf("i18n/%s.toml: %s is empty", lang, k)
			}
			keys[lang] = append(keys[lang], k)
		}
		sort.Strings(keys[lang])
	}
	if strings.Join(keys["zh"], " ") != strings.Join(keys["en"], " ") {
		t.Errorf("i18n keys differ:\nzh: %v\nen: %v", keys["zh"], keys["en"])
	}
	required := []string{
		"skip_to_content", "menu", "home", "read_more", "reading_time", "words", "published_on",
		"updated_on", "tags", "all_tags", "page_x_of_y", "previous", "next", "newer", "older",
		"not_found_title", "not_found_text", "table_of_contents", "breadcrumbs", "translations",
		"powered_by", "stage_activate", "stage_empower", "stage_showcase", "stage_transmit",
		"leaders", "handbook", "showcase", "exchange", "dashboard", "community", "skills",
	}
	have := map[string]bool{}
	for _, k := range keys["en"] {
		have[k] = true
	}
	for _, k := range required {
		if !have[k] {
			t.Errorf("i18n key %s is missing", k)
		}
	}
}

func TestI18nKeysUsedByTemplatesExist(t *testing.T) {
	theme := Default()
	b, err := fs.ReadFile(theme, "i18n/en.toml")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if _, err := toml.Decode(string(b), &m); err != nil {
		t.Fatal(err)
	}
	err = fs.WalkDir(theme, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		for _, key := range quotedAfter(string(text), `.T "`) {
			if _, ok := m[key]; !ok {
				t.Errorf("%s uses .T %q, which i18n/en.toml lacks", p, key)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestI18nHasEveryProgramLabel checks the keys templates and the build
// make from program values (status_<status>, kind_<kind>, …): a missing one
// would show the bare key on a page.
func TestI18nHasEveryProgramLabel(t *testing.T) {
	values := map[string][]string{
		"stage_":          {"activate", "empower", "showcase", "transmit"},
		"stage_state_":    {"done", "current", "todo"},
		"handbook_intro_": {"activate", "empower", "showcase", "transmit"},
		"status_":         {"drafting", "submitted", "funded", "delivering", "completed", "declined"},
		"scheme_":         {"public-welfare-venture", "micro-venture", "other"},
		"source_":         {"requested", "self", "in-kind", "partner"},
		"phase_":          {"initial", "intermediate", "advanced", "thematic", "mobile", "study-visit"},
		"kind_":           {"thematic", "mobile", "study-visit", "sharing", "other"},
		"topic_":          {"project-design", "project-application", "communication", "team-leadership", "bottleneck"},
		"facet_":          {"stage", "community", "skill", "scheme", "status", "kind", "topic"},
	}
	for _, lang := range []string{"zh", "en"} {
		b, err := fs.ReadFile(Default(), "i18n/"+lang+".toml")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if _, err := toml.Decode(string(b), &m); err != nil {
			t.Fatal(err)
		}
		for prefix, vs := range values {
			for _, v := range vs {
				if m[prefix+v] == "" {
					t.Errorf("i18n/%s.toml lacks %s%s", lang, prefix, v)
				}
			}
		}
		for _, k := range []string{"anonymous_leader", "handbook_print", "leaders", "handbook", "showcase", "exchange"} {
			if m[k] == "" {
				t.Errorf("i18n/%s.toml lacks %s, which the build uses", lang, k)
			}
		}
	}
}

// quotedAfter returns the quoted words that follow each marker in text.
func quotedAfter(text, marker string) []string {
	var out []string
	for {
		i := strings.Index(text, marker)
		if i < 0 {
			return out
		}
		text = text[i+len(marker):]
		if j := strings.IndexByte(text, '"'); j >= 0 {
			out = append(out, text[:j])
		}
	}
}
