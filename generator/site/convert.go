package site

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/sineng/sineng/generator/markdown"
	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/generator/text"
)

// renderMarkdown converts every published page's body on all cores, with
// its word counts and derived summary. Each worker writes only its page's
// own slots. Pages the helper converted while assembly ran (early.go) go
// first and are not converted again.
//
// With the theme's own templates (and outside a Session), a page is
// filled and its own output made as soon as the run of pages it is
// converted in is done (see convertRun), when that output shows no other
// page's body; its HTML is then dropped unless a handbook page prints it,
// so the build never holds every page's HTML.
// The theme's shortcodes and page templates read only other pages' front
// matter fields, which are final before this stage. A site's own templates
// may read anything: then every view is filled afterwards on one
// goroutine and everything is rendered in the next stage, so templates and
// shortcodes never race with conversion.
func (b *builder) renderMarkdown(context.Context) error {
	b.compiling.Wait()
	if b.md == nil {
		return nil
	}
	if !b.keep {
		b.dropMatter()
	}
	if err := b.prepareSearch(); err != nil {
		return err // runBuild stops the helper
	}
	stream := b.streams()
	var sp *streamPlan
	pages := b.pages
	if stream {
		b.runner = newJobRunner(b, b.planJobs())
		sp = b.planStream(b.runner.jobs)
		// Stop the helper (it finishes the page or batch of folders in
		// hand). The pages it converted go first: their outputs are
		// made, and their HTML dropped, in the first runs.
		pages = earlyFirst(sp.order, b.stopEarly())
	} else {
		b.stopEarly() // the helper made folders only
	}
	// Bodies are read into buffers reused from page to page: nothing
	// conversion keeps refers to the Markdown source.
	var bufs sync.Pool
	b.runs(len(pages), convertRun, func(lo, hi int) {
		run := pages[lo:hi]
		var ok [convertRun]bool
		buf, _ := bufs.Get().(*[]byte)
		if buf == nil {
			buf = new([]byte)
		}
		for i, st := range run {
			ok[i] = st.early || b.convertPage(st, buf)
		}
		bufs.Put(buf)
		for i, st := range run {
			if ok[i] {
				b.addToSearch(st)
			}
		}
		if !stream {
			return
		}
		for i, st := range run {
			if ok[i] {
				b.fillView(st)
				sp.converted(b.runner, st)
			}
		}
	})
	if !stream {
		for _, st := range b.pages {
			b.fillView(st)
		}
		// A site's keyed partial run by a shortcode above may have kept
		// output made from views not filled yet.
		if b.layout != nil {
			b.layout.ClearFragments()
		}
	}
	return nil
}

// convertRun is the most pages a worker converts before it indexes them
// for search and then renders their outputs. Doing one kind of work for a
// whole run keeps its code and tables (goldmark's and the highlighter's,
// the search adder's, the templates') in the core's caches: page by page,
// a 10k build took ≈10% more CPU (≈5% for the runs, ≈4% more for indexing
// apart from converting). Runs shrink towards the end (parallel.Runs), and
// what waits is at most a run's pages a worker.
const convertRun = 256

// convertPage reads and converts one page's body; it reports whether the
// page converted without problems (it adds them to the build's list
// otherwise).
func (b *builder) convertPage(st *pageState, buf *[]byte) bool {
	if st.page.File == "" || st.view == nil {
		return false
	}
	body, err := b.tree.ReadBody(st.page, buf)
	if err == nil {
		err = b.convert(st, body)
	}
	st.page.Body = nil // converted: the Markdown source is not needed again
	if err != nil {
		b.errs.Add(err)
		return false
	}
	return true
}

// convert renders one page's Markdown body into its own slots: HTML, word
// counts, derived summary. It returns the page's problems; the slots are
// filled either way, as far as conversion got.
func (b *builder) convert(st *pageState, body []byte) error {
	res, err := b.md.Render(body, b.bodyContext(st, newLinkResolver(b, st), b.shortcodes(st)))
	b.keepConverted(st, res)
	return err
}

// bodyContext is the Markdown context of st's body: its file and first
// line for positions, links resolved by links, shortcodes run by sc.
func (b *builder) bodyContext(st *pageState, links markdown.LinkResolver, sc markdown.ShortcodeFunc) markdown.Context {
	return markdown.Context{File: st.page.File, LineOffset: st.page.Matter.BodyLine, Links: links, Shortcodes: sc, NoImages: b.hidesPictures(st)}
}

// keepConverted puts a page's conversion into its slots, with the word
// counts and the derived summary of its text.
func (b *builder) keepConverted(st *pageState, res markdown.Result) {
	st.counts = text.Measure(res.Text)
	st.plain = text.Summary(res.Text, b.cfg.SummaryLength)
	// The plain text is kept once: the search index shares the string.
	st.text = res.Text
	res.Text = ""
	st.md = res
}

