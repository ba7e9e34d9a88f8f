package site

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"path"
	"strings"

	"github.com/sineng/sineng/generator/markdown"
	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/generator/text"
)

// renderMarkdown converts every published page's body on all cores, with
// its word counts and derived summary. Each worker writes only its page's
// own slots; views are filled afterwards on one goroutine, so templates and
// shortcodes never race with conversion.
func (b *builder) renderMarkdown(context.Context) error {
	if b.md == nil {
		return nil
	}
	b.parallel(len(b.pages), func(i int) {
		st := b.pages[i]
		if st.page.File == "" || st.view == nil {
			return
		}
		if err := b.convert(st, st.page.Body); err != nil {
			b.errs.Add(err)
		}
		st.page.Body = nil // converted: the Markdown source is not needed again
	})
	// Views are filled on one goroutine: a shortcode of one page may read
	// another page's view while the workers above run.
	for _, st := range b.pages {
		b.fillView(st)
	}
	return nil
}

// convert renders one page's Markdown body into its own slots: HTML, word
// counts, derived summary. It returns the page's problems; the slots are
// filled either way, as far as conversion got.
func (b *builder) convert(st *pageState, body []byte) error {
	res, err := b.md.Render(body, markdown.Context{
		File:       st.page.File,
		LineOffset: st.page.Matter.BodyLine,
		Links:      linkResolver{b: b, from: st},
		Shortcodes: b.shortcodes(st),
	})
	st.counts = text.Measure(res.Text)
	st.plain = text.Summary(res.Text, b.cfg.SummaryLength)
	// The plain text is kept once, as a string the search index shares.
	st.text = string(res.Text)
	res.Text = nil
	st.md = res
	return err
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
	case res.SummaryHTML != nil:
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
	// The view holds the HTML now: drop the converter's copies.
	res.HTML, res.SummaryHTML, res.TOCHTML = nil, nil, nil
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
		data := &render.Shortcode{
			Name: sc.Name, Args: sc.Named, Params: sc.Args, InnerRaw: sc.Inner,
			Page: st.view, Site: st.view.Site,
		}
		if data.Args == nil {
			data.Args = map[string]string{}
		}
		if sc.Inner != "" && !sc.Markdown {
			res, err := b.md.Render([]byte(sc.Inner), markdown.Context{
				File: st.page.File, LineOffset: sc.Line, Links: linkResolver{b: b, from: st}, Shortcodes: b.shortcodes(st),
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

// linkResolver maps a page's relative links to content files onto the
// URLs of the pages they name.
type linkResolver struct {
	b    *builder
	from *pageState
}

// Resolve implements markdown.LinkResolver.
func (r linkResolver) Resolve(dest string, image bool) (string, error) {
	raw := dest
	query := ""
	if i := strings.IndexByte(dest, '?'); i >= 0 {
		dest, query = dest[:i], dest[i:]
	}
	if u, err := url.PathUnescape(dest); err == nil {
		dest = u
	}
	if image || !strings.HasSuffix(dest, ".md") {
		return raw, nil
	}
	file := path.Join(path.Dir(r.from.page.File), dest)
	target, ok := r.b.tree.ByFile(file)
	if !ok {
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
