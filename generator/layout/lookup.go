package layout

import (
	"maps"
	"path"
	"slices"
	"strings"
)

// candidates lists the template paths under layouts/ that may render a page
// of the given kind, type and layout, best first. Each path is tried in the
// site's layouts/ and then in the theme's before the next one.
func candidates(kind, typ, layout string) []string {
	var out []string
	add := func(dir, name string) {
		if dir == "" || name == "" {
			return
		}
		out = append(out, dir+"/"+name+".html")
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

// Lookup returns the template for a page of the given kind ("page",
// "section", "home", "taxonomy", "term" or "404"), content type and layout
// field (may be empty), following the documented candidate order; see
// docs/templates.md. It reports false when no candidate exists, or for an
// unknown kind.
func (s *Set) Lookup(kind, typ, layout string) (*Template, bool) {
	for _, rel := range candidates(kind, typ, layout) {
		defines, ok := s.pages[rel]
		if !ok {
			continue
		}
		k := composedKey{page: rel}
		if defines {
			k.base = s.baseFor(typ)
		}
		t, ok := s.composed[k]
		return t, ok
	}
	return nil, false
}

// baseFor returns the baseof.html a page of type typ is applied inside:
// "<typ>/baseof.html" when it exists, else "_default/baseof.html".
func (s *Set) baseFor(typ string) string {
	if typ != "" {
		if b := typ + "/baseof.html"; s.bases[b] {
			return b
		}
	}
	return defaultBase
}

const defaultBase = "_default/baseof.html"

// reachableBases lists the baseof.html files a define-only page template at
// rel can be applied inside. A template under a type folder is reached only
// for that type (or a type of which its folder is a part); one at the top,
// or under _default, for every type.
func (s *Set) reachableBases(rel string) []string {
	dir := path.Dir(rel)
	seen := map[string]bool{}
	var out []string
	add := func(b string) {
		if !seen[b] {
			seen[b] = true
			out = append(out, b)
		}
	}
	if dir == "." || dir == "_default" || strings.HasPrefix(dir, "_default/") {
		add(defaultBase)
		for _, b := range slices.Sorted(maps.Keys(s.bases)) {
			add(b)
		}
	} else {
		parts := strings.Split(dir, "/")
		for i := range parts {
			add(s.baseFor(strings.Join(parts[:i+1], "/")))
		}
	}
	return out
}
