// Package highlight colours code blocks with chroma and produces the matching
// stylesheet.
//
// A Highlighter writes HTML that carries CSS classes, never inline styles, so
// one stylesheet (CSS) serves every page. It knows nothing about Markdown or
// the rest of the generator. Its HTML is byte for byte what chroma's HTML
// formatter writes for chroma's coalescing lexer, but it is written token by
// token as the lexer hands them out, and plain text ("text", "plain") is
// only escaped, without running chroma's lexer over it. A Highlighter's
// settings are fixed by New; it keeps a bounded cache of blocks it has
// highlighted, so a block that repeats across pages is tokenised once. It
// is safe for concurrent use.
package highlight

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"text/template"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// DefaultStyle is the chroma style used when New gets an empty or unknown name.
const DefaultStyle = "github"

// Highlighter highlights code blocks with one chroma style. Build it with New;
// it is safe for concurrent use.
type Highlighter struct {
	css   []byte
	spans spanTags // opening span tag of each token type

	// lexers caches the lexer found for each language name, so the slow
	// fallback search in chroma's registry runs once per name. Values are
	// *langLexer, nil for a name chroma does not know.
	lexers sync.Map

	// cache holds the token HTML of blocks already highlighted, bounded.
	cache blockCache

	// scratch pools the *formatScratch buffers blocks are formatted in.
	scratch sync.Pool
}

// langLexer is the lexer of one language name.
type langLexer struct {
	lexer chroma.Lexer // as registered: runs of one type are merged while formatting
	plain bool         // chroma's plaintext lexer, see isPlaintextLexer
}

// formatScratch is what formatting one block works in.
type formatScratch struct {
	html    bytes.Buffer
	pending []byte // the token run being merged
}

// maxPooledScratch is the largest formatting buffer kept for reuse.
const maxPooledScratch = 256 << 10

// New returns a Highlighter for the chroma style named style. An empty or
// unknown name falls back to DefaultStyle.
func New(style string) *Highlighter {
	s := lookupStyle(style)
	h := &Highlighter{css: buildCSS(s), spans: newSpanTags()}
	h.scratch.New = func() any { return &formatScratch{} }
	return h
}

// stringWriter is the writer Block writes to: an io.Writer that also
// writes strings without converting them.
type stringWriter interface {
	io.Writer
	io.StringWriter
}

// plainWriter gives an io.Writer a WriteString.
type plainWriter struct{ io.Writer }

// WriteString implements io.StringWriter.
func (w plainWriter) WriteString(s string) (int, error) { return io.WriteString(w.Writer, s) }

// Block writes code as <pre class="chroma"><code class="language-LANG">…</code></pre>,
// with tokens wrapped in classed spans when chroma knows lang. An unknown
// language is written as escaped plain text in the same wrapper; an empty lang
// leaves out the class attribute. The output depends only on its inputs: it
// is what chroma's HTML formatter writes with classes and without a <pre>
// of its own, given chroma's coalescing lexer for lang.
func (h *Highlighter) Block(w io.Writer, code []byte, lang string) error {
	sw, ok := w.(stringWriter)
	if !ok {
		sw = plainWriter{w}
	}
	lang = strings.TrimSpace(lang)
	if _, err := sw.WriteString(`<pre class="chroma"><code`); err != nil {
		return fmt.Errorf("highlight: write block: %w", err)
	}
	if lang != "" {
		sw.WriteString(` class="language-`)
		template.HTMLEscape(sw, []byte(lang))
		sw.WriteString(`"`)
	}
	sw.WriteString(">")
	switch l := h.lexer(lang); {
	case l == nil:
		template.HTMLEscape(sw, code)
	case l.plain && lexesAsIs(code):
		// Escaping is all chroma would do, and cheaper than a cache lookup.
		escapeHTML(sw, code)
	default:
		html, err := h.tokens(l.lexer, code, lang)
		if err != nil {
			return err
		}
		if _, err := sw.Write(html); err != nil {
			return fmt.Errorf("highlight: write block: %w", err)
		}
	}
	if _, err := sw.WriteString("</code></pre>"); err != nil {
		return fmt.Errorf("highlight: write block: %w", err)
	}
	return nil
}

// tokens returns the HTML of code's tokens, from the cache when the same
// block was highlighted before. The caller must not modify the result.
func (h *Highlighter) tokens(lexer chroma.Lexer, code []byte, lang string) ([]byte, error) {
	key := newCacheKey(lang, code)
	if html, ok := h.cache.get(key); ok {
		return html, nil
	}
	it, err := lexer.Tokenise(nil, string(code))
	if err != nil {
		return nil, fmt.Errorf("highlight: tokenise %s code: %w", lang, err)
	}
	s := h.scratch.Get().(*formatScratch)
	s.html.Reset()
	s.pending = h.spans.formatTokens(&s.html, it, s.pending)
	html := bytes.Clone(s.html.Bytes())
	if s.html.Cap() <= maxPooledScratch && cap(s.pending) <= maxPooledScratch {
		h.scratch.Put(s)
	}
	h.cache.put(key, html)
	return html, nil
}

// lexer returns the lexer for lang, or nil if there is none.
func (h *Highlighter) lexer(lang string) *langLexer {
	if lang == "" {
		return nil
	}
	if v, ok := h.lexers.Load(lang); ok {
		return v.(*langLexer)
	}
	var l *langLexer
	if found := lexers.Get(lang); found != nil {
		l = &langLexer{lexer: found, plain: isPlaintextLexer(found)}
	}
	v, _ := h.lexers.LoadOrStore(lang, l)
	return v.(*langLexer)
}

// CSS returns the stylesheet for the classes Block writes. When the style is
// a light one, a dark counterpart follows inside
// @media (prefers-color-scheme: dark). The caller must not modify the result.
func (h *Highlighter) CSS() []byte { return h.css }
