package markdown

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// textEscaper is the html.Writer goldmark's renderers write a page's text
// with: html.DefaultWriter, but for text that holds none of the bytes it
// changes, which it writes whole. goldmark's writer looks at every byte
// twice (once for backslash escapes and character references, once more
// for the characters HTML escapes) and writes a text in pieces; most of a
// page's text has nothing for either to do.
type textEscaper struct {
	// write and raw mark the bytes that html.DefaultWriter's Write and
	// RawWrite may write other than as they are.
	write, raw [256]bool
	general    html.Writer
}

var _ html.Writer = (*textEscaper)(nil)

// newTextEscaper returns a textEscaper that hands text with a byte it
// cannot write as it is to html.DefaultWriter.
func newTextEscaper() *textEscaper {
	e := &textEscaper{general: html.DefaultWriter}
	// RawWrite escapes what util.EscapeHTMLByte escapes (NUL, '"', '&',
	// '<' and '>'). Write also reads backslash escapes and character
	// references (at a '&', escaped already), replaces NUL (escaped too)
	// and writes everything else through RawWrite.
	for c := range 256 {
		e.raw[c] = util.EscapeHTMLByte(byte(c)) != nil
		e.write[c] = e.raw[c] || c == '\\'
	}
	return e
}

// asIs reports whether no byte of src is marked in special.
func asIs(src []byte, special *[256]bool) bool {
	for _, c := range src {
		if special[c] {
			return false
		}
	}
	return true
}

// Write implements html.Writer.
func (e *textEscaper) Write(w util.BufWriter, src []byte) {
	if asIs(src, &e.write) {
		_, _ = w.Write(src)
		return
	}
	e.general.Write(w, src)
}

// RawWrite implements html.Writer.
func (e *textEscaper) RawWrite(w util.BufWriter, src []byte) {
	if asIs(src, &e.raw) {
		_, _ = w.Write(src)
		return
	}
	e.general.RawWrite(w, src)
}

// SecureWrite implements html.Writer.
func (e *textEscaper) SecureWrite(w util.BufWriter, src []byte) {
	e.general.SecureWrite(w, src)
}
