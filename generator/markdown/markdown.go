package markdown

import (
	"bytes"
	"errors"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/sineng/sineng/generator/highlight"
)

// Options configures a Renderer. The zero value is ready to use.
type Options struct {
	// Unsafe keeps raw HTML from the Markdown in the output. When false,
	// raw HTML is omitted.
	Unsafe bool
	// Highlight colours fenced and indented code blocks. Nil means
	// highlight.New("").
	Highlight *highlight.Highlighter
	// TOCMinLevel and TOCMaxLevel bound the heading levels listed in the
	// table of contents; zero means 2 and 4.
	TOCMinLevel, TOCMaxLevel int
}

// LinkResolver maps relative link/image destinations of one page.
type LinkResolver interface {
	// Resolve is called for every link or image destination that is relative
	// (no scheme, not starting with '/', '#', '?', or "mailto:"). It returns the URL to
	// write instead, or an error (e.g. a link to a content file that does not exist).
	// dest never contains the "#fragment"; Render appends it to the result.
	Resolve(dest string, image bool) (string, error)
}

// Shortcode is one shortcode call found in a page.
type Shortcode struct {
	Name  string
	Args  []string          // positional args, quotes removed
	Named map[string]string // key="value" args
	// Inner is the content between opening and closing tag ("" if
	// self-closing). Shortcodes nested inside it are already expanded:
	// {{% %}} ones as their Markdown, {{< >}} ones as placeholder tokens
	// that Render replaces with their HTML in the final page.
	Inner    string
	Markdown bool // true for {{% %}} form: its output is Markdown, rendered with the page
	Closed   bool // true when a closing tag was found, even with empty Inner
	// SelfClosed is true for the {{< name />}} form: a call that says it
	// has no content.
	SelfClosed bool
	Line       int // position of the opening "{{" in the page's file
	Col        int // its column, in characters
}

// ShortcodeFunc expands one shortcode call into HTML (for the {{< >}} form)
// or Markdown (for the {{% %}} form). An error wrapping ErrUnclosed, returned
// for a call without a closing tag, is reported as an unclosed shortcode.
type ShortcodeFunc func(sc Shortcode) (string, error)

// ErrUnclosed is what a ShortcodeFunc returns, possibly wrapped, when the
// shortcode needs a closing tag and sc.Closed is false.
var ErrUnclosed = errors.New("shortcode needs a closing tag")

// Context carries what Render needs to know about one page.
type Context struct {
	File       string        // the page's path, for error messages
	LineOffset int           // 1-based line in File where src starts (front matter above it); positions in errors are src line + LineOffset - 1
	Links      LinkResolver  // may be nil: links are written as they are
	Shortcodes ShortcodeFunc // may be nil: then any shortcode is an error "unknown shortcode"
	// NoImages leaves every Markdown image out of the page, with its alt
	// text (and a paragraph it leaves empty): a leader's portfolio
	// published without photo consent shows no picture, not even a
	// broken one.
	NoImages bool
}

// Heading is one entry of a page's table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string // plain text of the heading
}

// Image is one Markdown image of a page.
type Image struct {
	Dest string // destination as written to the HTML, after resolving
	Alt  string // plain text of the alt text
	Line int    // position of the image in the page's file
	Col  int
}

// Result is what Render makes of one page.
type Result struct {
	HTML        string    // the body HTML
	SummaryHTML string    // HTML before a "<!--more-->" line (that line alone on a line), shared with HTML; "" if none (HasSummary says which)
	HasSummary  bool      // the body has a "<!--more-->" line; the marker never appears in HTML
	TOC         []Heading // headings between TOCMinLevel and TOCMaxLevel, in order; their Text may share Text's memory
	TOCHTML     string    // nested <ul> of links to TOC headings (a <nav> is the theme's job), empty if no headings
	Text        string    // plain text of the body (no tags, entities decoded, block boundaries as "\n"), for word counts, summaries and search
	Images      []Image
}

