// Package highlight colours code blocks with chroma and produces the matching
// stylesheet.
//
// A Highlighter writes HTML that carries CSS classes, never inline styles, so
// one stylesheet (CSS) serves every page. It knows nothing about Markdown or
// the rest of the generator. A Highlighter's settings are fixed by New; it
// keeps a bounded cache of blocks it has highlighted, so a block that repeats
// across pages is tokenised once. It is safe for concurrent use.
package highlight

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"text/template"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// DefaultStyle is the chroma style used when New gets an empty or unknown name.
const DefaultStyle = "github"

// Highlighter highlights code blocks with one chroma style. Build it with New;
// it is safe for concurrent use.
type Highlighter struct {
	style     *chroma.Style
	formatter *chromahtml.Formatter
	css       []byte

	// lexers caches the lexer found for each language name, so the slow
	// fallback search in chroma's registry runs once per name. Values are
	// chroma.Lexer, or nil for a name chroma does not know.
	lexers sync.Map

	// cache holds the token HTML of blocks already highlighted, bounded.
	cache blockCache
}

// New returns a Highlighter for the chroma style named style. An empty or
// unknown name falls back to DefaultStyle.
func New(style string) *Highlighter {
	s := lookupStyle(style)
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))
	return &Highlighter{style: s, formatter: f, css: buildCSS(s)}
}

// lookupStyle returns the registered style called name, or the default one.
func lookupStyle(name string) *chroma.Style {
	if s, ok := styles.Registry[strings.ToLower(strings.TrimSpace(name))]; ok {
		return s
	}
	return styles.Registry[DefaultStyle]
}

// Block writes code as <pre class="chroma"><code class="language-LANG">…</code></pre>,
// with tokens wrapped in classed spans when chroma knows lang. An unknown
// language is written as escaped plain text in the same wrapper; an empty lang
// leaves out the class attribute. The output depends only on its inputs.
func (h *Highlighter) Block(w io.Writer, code []byte, lang string) error {
	lang = strings.TrimSpace(lang)
	if _, err := io.WriteString(w, `<pre class="chroma"><code`); err != nil {
		return fmt.Errorf("highlight: write block: %w", err)
	}
	if lang != "" {
		io.WriteString(w, ` class="language-`)
		template.HTMLEscape(w, []byte(lang))
		io.WriteString(w, `"`)
	}
	io.WriteString(w, ">")
	if lexer := h.lexer(lang); lexer != nil {
		html, err := h.tokens(lexer, code, lang)
		if err != nil {
			return err
		}
		if _, err := w.Write(html); err != nil {
			return fmt.Errorf("highlight: write block: %w", err)
		}
	} else {
		template.HTMLEscape(w, code)
	}
	if _, err := io.WriteString(w, "</code></pre>"); err != nil {
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
	var b bytes.Buffer
	b.Grow(len(code) * 3)
	if err := h.formatter.Format(&b, h.style, it); err != nil {
		return nil, fmt.Errorf("highlight: format %s code: %w", lang, err)
	}
	html := b.Bytes()
	h.cache.put(key, html)
	return html, nil
}

// lexer returns the coalescing lexer for lang, or nil if there is none.
func (h *Highlighter) lexer(lang string) chroma.Lexer {
	if lang == "" {
		return nil
	}
	if v, ok := h.lexers.Load(lang); ok {
		l, _ := v.(chroma.Lexer)
		return l
	}
	var l chroma.Lexer
	if found := lexers.Get(lang); found != nil {
		l = chroma.Coalesce(found)
	}
	v, _ := h.lexers.LoadOrStore(lang, l)
	l, _ = v.(chroma.Lexer)
	return l
}

// CSS returns the stylesheet for the classes Block writes. When the style is
// a light one, a dark counterpart follows inside
// @media (prefers-color-scheme: dark). The caller must not modify the result.
func (h *Highlighter) CSS() []byte { return h.css }
