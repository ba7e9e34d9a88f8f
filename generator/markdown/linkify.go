package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/util"
)

// needsLinkify reports whether goldmark's linkify extension (part of GFM)
// might make a difference to the page body b. A page it cannot change is
// parsed without it, which spares goldmark a text node, a trial parse and
// a search for an e-mail address at almost every space of the page.
//
// Linkify makes a link only out of text starting "www.", an "http://",
// "https://" or "ftp://" URL or an e-mail address, so a body without
// "www.", "://" or '@' gets none. Its other effect is that goldmark, when
// some inline parser waits for spaces, ends the text node it is making at
// every space and '(' (joining the pieces again but for the line's last),
// and trims trailing white space off a line's last piece only. The pieces
// render as the whole would, unless the line's text ends in white space:
// then the last piece is white space alone, trimmed to nothing, while the
// white space before it is kept, and in an image's alt text the empty
// piece's line break is written even between two wide characters. So
// every line must end, once a '\r' and the two spaces of a hard line
// break are taken off, in a character that is not white space, or be
// blank.
func needsLinkify(b []byte) bool {
	if bytes.IndexByte(b, '@') >= 0 || bytes.Contains(b, []byte("www.")) || bytes.Contains(b, []byte("://")) {
		return true
	}
	// Line by line: searching for the ends of lines that end in white
	// space instead takes longer, as spaces are everywhere in text.
	for len(b) > 0 {
		line := b
		newline := false
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b, newline = b[:i], b[i+1:], true
		} else {
			b = nil
		}
		if !lineEndsInText(line, newline) {
			return true
		}
	}
	return false
}

// lineEndsInText reports whether a line (without its '\n'; newline says
// whether it had one) is blank or its inline text, as goldmark cuts it,
// ends in a character that is not white space.
func lineEndsInText(line []byte, newline bool) bool {
	n := len(line)
	if n == 0 || !util.IsSpace(line[n-1]) {
		return true
	}
	if line[n-1] == '\r' {
		n--
	}
	if newline && n >= 2 && line[n-1] == ' ' && line[n-2] == ' ' {
		n -= 2 // a hard line break, left out of the text
	}
	if n == 0 || !util.IsSpace(line[n-1]) {
		return true
	}
	return util.IsBlank(line)
}