// Renderer converts Markdown pages to HTML. Build it with New; it is safe for
// concurrent use.
type Renderer struct {
	md             goldmark.Markdown
	plain          parser.Parser // md's parser without linkify, for pages it would not change (needsLinkify)
	tocMin, tocMax int
	scratch        sync.Pool // of *scratch, reused between Render calls
}

// scratch holds the buffers one Render call works in.
type scratch struct {
	page     page          // the state of the call
	body     bytes.Buffer  // source after shortcode expansion
	html     bytes.Buffer  // goldmark output
	text     bytes.Buffer  // the page's plain text
	alt      bytes.Buffer  // an image's alt text
	dests    []byte        // resolved link and image destinations, back to back
	headings []pageHeading // the page's headings, in order
	ids      headingIDs    // the page's element IDs
	out      htmlWriter    // what goldmark writes the page to
	// paragraphs are the nodes of the page's paragraphs, reset once the
	// page's tree is dropped (putScratch)
	paragraphs paragraphSlab
}

// htmlWriter lets goldmark write straight into a bytes.Buffer: it is the
// util.BufWriter goldmark asks for, with nothing to flush, so no second
// buffer stands in between. It also carries the heading IDs of the page
// being written to the heading renderer, which gets nothing else of the
// page but its source and nodes.
type htmlWriter struct {
	*bytes.Buffer
	ids  []renderedID // generated IDs of headings without attributes, in order
	next int          // index in ids of the next heading, as headings are written in order
}

// renderedID is the generated ID of a heading.
type renderedID struct {
	node *ast.Heading
	id   string
}

var _ util.BufWriter = (*htmlWriter)(nil)

// Buffered implements util.BufWriter: all that was written is in the buffer.
func (w *htmlWriter) Buffered() int { return w.Len() }

// Flush implements util.BufWriter; there is nothing to flush.
func (w *htmlWriter) Flush() error { return nil }

// headingID returns the generated ID of heading n, if it has one.
func (w *htmlWriter) headingID(n *ast.Heading) (string, bool) {
	if w.next < len(w.ids) && w.ids[w.next].node == n {
		w.next++
		return w.ids[w.next-1].id, true
	}
	for i, r := range w.ids {
		if r.node == n {
			w.next = i + 1
			return r.id, true
		}
	}
	return "", false
}

// New builds a Renderer for opts.
func New(opts Options) *Renderer {
	h := opts.Highlight
	if h == nil {
		h = highlight.New("")
	}
	r := &Renderer{tocMin: opts.TOCMinLevel, tocMax: opts.TOCMaxLevel}
	if r.tocMin <= 0 {
		r.tocMin = 2
	}
	if r.tocMax <= 0 {
		r.tocMax = 4
	}
	if r.tocMax < r.tocMin {
		r.tocMax = r.tocMin
	}
	ropts := []renderer.Option{renderer.WithNodeRenderers(
		util.Prioritized(codeBlockRenderer{h: h}, 100),
		util.Prioritized(pageNodeRenderer{}, 100),
		util.Prioritized(headingRenderer{unsafe: opts.Unsafe}, 100),
		util.Prioritized(newTableCellRenderer(), 100),
		util.Prioritized(newLinkRenderer(opts.Unsafe), 100),
	), html.WithWriter(newTextEscaper())}
	if opts.Unsafe {
		ropts = append(ropts, html.WithUnsafe())
	}
	exts := []goldmark.Extender{
		extension.Footnote,
		extension.DefinitionList,
		extension.NewCJK(extension.WithEastAsianLineBreaks()),
	}
	r.md = goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(append([]goldmark.Extender{extension.GFM}, exts...)...),
		goldmark.WithParserOptions(parser.WithAttribute()),
		goldmark.WithRendererOptions(ropts...),
	)
	// The parser for pages linkify cannot change (needsLinkify): the same
	// extensions, with GFM's other three in place of GFM.
	r.plain = goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(append([]goldmark.Extender{extension.Table, extension.Strikethrough, extension.TaskList}, exts...)...),
		goldmark.WithParserOptions(parser.WithAttribute()),
	).Parser()
	r.scratch.New = func() any { return &scratch{} }
	return r
}
