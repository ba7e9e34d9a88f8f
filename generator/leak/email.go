package leak

import (
	"bytes"
	"strings"
)

// scanEmails appends a hit for every e-mail address in data that is not on
// the allow list, and records in allowed the spans of those that are. It
// looks at each '@', and at each "mailto:" for percent-encoded addresses.
func (s *Scanner) scanEmails(data []byte, hits []hit, allowed *[]hit) []hit {
	for off := 0; off < len(data); {
		j := bytes.IndexByte(data[off:], '@')
		if j < 0 {
			break
		}
		at := off + j
		off = at + 1
		start := at
		for start > 0 && isLocalByte(data[start-1]) {
			start--
		}
		for start < at && data[start] == '.' {
			start++
		}
		if start == at {
			continue
		}
		end := domainEnd(data, at+1)
		if end < 0 {
			continue
		}
		h := hit{kind: KindEmail, start: start, end: end}
		if s.allowed(string(data[start:end])) {
			*allowed = append(*allowed, h)
		} else {
			hits = append(hits, h)
		}
		off = end
	}
	return s.scanMailto(data, hits)
}

// scanMailto appends a hit for every address in a "mailto:" link that is
// written with a percent-encoded '@' ("mailto:jane%40example.org"); those
// with a plain '@' are found by scanEmails.
func (s *Scanner) scanMailto(data []byte, hits []hit) []hit {
	for off := 0; off < len(data); {
		j := bytes.IndexByte(data[off:], ':')
		if j < 0 {
			break
		}
		colon := off + j
		off = colon + 1
		if colon < 6 || !bytes.EqualFold(data[colon-6:colon], []byte("mailto")) {
			continue
		}
		end := off
		for end < len(data) && !isURLEnd(data[end]) {
			end++
		}
		// Several addresses are separated by commas, plain or encoded.
		for part := off; part < end; {
			next := part + bytes.IndexByte(data[part:end], ',')
			if next < part {
				next = end
			}
			if h, ok := s.encodedAddress(data, part, next); ok {
				hits = append(hits, h)
			}
			part = next + 1
		}
		off = end
	}
	return hits
}

// encodedAddress reports the address in data[start:end], a part of a mailto
// link, when it has no plain '@' but one percent-encoded, decodes to a valid
// address and is not allowed.
func (s *Scanner) encodedAddress(data []byte, start, end int) (hit, bool) {
	raw := data[start:end]
	if bytes.IndexByte(raw, '@') >= 0 || bytes.IndexByte(raw, '%') < 0 {
		return hit{}, false
	}
	addr := percentDecode(raw)
	at := strings.IndexByte(addr, '@')
	if at <= 0 || domainEnd([]byte(addr), at+1) != len(addr) || s.allowed(addr) {
		return hit{}, false
	}
	return hit{kind: KindEmail, start: start, end: end, text: addr}, true
}

// allowed reports whether addr, or its whole domain, is on the allow list.
func (s *Scanner) allowed(addr string) bool {
	addr = strings.ToLower(addr)
	if s.allowAddr[addr] {
		return true
	}
	at := strings.LastIndexByte(addr, '@')
	return at >= 0 && s.allowDomain[addr[at+1:]]
}

// isLocalByte reports whether b may appear in the local part of an address
// (the practical subset: letters, digits and . _ % + -).
func isLocalByte(b byte) bool {
	return isAlnum(b) || b == '.' || b == '_' || b == '%' || b == '+' || b == '-'
}

// isURLEnd reports whether b ends the address part of a mailto link.
func isURLEnd(b byte) bool {
	switch b {
	case '"', '\'', '<', '>', '?', '#', '&', ';', ')', '(', ' ', '\t', '\n', '\r', '\\':
		return true
	}
	return false
}

// domainEnd reads the domain of an address starting at p and returns where
// it ends, or -1 when there is none: two or more labels of letters, digits
// and hyphens joined by dots, the last of two or more letters and not a file
// extension. A dot that ends a sentence is not part of the domain.
func domainEnd(data []byte, p int) int {
	labels, end, tld := 0, -1, p
	for i := p; ; i++ {
		s := i
		for i < len(data) && (isAlnum(data[i]) || data[i] == '-') {
			i++
		}
		if i == s {
			break
		}
		labels++
		tld, end = s, i
		if i+1 >= len(data) || data[i] != '.' || !isAlnum(data[i+1]) {
			break
		}
	}
	if labels < 2 || end-tld < 2 {
		return -1
	}
	for _, b := range data[tld:end] {
		if !isASCIILetter(b) {
			return -1
		}
	}
	if isFileExtension(data[tld:end]) {
		return -1
	}
	return end
}

// isFileExtension reports whether a would-be TLD is a common file extension
// of a site's assets, so "logo@2x.png" is a file name, not an address.
func isFileExtension(tld []byte) bool {
	var low [5]byte
	if len(tld) > len(low) {
		return false
	}
	for k, b := range tld {
		low[k] = b | 0x20
	}
	switch string(low[:len(tld)]) {
	case "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico", "tif", "tiff",
		"css", "js", "mjs", "json", "xml", "html", "htm", "txt", "csv", "pdf",
		"woff", "ttf", "otf", "webm", "map":
		return true
	}
	return false
}

// percentDecode undoes %XX escapes; a malformed escape is kept as is.
func percentDecode(b []byte) string {
	var out strings.Builder
	out.Grow(len(b))
	for k := 0; k < len(b); k++ {
		if b[k] == '%' && k+2 < len(b) {
			hi, ok1 := unhex(b[k+1])
			lo, ok2 := unhex(b[k+2])
			if ok1 && ok2 {
				out.WriteByte(hi<<4 | lo)
				k += 2
				continue
			}
		}
		out.WriteByte(b[k])
	}
	return out.String()
}

// unhex returns the value of a hexadecimal digit.
func unhex(b byte) (byte, bool) {
	switch {
	case isDigit(b):
		return b - '0', true
	case b|0x20 >= 'a' && b|0x20 <= 'f':
		return b | 0x20 - 'a' + 10, true
	}
	return 0, false
}
