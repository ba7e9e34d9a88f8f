package content

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/frontmatter"
	"github.com/sineng/sineng/internal/rawfile"
)

// Options says where content lives and how to read it. The zero value reads
// "content" under the current folder as one language, "en".
type Options struct {
	Source          string   // site root folder
	ContentDir      string   // folder under Source; default "content"
	Languages       []string // language keys, default first is not implied: see DefaultLanguage
	DefaultLanguage string   // key of the default language; default "en", or Languages[0]
	DefaultInSubdir bool     // put the default language under /<key>/ too
	Taxonomies      []string // plural names of the configured taxonomies ("tags", "skills")
	Workers         int      // parallel readers; default GOMAXPROCS
	// LazyBodies drops each page's body once its front matter is read, so
	// a big site's Markdown is not all held at once: Tree.Body reads it
	// again when it is converted.
	LazyBodies bool
	// KeptBodies is how many bytes of bodies, in total, LazyBodies keeps
	// all the same (first read, first kept): a small site is then read
	// once, and a big one holds at most that much.
	KeptBodies int64
}

func (o *Options) defaults() {
	if o.ContentDir == "" {
		o.ContentDir = "content"
	}
	if o.DefaultLanguage == "" {
		if len(o.Languages) > 0 {
			o.DefaultLanguage = o.Languages[0]
		} else {
			o.DefaultLanguage = "en"
		}
	}
	if len(o.Languages) == 0 {
		o.Languages = []string{o.DefaultLanguage}
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
}

// Tree is every page of a content folder, with sections linked.
type Tree struct {
	// Pages holds every page, made-up sections and homes included, sorted
	// by language (default first) then Path.
	Pages []*Page
	// Homes maps a language key to its home page.
	Homes map[string]*Page
	// Files lists content files that are not Markdown and not inside a
	// leaf bundle (copied as they are), content-relative, sorted.
	Files []string

	byPath map[pathKey]*Page
	// shadowed holds, by File, the pages whose language and Path a later
	// page has too (so byPath holds the later one); ByFile finds every
	// other page through byPath.
	shadowed map[string]*Page
	// failed holds the files (site-relative, "content/…") that had
	// problems and are left out of Pages.
	failed map[string]bool
	names  fileNames     // how File names map to byPath keys
	source string        // the site folder, which File paths are relative to
	root   string        // the content folder, source and ContentDir joined
	calls  rawfile.Calls // how the content folder's files are read
	seed   maphash.Seed  // of the file checksums kept for Body
}

// pathKey finds a page by language and Path.
type pathKey struct{ lang, path string }

// Failed reports whether file (site-relative, "content/…") is a page Load
// left out for its problems, or lies in a folder it could not read: a link
// to it, or a reference to the leader it is, is no problem of its own
// while those are reported.
func (t *Tree) Failed(file string) bool {
	if len(t.failed) == 0 {
		return false
	}
	for f := file; f != "." && f != "/" && f != ""; f = path.Dir(f) {
		if t.failed[f] {
			return true
		}
	}
	return false
}

// FailedFiles returns the files and folders Failed reports, in no order.
func (t *Tree) FailedFiles() []string {
	files := make([]string, 0, len(t.failed))
	for f := range t.failed {
		files = append(files, f)
	}
	return files
}

// ByFile returns the page read from a site-relative file, e.g.
// "content/projects/x.md".
func (t *Tree) ByFile(file string) (*Page, bool) {
	if file == "" {
		return nil, false // made-up pages have no file
	}
	if key, ok := t.names.key(file); ok {
		if p := t.byPath[key]; p != nil && p.File == file {
			return p, true
		}
	}
	p, ok := t.shadowed[file]
	return p, ok
}

// ByPath returns the page of a language at a content-relative path without
// extension ("projects/x", "leaders/wang/index", "news/_index").
func (t *Tree) ByPath(lang, p string) (*Page, bool) {
	pg, ok := t.byPath[pathKey{lang, p}]
	return pg, ok
}

// file is one Markdown file found by the walk, before it is read.
type file struct {
	rel    string // content-relative slash path
	full   string // the path the walk found it at, the content folder joined with rel
	lang   string
	stem   string // rel without extension and language suffix
	bundle bool   // index.md of a leaf bundle
}

// walkAhead is how many files the walk may find before the readers take
// them. The walk finds files several times faster than they are read: with
// a few slots it waits on a full queue, and each time it does, the readers
// drain the queue and wait for it in turn, leaving a core idle (10k pages:
// ≈1,300 such waits, load at ≈1.4 cores; with this many slots, at ≈2).
const walkAhead = 1024

// Load reads the content folder. Problems in files are added to errs (the
// build goes on to find them all); the returned error is for failures that
// stop the walk itself, such as an unreadable content folder.
func Load(ctx context.Context, opts Options, errs *diag.List) (*Tree, error) {
	opts.defaults()
	root := filepath.Join(opts.Source, opts.ContentDir)
	names := newFileNames(opts)
	seed := maphash.MakeSeed()
	calls := rawfile.For(root)
	r := reader{prefix: names.prefix, opts: opts, seed: seed, calls: calls, jobs: make(chan job, walkAhead)}
	r.keep.Store(opts.KeptBodies)
	var unreadable []string
	others, resources, err := walk(root, names, func(f file) bool {
		if ctx.Err() != nil {
			return false
		}
		r.send(f)
		return true
	}, func(rel string, err error) {
		file := path.Join(filepath.ToSlash(opts.ContentDir), rel)
		unreadable = append(unreadable, file) // the walk calls this on its own goroutine, one at a time
		errs.Add(&diag.Error{File: file, Err: fmt.Errorf("cannot read: %w", err)})
	})
	r.wait()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	t := &Tree{Pages: make([]*Page, 0, r.found), Homes: map[string]*Page{}, Files: others, byPath: make(map[pathKey]*Page, r.found), source: opts.Source, root: root, calls: calls, seed: seed, names: names}
	var terms termSets
	sections := map[pathKey]bool{} // the top-level folders holding a page, by language
	var last pathKey               // the one added last: the walk reads a folder's pages together
	r.each(func(p *Page, problems []error) {
		for _, e := range problems {
			errs.Add(e)
		}
		if p == nil {
			for _, e := range problems {
				var de *diag.Error
				if errors.As(e, &de) && de.File != "" {
					if t.failed == nil {
						t.failed = map[string]bool{}
					}
					t.failed[de.File] = true
				}
			}
			return
		}
		if p.Bundle {
			p.Resources = resources[p.Dir]
		}
		p.Terms = terms.share(p.Terms, opts.Taxonomies)
		if k := (pathKey{p.Lang, p.Section}); p.Kind != KindHome && p.Section != "" && k != last {
			sections[k], last = true, k
		}
		t.add(p)
	})
	for _, f := range unreadable {
		if t.failed == nil {
			t.failed = map[string]bool{}
		}
		t.failed[f] = true
	}
	t.assemble(opts, sections)
	return t, nil
}

func (t *Tree) add(p *Page) {
	t.Pages = append(t.Pages, p)
	key := pathKey{p.Lang, p.Path}
	if old := t.byPath[key]; old != nil && old.File != "" {
		if t.shadowed == nil {
			t.shadowed = map[string]*Page{}
		}
		t.shadowed[old.File] = old
	}
	t.byPath[key] = p
}

// Ignored reports editor leftovers and hidden files, which are never
// content (nor data, nor anything else a site folder holds for a build).
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp")
}

