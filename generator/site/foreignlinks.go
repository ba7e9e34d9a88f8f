package site

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/sineng/sineng/generator/content"
)

// A relative link or image in a page's body may name a file of another
// page's bundle ("../wu/cv.pdf", "../../leaders/wang-fang/photo.jpg"). As
// written it would print that bundle's folder in the page, where a leader
// without name consent is published away from a folder named after the
// person, and point at a file the build may not publish at all (a picture
// of a portfolio without photo consent, a page left out of the build). So
// such a link is resolved against the published bundles: to the file's
// published URL, or else to an error that says why it is not there; a
// link to a bundle's folder ("../wang-fang/") goes to its page the same
// way, and a loose file of content/, which is never published, is an
// error. Anything else stays as written: a file of the page's own bundle,
// an absolute path, a URL, and a relative path that names nothing in
// content/ (a home page's "images/logo.png" from static/, "../" to a
// section).

// bundleIndex maps each bundle folder of the content ("content/leaders/wu")
// to its pages, one per language, published or not. It is made once the
// views are, before any page converts, and only read after.
type bundleIndex map[string][]*content.Page

// newBundleIndex indexes the bundles of pages.
func newBundleIndex(pages []*content.Page) bundleIndex {
	idx := bundleIndex{}
	for _, p := range pages {
		if p.Bundle && p.File != "" {
			dir := path.Dir(p.File)
			idx[dir] = append(idx[dir], p)
		}
	}
	return idx
}

// owner returns the bundle page holding file (site-relative), in lang when
// it has one there, and the file's name in the bundle; nil when no bundle
// holds it.
func (idx bundleIndex) owner(file, lang string) (*content.Page, string) {
	for d := path.Dir(file); strings.Contains(d, "/"); d = path.Dir(d) {
		ps := idx[d]
		if len(ps) == 0 {
			continue
		}
		p := ps[0]
		for _, q := range ps {
			if q.Lang == lang {
				p = q
			}
		}
		return p, file[len(d)+1:]
	}
	return nil, ""
}

// foreignFile returns the site-relative file ("content/…") that dest, a
// link or image destination, names when dest is relative, names no
// Markdown file and leads out of the linking page's own bundle into the
// content folder; with the query and fragment dest ends with.
func (r linkResolver) foreignFile(dest string) (file, suffix string, ok bool) {
	if dest == "" || dest[0] == '#' || dest[0] == '?' || hasScheme(dest) || strings.HasPrefix(dest, "//") {
		return "", "", false
	}
	plain := dest
	if i := strings.IndexAny(plain, "?#"); i >= 0 {
		plain, suffix = plain[:i], plain[i:]
	}
	if strings.IndexByte(plain, '%') >= 0 {
		u, err := url.PathUnescape(plain)
		if err != nil {
			return "", "", false
		}
		plain = u
	}
	if plain == "" || strings.HasSuffix(plain, ".md") {
		return "", "", false // a page: Resolve's own business
	}
	if plain[0] == '/' {
		// A site path is a URL, but one that spells a bundle's folder
		// ("/leaders/wang-fang/photo.jpg", also under the base URL's path
		// and a language's folder: "/sub/en/leaders/wang-fang/cv.pdf")
		// names that bundle's file.
		for _, rel := range r.b.sitePathCandidates(plain) {
			if file = path.Join("content", rel); r.inBundle(file) {
				return file, suffix, true
			}
		}
		return "", "", false
	}
	climbs := strings.HasPrefix(plain, "../") || strings.Contains(plain, "/../") || plain == ".."
	if r.st.page.Bundle && !climbs {
		return "", "", false // the page's own bundle, as written: relative to its URL
	}
	file = path.Join(r.dir, plain)
	if !strings.HasPrefix(file, "content/") {
		return "", "", false
	}
	// A link that climbs out and back into the page's own bundle
	// ("../wang-fang/cv.pdf") spells its folder: it is resolved too.
	return file, suffix, true
}

// inBundle reports whether the site-relative file is a leaf bundle's
// folder or lies inside one, by the content tree, which conversion may
// read at any time.
func (r linkResolver) inBundle(file string) bool {
	for d := file; strings.Contains(d, "/"); d = path.Dir(d) {
		if p, ok := r.b.tree.ByFile(d + "/index.md"); ok && p.Bundle {
			return true
		}
	}
	return false
}

// hasScheme reports whether dest starts with a URL scheme ("https:",
// "mailto:").
func hasScheme(dest string) bool {
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case c == ':':
			return i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// resolveForeign returns the published URL of file, which a link names
// (foreignFile), with suffix: a bundle's folder as its page's URL, a file
// of a bundle as the file's; or an error saying why the build does not
// publish it. handled is false for a path that names nothing in content/,
// which the link keeps as written.
func (r linkResolver) resolveForeign(file, suffix string) (u string, handled bool, err error) {
	for d := file; strings.Contains(d, "/"); d = path.Dir(d) {
		if r.b.tree.Failed(d) || r.b.tree.Failed(path.Join(d, "index.md")) {
			return "", false, nil // its bundle's page has problems of its own, reported
		}
	}
	if ps := r.b.bundles[file]; len(ps) > 0 {
		owner, _ := r.b.bundles.owner(file+"/index.md", r.st.page.Lang)
		st := r.b.byPage[owner]
		if st == nil || st.view == nil {
			return "", true, r.b.notInBuild(file, owner)
		}
		return st.view.RelPermalink + strings.TrimPrefix(suffix, "/"), true, nil
	}
	owner, name := r.b.bundles.owner(file, r.st.page.Lang)
	if owner == nil {
		if !r.b.sourceIsFile(file) {
			return "", false, nil
		}
		return "", true, fmt.Errorf("%s is not published: a file in content/ is published only in a page bundle, beside its index.md (shared files go in static/)", file)
	}
	st := r.b.byPage[owner]
	if st == nil || st.view == nil {
		return "", true, r.b.notInBuild(file, owner)
	}
	for _, res := range st.view.Resources {
		if res.Name == name {
			return res.RelPermalink + suffix, true, nil
		}
	}
	if !r.b.sourceIsFile(file) {
		return "", true, fmt.Errorf("no such file: %s", file)
	}
	return "", true, fmt.Errorf("%s is not published with %s in the %s build (a portfolio without photo consent publishes no picture)", file, owner.File, r.b.opts.Audience)
}

// notInBuild is the error of a link to file, of the bundle page owner,
// which the build leaves out.
func (b *builder) notInBuild(file string, owner *content.Page) error {
	why := b.excluded[owner]
	if why == "" {
		why = "it is not published"
	}
	return fmt.Errorf("%s belongs to %s, which is not in the %s build: %s", file, owner.File, b.opts.Audience, why)
}

// sourceIsFile reports whether the site-relative file is a regular file.
func (b *builder) sourceIsFile(file string) bool {
	info, err := os.Stat(filepath.Join(b.opts.Source, filepath.FromSlash(file)))
	return err == nil && info.Mode().IsRegular()
}

// sitePathCandidates returns the content-relative paths a site path may
// spell: as it is, without the base URL's path, and without a language's
// URL folder after that.
func (b *builder) sitePathCandidates(p string) []string {
	out := []string{p}
	if b.base != "" && b.base != "/" && strings.HasPrefix(p, b.base) {
		p = "/" + strings.TrimPrefix(p, b.base)
		out = append(out, p)
	}
	for _, l := range b.cfg.Languages() {
		if f := b.langFolder(l.Code); f != "" && strings.HasPrefix(p, "/"+f) {
			out = append(out, "/"+strings.TrimPrefix(p, "/"+f))
		}
	}
	return out
}
