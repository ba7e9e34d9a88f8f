package layout

import (
	"testing"

	view "github.com/sineng/sineng/generator/render"
)

// TestViewNavAndTrailInUserTemplates runs templates of a site's own that
// call .Nav and .Trail on render pages, compare them and read them,
// compiled and interpreted, and wants equal Navs and Trails to compare
// equal: one page's calls, and pages with the same ancestors, also past
// the ancestors a Trail holds by value.
func TestViewNavAndTrailInUserTemplates(t *testing.T) {
	site := &view.Site{Menu: []view.MenuEntry{{URL: "/"}, {URL: "/news/"}}, Strings: map[string]string{"a": "<A>"}}
	home := &view.Page{Kind: "home", RelPermalink: "/", Site: site}
	deep := make([]*view.Page, 10)
	for i := range deep {
		deep[i] = home
	}
	pages := []*view.Page{
		home,
		{Kind: "page", RelPermalink: "/news/a/", Ancestors: []*view.Page{home}, Site: site},
		{Kind: "page", RelPermalink: "/news/b/", Ancestors: []*view.Page{home}, Site: site},
		{Kind: "page", RelPermalink: "/x/", Ancestors: deep, Site: site},
	}
	for _, tc := range []struct{ tmpl, want string }{
		{`{{ range . }}[{{ if eq (.Nav "/") (.Nav "/") }}eq{{ else }}ne{{ end }}{{ if eq .Trail .Trail }}eq{{ else }}ne{{ end }}]{{ end }}`,
			`[eqeq][eqeq][eqeq][eqeq]`},
		{`{{ $first := index . 1 }}{{ range . }}[{{ eq .Trail $first.Trail }}{{ eq (.Nav "/") ($first.Nav "/") }}]{{ end }}`,
			`[falsefalse][truetrue][truetrue][falsefalse]`},
		{`{{ range . }}[{{ with .Trail }}{{ len .Pages }}{{ end }}|{{ (.Nav "/").IsHome }}{{ (.Nav "/").Home }}|{{ .T "a" }}]{{ end }}`,
			`[0|true/|&lt;A&gt;][1|false/|&lt;A&gt;][1|false/|&lt;A&gt;][10|false/|&lt;A&gt;]`},
		{`{{ range . }}<a aria-current="{{ (.Nav "/").Current 1 }}">{{ end }}`,
			`<a aria-current=""><a aria-current="true"><a aria-current="true"><a aria-current="">`},
	} {
		opts := Options{SiteLayouts: mapFS(map[string]string{"_default/single.html": tc.tmpl})}
		for _, p := range []setPair{loadPair(t, opts), loadBuildPair(t, opts)} {
			want := executePage(p.interp, "page", pages)
			got := executePage(p.comp, "page", pages)
			if !want.same(got) {
				t.Errorf("%s:\ncompiled:    %s\ninterpreted: %s", tc.tmpl, got, want)
			}
			if want.err != nil || want.out != tc.want {
				t.Errorf("%s:\ngot  %s\nwant %s", tc.tmpl, want, tc.want)
			}
		}
	}
}
