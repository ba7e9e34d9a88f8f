package htmlesc

import "strings"

// htmlNameFilter passes a value placed where an element or attribute name
// goes when it is lower-case ASCII letters and digits (after lower-casing)
// and not the name of an attribute whose value html/template treats as
// anything but plain text; trusted template.HTMLAttr passes as is.
// Anything else becomes filterFailsafe.
func htmlNameFilter(args ...any) string { return htmlNameFilterText(stringify(args)) }

// htmlNameFilterText is htmlNameFilter for one value: the text s of Content k.
func htmlNameFilterText(s string, k Content) string {
	if k == HTMLAttr {
		return s
	}
	if s == "" {
		return filterFailsafe
	}
	s = strings.ToLower(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'z') {
			return filterFailsafe
		}
	}
	if isSpecialAttr(s) {
		return filterFailsafe
	}
	return s
}

// isSpecialAttr reports whether html/template gives the value of the
// attribute called name (lower-case letters and digits only) a content
// type other than plain text: a URL, script, style, srcset, or a value that
// changes how the document or its requests are interpreted.
func isSpecialAttr(name string) bool {
	switch name {
	case "srclang":
		return false
	case "action", "archive", "async", "background", "challenge", "charset",
		"cite", "classid", "codebase", "content", "crossorigin", "data",
		"defer", "enctype", "form", "formaction", "formenctype", "formmethod",
		"formnovalidate", "href", "icon", "keytype", "language", "longdesc",
		"manifest", "method", "novalidate", "pattern", "poster", "profile",
		"rel", "sandbox", "style", "type", "usemap", "value", "xmlns":
		return true
	}
	return strings.HasPrefix(name, "on") ||
		strings.Contains(name, "src") ||
		strings.Contains(name, "uri") ||
		strings.Contains(name, "url")
}

// commentEscaper drops a value placed inside an HTML comment: it returns
// the empty string whatever it is given.
func commentEscaper(args ...any) string {
	return ""
}

// commentEscaperText is commentEscaper for one value: the empty string.
func commentEscaperText(string, Content) string {
	return ""
}