// readPage reads and decodes one file the walk found with dec; on a
// problem it appends it to *errs and returns nil, so one bad file never
// hides the others' problems.
// With LazyBodies the file is read into *buf, which is grown and kept for
// the next file: nothing of the page refers to the file's text then (the
// decoder copies what it keeps), but for a body kept within what is left of
// r.keep, which is copied out. Otherwise the page keeps its body and the
// file gets memory of its own.
func (r *reader) readPage(f file, dec *frontmatter.Decoder, buf *[]byte, errs *[]error) *Page {
	opts, keep := r.opts, &r.keep
	siteRel := r.prefix + f.rel
	var into []byte
	if opts.LazyBodies {
		into = *buf
	}
	src, err := r.calls.ReadFile(f.full, into)
	if opts.LazyBodies && cap(src) > cap(*buf) {
		*buf = src
	}
	if err != nil {
		err = diag.PathCause(err)
		*errs = append(*errs, &diag.Error{File: siteRel, Err: fmt.Errorf("cannot read: %w", err)})
		return nil
	}
	m, body, err := dec.Parse(siteRel, src)
	if err != nil {
		*errs = append(*errs, err)
		return nil
	}
	stem := f.stem
	if strings.HasSuffix(siteRel, f.rel) { // and stem begins f.rel
		at := len(siteRel) - len(f.rel)
		stem = siteRel[at : at+len(stem)] // Path, Dir and Section share File's memory
	}
	p := &Page{File: siteRel, Path: stem, Lang: f.lang, Kind: KindPage, Bundle: f.bundle, Matter: m, Body: body}
	base := path.Base(stem)
	switch {
	case stem == "_index":
		p.Kind, p.Dir = KindHome, ""
	case base == "_index":
		p.Kind, p.Dir = KindSection, dirOf(stem)
	case f.bundle:
		p.Dir = dirOf(stem)
	default:
		p.Dir = stem
	}
	container := p.Dir
	if p.Kind == KindPage {
		container = dirOf(p.Dir)
	}
	if p.Kind != KindHome && container != "." {
		p.Section, _, _ = strings.Cut(container, "/")
	}
	if !decodeFields(p, opts, errs) {
		return nil
	}
	// The URL depends on the page alone, so the read workers make it;
	// assemble makes those of the pages it makes up.
	p.RelPermalink, p.OutPath = permalink(p, langPrefix(p.Lang, opts))
	if opts.LazyBodies {
		span, ok := newBodySpan(len(src)-len(body), len(src))
		if ok && keep.Load() >= int64(len(body)) && keep.Add(-int64(len(body))) >= 0 {
			ok = false // kept after all, within the budget
		}
		if ok && len(src) > 0 {
			p.span, p.sum = span, maphash.Bytes(r.seed, src)
			p.Body = nil
		} else {
			// Kept after all (within the budget, a long front matter, or
			// an empty file): the body must not share the worker's
			// buffer, which the next file overwrites.
			p.Body = bytes.Clone(body)
		}
	}
	return p
}

