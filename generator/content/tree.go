package content

import (
	"net/url"
	"slices"
	"strings"
)

// assemble makes up missing homes and the missing sections of the
// top-level folders in sections (a page's language and Section), links
// every page to its section, and computes the URLs and output paths of the
// pages it makes up (Load's readers make the others').
func (t *Tree) assemble(opts Options, sections map[pathKey]bool) {
	made := len(t.Pages) // the pages from here on are made up
	for _, lang := range opts.Languages {
		if _, ok := t.byPath[pathKey{lang, "_index"}]; !ok {
			t.add(&Page{Path: "_index", Lang: lang, Kind: KindHome, Type: "home", TranslationKey: "_index", Matter: emptyMatter()})
		}
	}
	// Top-level folders are sections even without an _index.md; they are
	// made in order of language, then name.
	keys := make([]pathKey, 0, len(sections))
	for k := range sections {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b pathKey) int {
		if c := strings.Compare(a.lang, b.lang); c != 0 {
			return c
		}
		return strings.Compare(a.path, b.path)
	})
	for _, k := range keys {
		lang, sec := k.lang, k.path
		if _, ok := t.byPath[pathKey{lang, sec + "/_index"}]; !ok {
			t.add(&Page{Path: sec + "/_index", Dir: sec, Lang: lang, Kind: KindSection, Section: sec, Type: sec,
				Title: sec, TitleFromFile: true, TranslationKey: sec + "/_index", Matter: emptyMatter()})
		}
	}
	for _, p := range t.Pages[made:] {
		p.RelPermalink, p.OutPath = permalink(p, langPrefix(p.Lang, opts))
	}

	sortPages(t.Pages, opts)

	var parents sectionCache
	for _, p := range t.Pages {
		if p.Kind == KindHome {
			t.Homes[p.Lang] = p
			continue
		}
		p.Parent = parents.of(t, p)
		if p.Kind == KindSection {
			p.Parent.Subsections = append(p.Parent.Subsections, p)
		} else {
			p.Parent.Pages = append(p.Parent.Pages, p)
		}
	}
}

// langPrefix is the folder a language's pages go in: "" for the default
// language unless it has one too, else the language key.
func langPrefix(lang string, opts Options) string {
	if lang != opts.DefaultLanguage || opts.DefaultInSubdir {
		return lang
	}
	return ""
}

// sectionCache remembers the section found for the last folder asked
// about: pages sorted by language and Path come a folder at a time, so
// most pages ask for the folder the page before them asked for.
type sectionCache struct {
	lang, dir string
	section   *Page
	ok        bool
}

// of finds the nearest enclosing section of p's language, as
// t.sectionIn(p.Lang, parentDir(p)) does, looking it up again only when
// p's language or folder differs from the last page's. The tree's byPath
// map must not change between calls.
func (c *sectionCache) of(t *Tree, p *Page) *Page {
	dir := parentDir(p)
	if !c.ok || c.lang != p.Lang || c.dir != dir {
		c.lang, c.dir, c.section, c.ok = p.Lang, dir, t.sectionIn(p.Lang, dir), true
	}
	return c.section
}

// parentDir is the content-relative folder whose section holds p, "." or
// "" when that is the home page.
func parentDir(p *Page) string {
	if p.Kind == KindSection || p.Bundle || p.Kind == KindPage {
		return dirOf(p.Dir)
	}
	return p.Dir
}

// sectionIn finds the section of a language at the folder dir or nearest
// above it, else the language's home page.
func (t *Tree) sectionIn(lang, dir string) *Page {
	for dir != "." && dir != "" {
		if s, ok := t.byPath[pathKey{lang, dir + "/_index"}]; ok {
			return s
		}
		dir = dirOf(dir)
	}
	return t.byPath[pathKey{lang, "_index"}]
}

// permalink computes a page's URL path (percent-encoded) and its output
// file (a slash path, not encoded).
func permalink(p *Page, langPrefix string) (rel, out string) {
	var segs []string
	if langPrefix != "" {
		segs = append(segs, langPrefix)
	}
	if p.URL != "" {
		u := strings.Trim(p.URL, "/")
		if langPrefix != "" && (u == langPrefix || strings.HasPrefix(u, langPrefix+"/")) {
			segs = nil
		}
		if u != "" {
			segs = append(segs, strings.Split(u, "/")...)
		}
		if strings.HasSuffix(u, ".html") || strings.HasSuffix(u, ".xml") || strings.HasSuffix(u, ".json") {
			return paths(segs, false)
		}
		return paths(segs, true)
	}
	switch p.Kind {
	case KindHome:
	case KindSection:
		segs = append(segs, strings.Split(p.Dir, "/")...)
		if p.Slug != "" {
			segs[len(segs)-1] = Slugify(p.Slug)
		}
	default:
		segs = append(segs, strings.Split(p.Dir, "/")...)
		last := segs[len(segs)-1]
		if p.Slug != "" {
			last = Slugify(p.Slug)
		} else {
			last = Slugify(last)
		}
		segs[len(segs)-1] = last
	}
	return paths(segs, true)
}

// paths returns a page's URL path, encode(segs, dir), and its output file:
// join(segs, "index.html") for a folder, else the segments joined. When no
// segment needs escaping the two share one string, "/a/b/index.html" for
// "/a/b/" and "a/b/index.html", as every page keeps both.
func paths(segs []string, dir bool) (rel, out string) {
	const index = "index.html"
	if slices.ContainsFunc(segs, func(s string) bool { return url.PathEscape(s) != s }) {
		if dir {
			return encode(segs, true), join(segs, index)
		}
		return encode(segs, false), strings.Join(segs, "/")
	}
	if !dir {
		full := encode(segs, false)
		return full, full[1:]
	}
	full := encodeThen(segs, true, index)
	return full[:len(full)-len(index)], full[1:]
}

func join(segs []string, file string) string {
	if len(segs) == 0 {
		return file
	}
	return strings.Join(segs, "/") + "/" + file
}

// encode builds a URL path from segments, percent-encoding each the same
// way everywhere (links, feeds, sitemap).
func encode(segs []string, dir bool) string {
	return encodeThen(segs, dir, "")
}

// encodeThen is encode followed by tail, in one string.
func encodeThen(segs []string, dir bool, tail string) string {
	n := len(tail) // the length without escapes: '/' before each segment, and one closing a folder or standing alone
	for _, s := range segs {
		n += 1 + len(s)
	}
	if dir || len(segs) == 0 {
		n++
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteByte('/')
	for i, s := range segs {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(url.PathEscape(s))
	}
	if dir && len(segs) > 0 {
		b.WriteByte('/')
	}
	b.WriteString(tail)
	return b.String()
}

// EncodePath percent-encodes each segment of a slash path the way page URLs
// are encoded.
func EncodePath(p string) string {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	if p == "/" || p == "" {
		return "/"
	}
	return encode(segs, strings.HasSuffix(p, "/"))
}