// fillView copies a converted page's body-derived fields into its view:
// content, table of contents, counts, summary and, when the page gives
// none, its description. It warns about images without alt text.
func (b *builder) fillView(st *pageState) {
	v := st.view
	if v == nil || st.page.File == "" {
		return
	}
	res := &st.md
	v.Content = template.HTML(res.HTML)
	v.TableOfContents = template.HTML(res.TOCHTML)
	v.WordCount, v.ReadingTime = st.counts.CJK+st.counts.Latin, st.counts.Minutes()
	plain := st.plain
	switch {
	case st.page.Summary != "":
		v.Summary = template.HTML(html.EscapeString(st.page.Summary))
		plain = st.page.Summary
	case res.HasSummary:
		v.Summary = template.HTML(res.SummaryHTML)
	default:
		v.Summary = template.HTML(html.EscapeString(plain))
	}
	if v.Description == "" || st.derivedDescription {
		v.Description = plain
		st.derivedDescription = true
	}
	for _, img := range res.Images {
		if strings.TrimSpace(img.Alt) == "" {
			b.errs.Warnf(st.page.File, img.Line, img.Col, "image %s has no alt text", img.Dest)
		}
	}
	// The view holds all of it now: drop the converter's copies.
	st.md = markdown.Result{}
}

// shortcodes returns the shortcode runner of one page.
func (b *builder) shortcodes(st *pageState) markdown.ShortcodeFunc {
	return func(sc markdown.Shortcode) (string, error) {
		if b.layout == nil {
			return "", nil // templates failed to load; that error is reported already
		}
		if !b.layout.HasShortcode(sc.Name) {
			return "", fmt.Errorf("unknown shortcode %q (no layouts/shortcodes/%s.html)", sc.Name, sc.Name)
		}
		if !sc.Closed && !sc.SelfClosed && b.layout.ShortcodeReadsInner(sc.Name) {
			return "", markdown.ErrUnclosed // its template shows content: the closing tag is missing
		}
		data := &render.Shortcode{
			Name: sc.Name, Args: sc.Named, Params: sc.Args, InnerRaw: sc.Inner,
			Page: st.view, Site: st.view.Site, Resolve: newLinkResolver(b, st).Resolve,
		}
		if data.Args == nil {
			data.Args = map[string]string{}
		}
		if sc.Inner != "" && !sc.Markdown {
			res, err := b.md.Render([]byte(sc.Inner), markdown.Context{
				File: st.page.File, LineOffset: sc.Line, Links: newLinkResolver(b, st), Shortcodes: b.shortcodes(st),
				NoImages: b.hidesPictures(st),
			})
			if err != nil {
				return "", err
			}
			data.Inner = template.HTML(res.HTML)
		} else {
			data.Inner = template.HTML(sc.Inner)
		}
		return b.layout.Shortcode(sc.Name, data)
	}
}

// publishedFileURLs maps the file of every published page with a view to
// the page's URL: the answer of linkResolver for a link to that file, in
// one lookup instead of the tree's and the builder's (≈47k links at 10k
// pages). A file missing from it is resolved the long way, which explains
// why it is not published.
func (b *builder) publishedFileURLs() map[string]string {
	urls := make(map[string]string, len(b.pages))
	for _, st := range b.pages {
		if st.page.File != "" && st.view != nil {
			urls[st.page.File] = st.view.RelPermalink
		}
	}
	return urls
}

// joinClean appends path.Join(dir, dest) to buf when it can tell the
// result without cleaning, as it can for the links pages carry ("x.md",
// "../../news/2024/y.md"): dir is clean and relative, dest is zero or
// more "../" that each drop one of dir's folders, then plain names. It
// reports false otherwise: a ".." climbing above dir, an empty, "." or
// ".." name after the first plain one, a rooted path.
func joinClean(buf []byte, dir, dest string) ([]byte, bool) {
	if dir == "" || dir[0] == '/' || dir == ".." || strings.HasPrefix(dir, "../") {
		return nil, false
	}
	if dir == "." {
		dir = ""
	}
	for strings.HasPrefix(dest, "../") {
		if dir == "" {
			return nil, false
		}
		dest = dest[len("../"):]
		i := strings.LastIndexByte(dir, '/')
		dir = dir[:max(i, 0)]
	}
	if !plainNames(dest) {
		return nil, false
	}
	if dir != "" {
		buf = append(buf, dir...)
		buf = append(buf, '/')
	}
	return append(buf, dest...), true
}

// plainNames reports whether every "/"-separated element of p is a name:
// not empty, ".", or "..". An empty p has one empty element.
func plainNames(p string) bool {
	start := 0
	for i := 0; i <= len(p); i++ {
		if i < len(p) && p[i] != '/' {
			continue
		}
		if elem := p[start:i]; elem == "" || elem == "." || elem == ".." {
			return false
		}
		start = i + 1
	}
	return true
}

