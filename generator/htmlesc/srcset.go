package htmlesc

import (
	"strings"
)

// srcsetEscaper checks and normalizes a srcset value: each comma-separated
// candidate must be a safe URL (see isSafeURL) followed by metadata made
// of ASCII letters, digits and HTML white space, else it becomes
// "#ZgotmplZ"; URLs are normalized like urlNormalizer does. Trusted
// template.Srcset passes as is; a trusted template.URL is one candidate's
// URL, normalized with its commas encoded.
func srcsetEscaper(args ...any) string { return srcsetEscaperText(stringify(args)) }

// srcsetEscaperText is srcsetEscaper for one value: the text s of Content k.
func srcsetEscaperText(s string, k Content) string {
	switch k {
	case Srcset:
		return s
	case URL:
		return strings.ReplaceAll(processURL(s, true), ",", "%2c")
	}
	// b stays empty while every candidate so far passes unchanged;
	// s[:written] is in b once it is not.
	var b strings.Builder
	written := 0
	for left := 0; left <= len(s); {
		right := len(s)
		if j := strings.IndexByte(s[left:], ','); j >= 0 {
			right = left + j
		}
		// The candidate s[left:right] is replaced by "#ZgotmplZ", or its URL
		// s[from:to] by its normalized form.
		from, to, repl := left, right, "#"+filterFailsafe
		if start, end, ok := splitSrcsetCandidate(s[left:right]); ok {
			from, to = left+start, left+end
			repl = processURL(s[from:to], true)
		}
		if repl != s[from:to] {
			if b.Len() == 0 {
				b.Grow(len(s) + 16)
			}
			b.WriteString(s[written:from])
			b.WriteString(repl)
			written = to
		}
		left = right + 1
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// splitSrcsetCandidate finds the URL of a srcset candidate, cand[start:end]
// after leading white space up to the next white space, and reports
// whether the URL is safe and the metadata after it is only ASCII letters,
// digits and HTML white space.
func splitSrcsetCandidate(cand string) (start, end int, ok bool) {
	start = skipSpace(cand, 0)
	end = len(cand)
	for i := start; i < len(cand); i++ {
		if isHTMLSpace(cand[i]) {
			end = i
			break
		}
	}
	if !isSafeURL(cand[start:end]) {
		return start, end, false
	}
	for i := end; i < len(cand); i++ {
		if c := cand[i]; !isHTMLSpace(c) && !isASCIIAlnum(c) {
			return start, end, false
		}
	}
	return start, end, true
}

// isHTMLSpace reports whether c is ASCII white space as HTML defines it:
// tab, line feed, form feed, carriage return or space.
func isHTMLSpace(c byte) bool {
	switch c {
	case '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}
