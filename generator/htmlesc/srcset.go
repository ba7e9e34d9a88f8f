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
func srcsetEscaper(args ...any) string {
	s, k := stringify(args)
	switch k {
	case kindSrcset:
		return s
	case kindURL:
		return strings.ReplaceAll(processURL(s, true), ",", "%2c")
	}
	if srcsetUnchanged(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	left := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			writeSrcsetCandidate(&b, s[left:i])
			b.WriteByte(',')
			left = i + 1
		}
	}
	writeSrcsetCandidate(&b, s[left:])
	return b.String()
}

// srcsetUnchanged reports whether srcsetEscaper would return s itself.
func srcsetUnchanged(s string) bool {
	for {
		cand, rest, more := strings.Cut(s, ",")
		start, end, ok := splitSrcsetCandidate(cand)
		if !ok || processURL(cand[start:end], true) != cand[start:end] {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// writeSrcsetCandidate writes one srcset candidate to b: as it is with its
// URL normalized when it passes, else "#ZgotmplZ".
func writeSrcsetCandidate(b *strings.Builder, cand string) {
	start, end, ok := splitSrcsetCandidate(cand)
	if !ok {
		b.WriteString("#" + filterFailsafe)
		return
	}
	b.WriteString(cand[:start])
	b.WriteString(processURL(cand[start:end], true))
	b.WriteString(cand[end:])
}

// splitSrcsetCandidate finds the URL of a srcset candidate, cand[start:end]
// after leading white space up to the next white space, and reports
// whether the URL is safe and the metadata after it is only ASCII letters,
// digits and HTML white space.
func splitSrcsetCandidate(cand string) (start, end int, ok bool) {
	for start < len(cand) && isHTMLSpace(cand[start]) {
		start++
	}
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
