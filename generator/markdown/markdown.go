package markdown

import (
	"bytes"
	"errors"
	"sync"

	"github.com/yuin/goldmark"
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
	Line     int  // position of the opening "{{" in the page's file
	Col      int  // its column, in characters
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
	HTML        []byte    // the body HTML
	SummaryHTML []byte    // HTML before a "<!--more-->" line (that line alone on a line), nil if none; the marker never appears in HTML
	TOC         []Heading // headings between TOCMinLevel and TOCMaxLevel, in order
	TOCHTML     []byte    // nested <ul> of links to TOC headings (a <nav> is the theme's job), empty if no headings
	Text        []byte    // plain text of the body (no tags, entities decoded, block boundaries as "\n"), for word counts, summaries and search
	Images      []Image
}

// Renderer converts Markdown pages to HTML. Build it with New; it is safe for
// concurrent use.
type Renderer struct {
	md             goldmark.Markdown
	tocMin, tocMax int
	scratch        sync.Pool // of *scratch, reused between Render calls
}

// scratch holds the buffers one Render call works in.
type scratch struct {
	body bytes.Buffer // source after shortcode expansion
	html bytes.Buffer // goldmark output
	text bytes.Buffer // the page's plain text
	alt  bytes.Buffer // an image's alt text
}

// htmlWriter lets goldmark write straight into a bytes.Buffer: it is the
// util.BufWriter goldmark asks for, with nothing to flush, so no second
// buffer stands in between.
type htmlWriter struct {
	*bytes.Buffer
}

var _ util.BufWriter = htmlWriter{}

// Buffered implements util.BufWriter: all that was written is in the buffer.
func (w htmlWriter) Buffered() int { return w.Len() }

// Flush implements util.BufWriter; there is nothing to flush.
func (w htmlWriter) Flush() error { return nil }

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
	)}
	if opts.Unsafe {
		ropts = append(ropts, html.WithUnsafe())
	}
	r.md = goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.DefinitionList,
			extension.NewCJK(extension.WithEastAsianLineBreaks()),
		),
		goldmark.WithParserOptions(parser.WithAttribute()),
		goldmark.WithRendererOptions(ropts...),
	)
	r.scratch.New = func() any { return &scratch{} }
	return r
}
