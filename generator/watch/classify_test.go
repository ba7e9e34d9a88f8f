package watch

import (
	"path/filepath"
	"reflect"
	"testing"
)

func TestClassify(t *testing.T) {
	root := filepath.FromSlash("/site")
	abs := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	tests := []struct {
		name  string
		paths []string
		want  Changes
	}{
		{"config", []string{abs("site.toml")}, Changes{Config: true}},
		{"config relative", []string{"site.toml"}, Changes{Config: true}},
		{"site folder itself", []string{root}, Changes{Config: true}},
		{"content", []string{abs("content/news/a.md"), abs("content/leaders/x/index.md")},
			Changes{Content: []string{"content/leaders/x/index.md", "content/news/a.md"}}},
		{"content folder removed", []string{abs("content/news")}, Changes{Content: []string{"content/news"}}},
		{"duplicates", []string{abs("content/a.md"), abs("content/a.md")}, Changes{Content: []string{"content/a.md"}}},
		{"site layouts", []string{abs("layouts/_default/single.html")}, Changes{Templates: []string{"layouts/_default/single.html"}}},
		{"theme layouts", []string{abs("themes/plain/layouts/index.html")}, Changes{Templates: []string{"themes/plain/layouts/index.html"}}},
		{"site i18n", []string{abs("i18n/zh.toml")}, Changes{Templates: []string{"i18n/zh.toml"}}},
		{"theme i18n", []string{abs("themes/plain/i18n/en.toml")}, Changes{Templates: []string{"themes/plain/i18n/en.toml"}}},
		{"theme other file", []string{abs("themes/plain/theme.toml")}, Changes{Templates: []string{"themes/plain/theme.toml"}}},
		{"whole theme", []string{abs("themes/plain")}, Changes{Templates: []string{"themes/plain"}}},
		{"static", []string{abs("static/img/logo.png")}, Changes{Static: []string{"static/img/logo.png"}}},
		{"theme static", []string{abs("themes/plain/static/favicon.svg")}, Changes{Static: []string{"themes/plain/static/favicon.svg"}}},
		{"static hidden file is copied, so it counts", []string{abs("static/.well-known/security.txt")},
			Changes{Static: []string{"static/.well-known/security.txt"}}},
		{"data", []string{abs("data/team.toml")}, Changes{Data: []string{"data/team.toml"}}},
		{"assets", []string{abs("assets/css/style.css")}, Changes{Assets: []string{"assets/css/style.css"}}},
		{"theme assets", []string{abs("themes/plain/assets/css/style.css")}, Changes{Assets: []string{"themes/plain/assets/css/style.css"}}},
		{"vim swap", []string{abs("content/.a.md.swp"), abs("content/.a.md.swx"), abs("layouts/.x.html.swo")},
			Changes{Ignored: []string{"content/.a.md.swp", "content/.a.md.swx", "layouts/.x.html.swo"}}},
		{"vim swap in static", []string{abs("static/.style.css.swp")}, Changes{Ignored: []string{"static/.style.css.swp"}}},
		{"vim write test", []string{abs("content/4913")}, Changes{Ignored: []string{"content/4913"}}},
		{"backup", []string{abs("content/a.md~")}, Changes{Ignored: []string{"content/a.md~"}}},
		{"emacs autosave and lock", []string{abs("content/#a.md#"), abs("content/.#a.md")},
			Changes{Ignored: []string{"content/#a.md#", "content/.#a.md"}}},
		{"tmp", []string{abs("static/up.tmp")}, Changes{Ignored: []string{"static/up.tmp"}}},
		{"jetbrains", []string{abs("layouts/a.html___jb_tmp___")}, Changes{Ignored: []string{"layouts/a.html___jb_tmp___"}}},
		{"desktop files", []string{abs("static/.DS_Store"), abs("static/Thumbs.db")},
			Changes{Ignored: []string{"static/.DS_Store", "static/Thumbs.db"}}},
		{"hidden folder in content", []string{abs("content/.git/HEAD")}, Changes{Ignored: []string{"content/.git/HEAD"}}},
		{"staging folder", []string{abs(".public.sineng-123/index.html")}, Changes{Ignored: []string{".public.sineng-123/index.html"}}},
		{"staging folder in assets", []string{abs("assets/.out.sineng-old-9/x.css")}, Changes{Ignored: []string{"assets/.out.sineng-old-9/x.css"}}},
		{"output folder at the root", []string{abs("public/index.html")}, Changes{Ignored: []string{"public/index.html"}}},
		{"other root file", []string{abs("README.md")}, Changes{Ignored: []string{"README.md"}}},
		{"outside the site", []string{filepath.FromSlash("/elsewhere/content/a.md")}, Changes{Ignored: []string{filepath.FromSlash("/elsewhere/content/a.md")}}},
		{"mixed", []string{abs("site.toml"), abs("content/a.md"), abs("static/x.css"), abs("content/.a.md.swp")},
			Changes{Config: true, Content: []string{"content/a.md"}, Static: []string{"static/x.css"}, Ignored: []string{"content/.a.md.swp"}}},
		{"nothing", nil, Changes{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(root, tt.paths)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Classify(%q)\n got %+v\nwant %+v", tt.paths, got, tt.want)
			}
		})
	}
}

func TestChangesStylesOnlyAndEmpty(t *testing.T) {
	tests := []struct {
		name       string
		c          Changes
		styles     bool
		emptyBatch bool
	}{
		{"asset css", Changes{Assets: []string{"assets/css/style.css"}}, true, false},
		{"theme asset and static css", Changes{Assets: []string{"themes/x/assets/css/a.css"}, Static: []string{"static/b.css"}}, true, false},
		{"css with ignored files", Changes{Static: []string{"static/b.css"}, Ignored: []string{"static/.b.css.swp"}}, true, false},
		{"css and an image", Changes{Static: []string{"static/b.css", "static/i.png"}}, false, false},
		{"css and content", Changes{Assets: []string{"assets/css/a.css"}, Content: []string{"content/a.md"}}, false, false},
		{"css and config", Changes{Config: true, Assets: []string{"assets/css/a.css"}}, false, false},
		{"css and template", Changes{Assets: []string{"assets/css/a.css"}, Templates: []string{"layouts/index.html"}}, false, false},
		{"css and data", Changes{Assets: []string{"assets/css/a.css"}, Data: []string{"data/x.toml"}}, false, false},
		{"a folder in assets", Changes{Assets: []string{"assets/css"}}, false, false},
		{"only ignored", Changes{Ignored: []string{"content/4913"}}, false, true},
		{"nothing", Changes{}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.StylesOnly(); got != tt.styles {
				t.Errorf("StylesOnly() = %v, want %v", got, tt.styles)
			}
			if got := tt.c.Empty(); got != tt.emptyBatch {
				t.Errorf("Empty() = %v, want %v", got, tt.emptyBatch)
			}
		})
	}
}