// Body returns a page's Markdown body: the one Load read, or with
// LazyBodies the file's again, checked against what Load read. A file
// changed since then is an error: its front matter may no longer match.
func (t *Tree) Body(p *Page) ([]byte, error) {
	var buf []byte
	return t.ReadBody(p, &buf)
}

// ReadBody is Body reading a file again into *buf, which it grows as
// needed: the body returned then shares *buf's memory until the next call,
// so a caller converting pages one after another can keep one buffer. A
// body Load kept is returned as it is.
func (t *Tree) ReadBody(p *Page, buf *[]byte) ([]byte, error) {
	if p.Body != nil || !p.span.lazy() {
		return p.Body, nil
	}
	name := t.osPath(p.File)
	var src []byte
	var err error
	if size := p.span.size(); size > 0 {
		src, err = t.calls.ReadFileSized(name, int64(size), *buf) // no fstat: Load saw the size
	} else {
		src, err = t.calls.ReadFile(name, *buf)
	}
	if cap(src) > cap(*buf) {
		*buf = src[:0]
	}
	at := p.span.at()
	if err == nil && (len(src) < at || maphash.Bytes(t.seed, src) != p.sum) {
		err = errors.New("the file changed while the site was being built; build again")
	}
	if err != nil {
		return nil, &diag.Error{File: p.File, Err: fmt.Errorf("read: %w", err)}
	}
	return src[at:], nil
}

// osPath is filepath.Join(t.source, filepath.FromSlash(file)) for a
// site-relative file: for one under the content folder, as every page
// Load read is, the content folder and the rest of file joined without
// cleaning the whole path again (the walk found the file there, so the
// rest is clean and stays inside the folder).
func (t *Tree) osPath(file string) string {
	rel, ok := strings.CutPrefix(file, t.names.prefix)
	if !ok || t.root == "" || rel == "" {
		return filepath.Join(t.source, filepath.FromSlash(file))
	}
	rel = filepath.FromSlash(rel)
	switch {
	case t.root == ".":
		return rel
	case os.IsPathSeparator(t.root[len(t.root)-1]):
		return t.root + rel
	}
	return t.root + string(filepath.Separator) + rel
}

