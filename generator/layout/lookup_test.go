package layout

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

func TestLookupOrder(t *testing.T) {
	theme := mapFS(map[string]string{
		"layouts/_default/single.html":   "theme single",
		"layouts/_default/list.html":     "theme list",
		"layouts/_default/section.html":  "theme section",
		"layouts/_default/taxonomy.html": "theme taxonomy",
		"layouts/_default/wide.html":     "theme wide",
		"layouts/projects/single.html":   "theme projects single",
		"layouts/projects/list.html":     "theme projects list",
		"layouts/index.html":             "theme index",
		"layouts/404.html":               "theme 404",
		"layouts/tags/term.html":         "theme tags term",
		"layouts/partials/x.html":        "partial",
		"layouts/shortcodes/y.html":      "shortcode",
	})
	site := mapFS(map[string]string{
		"_default/single.html":   "site single",
		"leaders/profile.html":   "site leaders profile",
		"projects/timeline.html": "site projects timeline",
		"_default/home.html":     "site home",
	})
	set, err := Load(Options{SiteLayouts: site, Theme: theme, ThemeName: "themes/t"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind, typ, layout string
		want              string // file; "" for a miss
	}{
		{"page", "", "", "layouts/_default/single.html"},                      // site overrides theme file
		{"page", "projects", "", "themes/t/layouts/projects/single.html"},     // type beats _default
		{"page", "projects", "timeline", "layouts/projects/timeline.html"},    // layout field, site
		{"page", "projects", "wide", "themes/t/layouts/projects/single.html"}, // <type>/single before _default/<layout>
		{"page", "events", "wide", "themes/t/layouts/_default/wide.html"},     // _default/<layout>
		{"page", "leaders", "profile", "layouts/leaders/profile.html"},        // site-only type folder
		{"page", "leaders", "", "layouts/_default/single.html"},               // falls back
		{"section", "projects", "", "themes/t/layouts/projects/list.html"},    // <type>/list
		{"section", "projects", "timeline", "layouts/projects/timeline.html"}, // layout set
		{"section", "events", "", "themes/t/layouts/_default/section.html"},   // _default/section before list
		{"home", "", "", "themes/t/layouts/index.html"},                       // index.html first
		{"taxonomy", "tags", "", "themes/t/layouts/_default/taxonomy.html"},   // _default/taxonomy
		{"term", "tags", "", "themes/t/layouts/tags/term.html"},               // <type>/term
		{"term", "skills", "", "themes/t/layouts/_default/list.html"},         // list fallback
		{"404", "", "", "themes/t/layouts/404.html"},                          // 404
		{"rss", "", "", ""}, // unknown kind
		{"page", "partials", "x", "layouts/_default/single.html"},     // partials are not pages
		{"page", "", "../partials/x", "layouts/_default/single.html"}, // no escaping the folder
	}
	for _, tt := range tests {
		got, ok := set.Lookup(tt.kind, tt.typ, tt.layout)
		if tt.want == "" {
			if ok {
				t.Errorf("Lookup(%q, %q, %q) = %s, want a miss", tt.kind, tt.typ, tt.layout, got.Name())
			}
			continue
		}
		if !ok {
			t.Errorf("Lookup(%q, %q, %q) missed, want %s", tt.kind, tt.typ, tt.layout, tt.want)
			continue
		}
		if got.Name() != tt.want {
			t.Errorf("Lookup(%q, %q, %q) = %s, want %s", tt.kind, tt.typ, tt.layout, got.Name(), tt.want)
		}
	}
}

func TestLookupHomeFallsBackToDefaultHome(t *testing.T) {
	set, err := Load(Options{SiteLayouts: mapFS(map[string]string{
		"_default/home.html": "home",
		"_default/list.html": "list",
	})})
	if err != nil {
		t.Fatal(err)
	}
	got, ok := set.Lookup("home", "", "")
	if !ok || got.Name() != "layouts/_default/home.html" {
		t.Fatalf("home lookup = %v, %v; want layouts/_default/home.html", got, ok)
	}
	if _, ok := set.Lookup("404", "", ""); ok {
		t.Error("404 lookup found a template, want a miss")
	}
}

func TestLookupBaseChoice(t *testing.T) {
	theme := mapFS(map[string]string{
		"layouts/_default/baseof.html": `theme-base[{{ block "main" . }}{{ end }}]`,
		"layouts/_default/single.html": `{{ define "main" }}single{{ end }}`,
		"layouts/index.html":           `{{/* home */}}{{ define "main" }}home{{ end }}`,
	})
	site := mapFS(map[string]string{
		"projects/baseof.html": `projects-base[{{ block "main" . }}{{ end }}]`,
		"leaders/single.html":  `{{ define "main" }}leader{{ end }}`,
	})
	set, err := Load(Options{SiteLayouts: site, Theme: theme, ThemeName: "themes/t"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind, typ string
		want      string
		base      string
	}{
		{"page", "", "theme-base[single]", "themes/t/layouts/_default/baseof.html"},
		{"page", "projects", "projects-base[single]", "layouts/projects/baseof.html"},
		{"page", "leaders", "theme-base[leader]", "themes/t/layouts/_default/baseof.html"},
		{"home", "", "theme-base[home]", "themes/t/layouts/_default/baseof.html"},
	}
	for _, tt := range tests {
		tmpl, ok := set.Lookup(tt.kind, tt.typ, "")
		if !ok {
			t.Fatalf("Lookup(%q, %q) missed", tt.kind, tt.typ)
		}
		var b strings.Builder
		if err := set.Execute(&b, tmpl, nil); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want || tmpl.Base() != tt.base {
			t.Errorf("Lookup(%q, %q) renders %q with base %q, want %q with base %q", tt.kind, tt.typ, b.String(), tmpl.Base(), tt.want, tt.base)
		}
	}
}

// candidatesReference is the candidate order as the documentation lists
// it, built as strings: what candidates must name.
func candidatesReference(kind, typ, layout string) []string {
	var out []string
	add := func(dir, name string) {
		if dir != "" && name != "" {
			out = append(out, dir+"/"+name+".html")
		}
	}
	switch kind {
	case "page":
		add(typ, layout)
		add(typ, "single")
		add("_default", layout)
		add("_default", "single")
	case "section":
		add(typ, layout)
		add(typ, "list")
		add("_default", "section")
		add("_default", "list")
	case "home":
		out = append(out, "index.html")
		add("_default", "home")
		add("_default", "list")
	case "taxonomy":
		add(typ, "taxonomy")
		add("_default", "taxonomy")
		add("_default", "list")
	case "term":
		add(typ, "term")
		add("_default", "term")
		add("_default", "list")
	case "404":
		out = append(out, "404.html")
	}
	return out
}

func TestCandidatesFollowTheDocumentedOrder(t *testing.T) {
	long := strings.Repeat("t", 200) // past Lookup's buffer
	for _, kind := range []string{"page", "section", "home", "taxonomy", "term", "404", "rss", ""} {
		for _, typ := range []string{"", "projects", ".", "a/b", long} {
			for _, layout := range []string{"", "wide", "index", "../x", long} {
				paths, n := candidates(kind, typ, layout)
				var got []string
				for _, p := range paths[:n] {
					got = append(got, string(p.appendPath(nil)))
				}
				if want := candidatesReference(kind, typ, layout); !slices.Equal(got, want) {
					t.Errorf("candidates(%q, %q, %q) = %q, want %q", kind, typ, layout, got, want)
				}
			}
		}
	}
}

func TestLookupDoesNotAllocate(t *testing.T) {
	set, err := Load(Options{SiteLayouts: mapFS(map[string]string{
		"_default/baseof.html":   `[{{ block "main" . }}{{ end }}]`,
		"projects/baseof.html":   `p[{{ block "main" . }}{{ end }}]`,
		"_default/single.html":   `{{ define "main" }}single{{ end }}`,
		"_default/list.html":     `list`,
		"projects/timeline.html": `{{ define "main" }}timeline{{ end }}`,
	})})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ kind, typ, layout, want string }{
		{"page", "projects", "timeline", "layouts/projects/timeline.html"},
		{"page", "sessions", "", "layouts/_default/single.html"},
		{"term", "tags", "", "layouts/_default/list.html"},
		{"home", "", "", "layouts/_default/list.html"},
	}
	for _, tt := range tests {
		var got *Template
		allocs := testing.AllocsPerRun(100, func() { got, _ = set.Lookup(tt.kind, tt.typ, tt.layout) })
		if got == nil || got.Name() != tt.want {
			t.Errorf("Lookup(%q, %q, %q) = %v, want %s", tt.kind, tt.typ, tt.layout, got, tt.want)
		}
		if allocs != 0 {
			t.Errorf("Lookup(%q, %q, %q) allocates %v times", tt.kind, tt.typ, tt.layout, allocs)
		}
	}
}
