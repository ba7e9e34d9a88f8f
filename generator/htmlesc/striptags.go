package htmlesc

import (
	"strings"
)

// tagState is where the tag stripper is in an HTML fragment.
type tagState uint8

const (
	inText      tagState = iota // ordinary text
	inTag                       // inside a tag, before an attribute name or '>'
	inAttrName                  // inside an attribute name
	inAfterName                 // after an attribute name, before '=' or the next name
	inBeforeVal                 // after '=', before the value
	inAttrValue                 // inside an attribute value (see tagCtx.end)
	inComment                   // inside <!-- -->
	inRCDATA                    // the body of <title> or <textarea>
	inRawText                   // the body of <script> or <style>
	inBroken                    // after malformed markup: the rest is dropped
)

// element is a tag whose body or attributes the stripper treats specially.
type element uint8

const (
	elemNone element = iota
	elemScript
	elemStyle
	elemTextarea
	elemTitle
	elemMeta
)

// valueEnd is what ends the attribute value being read.
type valueEnd uint8

const (
	endNone        valueEnd = iota // not in an attribute value
	endDoubleQuote                 // "value"
	endSingleQuote                 // 'value'
	endSpaceOrTag                  // value (unquoted)
)

// tagCtx is the stripper's position in the markup.
type tagCtx struct {
	state tagState
	elem  element
	end   valueEnd
}

// stripTags returns the text of an HTML fragment without its tags,
// comments, and script and style bodies, the way html/template reduces
// trusted HTML placed in an attribute value. Text that is not markup comes
// back as is, character references included. It follows html/template's
// scanner, quirks included: the text of a title or textarea body is cut at
// the last '<' before its end tag, and malformed markup drops the rest of
// the fragment.
func stripTags(html string) string {
	if strings.IndexByte(html, '<') < 0 {
		// Every tag, comment and end tag starts with '<'.
		return html
	}
	var b strings.Builder
	c := tagCtx{}
	i := 0
	onlyText := true
	for i != len(html) {
		if c.end != endNone {
			j := strings.IndexAny(html[i:], valueTerminators(c.end))
			if j < 0 {
				break
			}
			if c.end != endSpaceOrTag {
				j++ // the closing quote
			}
			c, i = tagCtx{state: inTag, elem: c.elem}, i+j
			continue
		}
		d, n := step(c, html[i:])
		next := i + n
		if c.state == inText || c.state == inRCDATA {
			j := next
			if d.state != c.state {
				// Stop before the '<' that starts the tag, comment or
				// end tag found (or, in RCDATA, any '<' before it).
				if k := strings.LastIndexByte(html[i:next], '<'); k >= 0 {
					j = i + k
				}
			}
			b.WriteString(html[i:j])
		} else {
			onlyText = false
		}
		c, i = d, next
	}
	if onlyText {
		return html
	}
	if c.state == inText || c.state == inRCDATA {
		b.WriteString(html[i:])
	}
	return b.String()
}

// valueTerminators lists the bytes that end an attribute value.
func valueTerminators(e valueEnd) string {
	switch e {
	case endDoubleQuote:
		return `"`
	case endSingleQuote:
		return "'"
	}
	return " \t\n\f\r>"
}

// step consumes the start of s in context c and returns the context after
// it and the number of bytes consumed.
func step(c tagCtx, s string) (tagCtx, int) {
	if c.elem != elemNone && !isTagState(c.state) {
		return stepElementBody(c, s)
	}
	switch c.state {
	case inText:
		return stepText(c, s)
	case inTag:
		return stepTag(c, s)
	case inAfterName:
		i := skipSpace(s, 0)
		if i == len(s) {
			return c, len(s)
		}
		if s[i] != '=' {
			c.state = inTag
			return c, i
		}
		c.state = inBeforeVal
		return c, i + 1
	case inBeforeVal:
		i := skipSpace(s, 0)
		if i == len(s) {
			return c, len(s)
		}
		c.state, c.end = inAttrValue, endSpaceOrTag
		switch s[i] {
		case '\'':
			c.end, i = endSingleQuote, i+1
		case '"':
			c.end, i = endDoubleQuote, i+1
		}
		return c, i
	case inComment:
		if i := strings.Index(s, "-->"); i >= 0 {
			return tagCtx{}, i + 3
		}
		return c, len(s)
	}
	// inBroken; inAttrName, only entered when a name runs to the end of
	// the input; and states only reached inside attribute values.
	return c, len(s)
}

// isTagState reports whether st is inside a tag's angle brackets.
func isTagState(st tagState) bool {
	switch st {
	case inTag, inAttrName, inAfterName, inBeforeVal, inAttrValue:
		return true
	}
	return false
}