// linkResolver maps a page's relative links to content files onto the
// URLs of the pages they name.
type linkResolver struct {
	b   *builder
	st  *pageState // the linking page
	dir string     // the folder of the linking page's file, which its links are relative to
}

// newLinkResolver returns the link resolver of st's body.
func newLinkResolver(b *builder, st *pageState) linkResolver {
	return linkResolver{b: b, st: st, dir: path.Dir(st.page.File)}
}

// Resolve implements markdown.LinkResolver.
func (r linkResolver) Resolve(dest string, image bool) (string, error) {
	if file, suffix, ok := r.foreignFile(dest); ok {
		if u, handled, err := r.resolveForeign(file, suffix); handled {
			return u, err
		}
		return dest, nil // names nothing in content/: as written
	}
	if strings.HasPrefix(dest, "/") {
		return dest, nil // a site path of no bundle: as written
	}
	u, file, query, ok := r.known(dest, image)
	if ok {
		return u, nil
	}
	// Not a published page: say why.
	target, found := r.b.tree.ByFile(file)
	if !found {
		if r.b.tree.Failed(file) {
			return dest, nil // its own problems are reported; this build writes nothing
		}
		return "", fmt.Errorf("no such page: %s", file)
	}
	st := r.b.byPage[target]
	if st == nil || st.view == nil {
		why := r.b.excluded[target]
		if why == "" {
			why = "it is not published"
		}
		return "", fmt.Errorf("%s is not in the %s build: %s", file, r.b.opts.Audience, why)
	}
	return st.view.RelPermalink + query, nil
}

// known resolves dest as far as linkURLs answers it, which is every link
// but one to a content file that is not a published page: it returns the
// URL and true, or else the linked file, the link's query and false.
func (r linkResolver) known(dest string, image bool) (u, file, query string, ok bool) {
	raw := dest
	if i := strings.IndexByte(dest, '?'); i >= 0 {
		dest, query = dest[:i], dest[i:]
	}
	if image {
		if u, ok := r.renamedPicture(dest); ok {
			return u + query, "", "", true
		}
		return raw, "", "", true
	}
	if strings.IndexByte(dest, '%') >= 0 {
		if u, err := url.PathUnescape(dest); err == nil {
			dest = u
		}
	}
	if !strings.HasSuffix(dest, ".md") {
		return raw, "", "", true
	}
	var buf [256]byte
	if joined, ok := joinClean(buf[:0], r.dir, dest); ok {
		if u, ok := r.b.linkURLs[string(joined)]; ok {
			return u + query, "", "", true
		}
		file = string(joined)
	} else {
		file = path.Join(r.dir, dest)
		if u, ok := r.b.linkURLs[file]; ok {
			return u + query, "", "", true
		}
	}
	return "", file, query, false
}

// renamedPicture returns where a Markdown image of the page's own bundle
// points once published, when publishing re-encoded the picture under
// another name (pic.gif, pic.bmp, pic.tif, pic.webp → pic.png; a PNG
// saved as photo.jpg → photo.png): the link keeps its folder and takes
// the new file name. It reads what processImages decided, so only a
// page's run may call it: an early conversion (knownLinks) answers image
// links itself.
func (r linkResolver) renamedPicture(dest string) (string, bool) {
	name, ok := r.bundleFile(dest)
	if !ok {
		return "", false
	}
	vs := r.st.images[name]
	if len(vs) == 0 || vs[0].Name == path.Base(name) {
		return "", false
	}
	cut := strings.LastIndexByte(dest, '/') + 1
	// The link's last segment must be the file's name, so that only that
	// segment changes: not "gallery%2Fpic.gif" or "pic.gif/.".
	if last, err := url.PathUnescape(dest[cut:]); err != nil || last != path.Base(name) {
		return "", false
	}
	file := (&url.URL{Path: vs[0].Name}).EscapedPath()
	if cut == 0 && strings.IndexByte(file, ':') >= 0 {
		file = "./" + file // not a scheme: "a:b.png" would be one
	}
	return dest[:cut] + file, true
}

// bundleFile returns the bundle-relative name of the file of the page's
// own bundle that dest names ("pic.gif", "./gallery/a.gif",
// "my%20pic.gif"); false for any other link. dest is what Resolve gets:
// relative (the markdown package leaves out schemes and links starting
// with '/', '#' or '?'), without its fragment, and here without its query.
func (r linkResolver) bundleFile(dest string) (string, bool) {
	if !r.st.page.Bundle {
		return "", false
	}
	if strings.IndexByte(dest, '%') >= 0 {
		u, err := url.PathUnescape(dest)
		if err != nil {
			return "", false
		}
		dest = u
	}
	name := path.Clean(dest)
	if name == "." || name == ".." || strings.HasPrefix(name, "../") {
		return "", false
	}
	_, found := slices.BinarySearch(r.st.page.Resources, r.st.page.Dir+"/"+name)
	return name, found
}
