package layout

import (
	"maps"
	"path"
	"slices"
	"strings"
)

// candidatePath is a template path under layouts/ that may render a
// page: dir/name.html, or name.html at the top when dir is "".
type candidatePath struct{ dir, name string }

// maxCandidates is the most candidate paths a kind of page has.
const maxCandidates = 4

// candidates lists the template paths under layouts/ that may render a page
// of the given kind, type and layout, best first, in paths[:n]; a path with
// an empty folder or name (the type or layout not given) is left out. Each
// path is tried in the site's layouts/ and then in the theme's before the
// next one.
func candidates(kind, typ, layout string) (paths [maxCandidates]candidatePath, n int) {
	add := func(dir, name string) {
		if dir != "" && name != "" {
			paths[n] = candidatePath{dir, name}
			n++
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
		paths[n] = candidatePath{name: "index"}
		n++
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
		paths[n] = candidatePath{name: "404"}
		n++
	}
	return paths, n
}

// appendPath appends the path p names to b.
func (p candidatePath) appendPath(b []byte) []byte {
	if p.dir != "" {
		b = append(append(b, p.dir...), '/')
	}
	return append(append(b, p.name...), ".html"...)
}

// Lookup returns the template for a page of the given kind ("page",
// "section", "home", "taxonomy", "term" or "404"), content type and layout
// field (may be empty), following the documented candidate order; see
// docs/templates.md. It reports false when no candidate exists, or for an
// unknown kind. The paths are made in a buffer on the stack and looked up
// without copying them (a lookup per page, many thousands in a build).
func (s *Set) Lookup(kind, typ, layout string) (*Template, bool) {
	var buf [128]byte
	paths, n := candidates(kind, typ, layout)
	for _, p := range paths[:n] {
		c, ok := s.composed[string(p.appendPath(buf[:0]))]
		if !ok {
			continue
		}
		if c.alone != nil {
			return c.alone, true
		}
		// baseFor(typ), without the allocation its concatenation costs.
		if typ != "" {
			if b := append(append(buf[:0], typ...), "/baseof.html"...); s.bases[string(b)] {
				t, ok := c.inBase[string(b)]
				return t, ok
			}
		}
		t, ok := c.inBase[defaultBase]
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