// stepText finds the next tag or comment in text.
func stepText(c tagCtx, s string) (tagCtx, int) {
	k := 0
	for {
		i := strings.IndexByte(s[k:], '<')
		if i < 0 {
			return c, len(s)
		}
		i += k
		if i+1 == len(s) {
			return c, len(s)
		}
		if strings.HasPrefix(s[i:], "<!--") {
			return tagCtx{state: inComment}, i + 4
		}
		i++
		closing := false
		if s[i] == '/' {
			if i+1 == len(s) {
				return c, len(s)
			}
			closing, i = true, i+1
		}
		j, e := tagNameEnd(s, i)
		if j != i {
			if closing {
				e = elemNone
			}
			return tagCtx{state: inTag, elem: e}, j
		}
		k = j
	}
}

// stepTag reads white space then an attribute name or the tag's '>'.
func stepTag(c tagCtx, s string) (tagCtx, int) {
	i := skipSpace(s, 0)
	if i == len(s) {
		return c, len(s)
	}
	if s[i] == '>' {
		switch c.elem {
		case elemMeta, elemNone:
			return tagCtx{state: inText}, i + 1
		case elemScript, elemStyle:
			return tagCtx{state: inRawText, elem: c.elem}, i + 1
		}
		return tagCtx{state: inRCDATA, elem: c.elem}, i + 1
	}
	j, ok := attrNameEnd(s, i)
	if !ok || j == i {
		return tagCtx{state: inBroken}, len(s)
	}
	if j == len(s) {
		return tagCtx{state: inAttrName, elem: c.elem}, j
	}
	return tagCtx{state: inAfterName, elem: c.elem}, j
}

// stepElementBody skips the body of a script, style, title or textarea
// element up to its end tag.
func stepElementBody(c tagCtx, s string) (tagCtx, int) {
	if i := endTagIndex(s, elementName(c.elem)); i >= 0 {
		return tagCtx{}, i
	}
	return c, len(s)
}

// endTagIndex returns the index of the first "</name" in s, name matched
// without regard to case and followed by one of "> \t\n\f/", or -1.
func endTagIndex(s, name string) int {
	off := 0
	for len(s) > 0 {
		i := strings.Index(s, "</")
		if i < 0 {
			return -1
		}
		s = s[i+2:]
		if len(name) <= len(s) && strings.EqualFold(name, s[:len(name)]) {
			s = s[len(name):]
			if len(s) > 0 && strings.IndexByte("> \t\n\f/", s[0]) >= 0 {
				return off + i
			}
			off += len(name)
		}
		off += i + 2
	}
	return -1
}

// elementName is the tag name of e as its end tag spells it.
func elementName(e element) string {
	switch e {
	case elemScript:
		return "script"
	case elemStyle:
		return "style"
	case elemTextarea:
		return "textarea"
	case elemTitle:
		return "title"
	}
	return ""
}

// tagNameEnd returns the end of the tag name starting at s[i] (i itself
// when there is none) and the element it names.
func tagNameEnd(s string, i int) (int, element) {
	if i == len(s) || !isASCIIAlpha(s[i]) {
		return i, elemNone
	}
	j := i + 1
	for j < len(s) {
		x := s[j]
		if isASCIIAlnum(x) {
			j++
			continue
		}
		// "x-y" and "x:y", but not "x-", "-y" or "x--y".
		if (x == ':' || x == '-') && j+1 < len(s) && isASCIIAlnum(s[j+1]) {
			j += 2
			continue
		}
		break
	}
	name := s[i:j]
	for _, e := range [...]element{elemScript, elemStyle, elemTextarea, elemTitle} {
		if strings.EqualFold(name, elementName(e)) {
			return j, e
		}
	}
	if strings.EqualFold(name, "meta") {
		return j, elemMeta
	}
	return j, elemNone
}

// attrNameEnd returns the end of the attribute name starting at s[i], and
// false when a quote or '<' shows the markup is malformed.
func attrNameEnd(s string, i int) (int, bool) {
	for j := i; j < len(s); j++ {
		switch s[j] {
		case ' ', '\t', '\n', '\f', '\r', '=', '>':
			return j, true
		case '\'', '"', '<':
			return -1, false
		}
	}
	return len(s), true
}

// skipSpace returns the index of the first byte from i on that is not HTML
// white space.
func skipSpace(s string, i int) int {
	for i < len(s) && isHTMLSpace(s[i]) {
		i++
	}
	return i
}

// isASCIIAlpha reports whether c is an ASCII letter.
func isASCIIAlpha(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool {
	return isASCIIAlpha(c) || '0' <= c && c <= '9'
}