// decodeFields fills the shared fields from front matter; it appends every
// wrong type to *errs and returns false if there was one.
func decodeFields(p *Page, opts Options, errs *[]error) bool {
	d := fieldDecoder{page: p, errs: errs}
	data := p.Matter.Data
	p.Title = d.str("title")
	p.Slug = d.str("slug")
	p.URL = d.str("url")
	if bad := badURLSegment(p.URL); bad != "" {
		line, col := p.Position("url")
		*errs = append(*errs, diag.Errorf(p.File, line, col, "url %q has %s: write the path it means", p.URL, bad))
		d.failed = true
	}
	p.Type = d.str("type")
	p.Layout = d.str("layout")
	p.Summary = d.str("summary")
	p.Description = d.str("description")
	p.Audience = d.str("audience")
	p.TranslationKey = d.str("translationKey")
	p.Draft = d.boolean("draft")
	p.Weight = d.integer("weight")
	p.Date = d.date("date")
	p.Lastmod = d.date("lastmod")
	p.PublishDate = d.date("publishDate")
	p.ExpiryDate = d.date("expiryDate")
	p.Aliases = d.strings("aliases")
	for _, tax := range opts.Taxonomies {
		if _, ok := data[tax]; ok {
			if terms := dedupe(d.strings(tax)); len(terms) > 0 {
				if p.Terms == nil {
					p.Terms = map[string][]string{}
				}
				p.Terms[tax] = terms
			}
		}
	}
	if p.Type == "" {
		p.Type = p.Section
	}
	if p.Title == "" {
		p.Title, p.TitleFromFile = fallbackTitle(p), true
	}
	if p.Lastmod.IsZero() {
		p.Lastmod = p.Date
	}
	if p.Date.IsZero() && !p.PublishDate.IsZero() {
		p.Date = p.PublishDate
	}
	if p.TranslationKey == "" {
		p.TranslationKey = p.Path
	}
	return !d.failed
}

// dedupe trims each term and drops empty ones and repeats, keeping the
// first of each. It reuses in, which it owns.
func dedupe(in []string) []string {
	var seen map[string]bool // for long lists only: short ones are searched
	if len(in) > maxScannedTerms {
		seen = make(map[string]bool, len(in))
	}
	out := in[:0]
	for _, s := range in {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			continue
		case seen == nil:
			if slices.Contains(out, s) {
				continue
			}
		case seen[s]:
			continue
		default:
			seen[s] = true
		}
		out = append(out, s)
	}
	return out
}

// maxScannedTerms is the longest list of terms dedupe searches for repeats
// instead of keeping a set.
const maxScannedTerms = 16

// fallbackTitle is the first Markdown heading of the body, else the file or
// bundle folder name.
func fallbackTitle(p *Page) string {
	body := p.Body
	inFence := false
	for len(body) > 0 {
		i := bytes.IndexByte(body, '\n')
		var line string
		if i < 0 {
			line, body = string(body), nil
		} else {
			line, body = string(body[:i]), body[i+1:]
		}
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence || !strings.HasPrefix(t, "#") {
			continue
		}
		h := strings.TrimLeft(t, "#")
		if len(t)-len(h) <= 6 && (h == "" || h[0] == ' ' || h[0] == '\t') {
			h = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(h), "#"))
			if h != "" {
				return h
			}
		}
	}
	ok, name := titleFromName(p)
	if !ok {
		return ""
	}
	return name
}

// titleFromName returns the title a page without title field or heading
// takes from its file or folder name; false for the home page, which has
// none.
func titleFromName(p *Page) (bool, string) {
	switch p.Kind {
	case KindHome:
		return false, ""
	case KindSection:
		return true, path.Base(p.Dir)
	}
	if p.Bundle {
		return true, path.Base(p.Dir)
	}
	return true, path.Base(p.Path)
}

// Published reports whether a page passes the draft, future and expiry
// rules at time now.
func (p *Page) Published(drafts, future, expired bool, now time.Time) bool {
	if p.Draft && !drafts {
		return false
	}
	if !future {
		pub := p.PublishDate
		if pub.IsZero() {
			pub = p.Date
		}
		if !pub.IsZero() && pub.After(now) {
			return false
		}
	}
	if !expired && !p.ExpiryDate.IsZero() && !p.ExpiryDate.After(now) {
		return false
	}
	return true
}

// badURLSegment names what in a url field is no path segment of its own:
// "." or ".." (a path to clean, or one that climbs out of the site) or an
// empty one ("a//b"); "" for none.
func badURLSegment(u string) string {
	for _, seg := range strings.Split(strings.Trim(u, "/"), "/") {
		switch seg {
		case ".", "..":
			return `a "` + seg + `" segment`
		case "":
			if strings.Trim(u, "/") != "" {
				return "an empty segment"
			}
		}
	}
	return ""
}
