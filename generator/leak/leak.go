package leak

import (
	"bytes"
	"slices"
	"strings"
)

// Rules configures a Scanner. The zero value scans for ID numbers, mobile
// numbers, bank cards and every e-mail address, with no roster.
type Rules struct {
	// AllowEmails lists the addresses that may appear in output, usually the
	// site's contact setting. Matching ignores case; an entry "@example.org"
	// allows every address at exactly that domain, not its subdomains.
	AllowEmails []string
	// Roster lists the names of residents and leaders, kept by the team
	// outside the published tree; any occurrence of one is a finding.
	Roster []string
}

// Kind names what sort of personal data a Finding is.
type Kind string

// The kinds of personal data a Scanner finds.
const (
	KindIDNumber   Kind = "id-number"   // Chinese resident ID number
	KindMobile     Kind = "mobile"      // mainland mobile phone number
	KindEmail      Kind = "email"       // e-mail address not on the allow list
	KindBankCard   Kind = "bank-card"   // bank card number
	KindRosterName Kind = "roster-name" // a name from the roster
)

// Finding is one piece of personal data in scanned bytes.
type Finding struct {
	Kind Kind
	// Match is the matched text, masked for display: the first three and
	// last two characters with "********" between (only the first and last
	// for text under ten characters), or for a roster name its first
	// character and "*".
	Match string
	// Offset is the byte offset of the match in the scanned data.
	Offset int
	// Line and Col are the 1-based position of the match; Col counts bytes.
	Line int
	Col  int
}

// Scanner finds personal data in bytes. It is built once by NewScanner,
// never changes afterwards and is safe for concurrent use.
type Scanner struct {
	allowAddr   map[string]bool // lower-case addresses let through
	allowDomain map[string]bool // lower-case domains let through whole
	roster      *matcher        // nil when the roster is empty
}

// NewScanner builds a Scanner for r. Roster names are trimmed of spaces and
// empty ones dropped; LoadRoster is where names too short to be useful are
// refused.
func NewScanner(r Rules) *Scanner {
	s := &Scanner{allowAddr: map[string]bool{}, allowDomain: map[string]bool{}}
	for _, a := range r.AllowEmails {
		a = strings.ToLower(strings.TrimSpace(a))
		a = strings.TrimPrefix(a, "mailto:")
		switch {
		case a == "" || a == "@":
		case strings.HasPrefix(a, "@"):
			s.allowDomain[a[1:]] = true
		default:
			s.allowAddr[a] = true
		}
	}
	s.roster = newMatcher(r.Roster)
	return s
}

// hit is a match before masking and positioning.
type hit struct {
	kind       Kind
	start, end int    // byte span in the scanned data
	text       string // the text to mask when it is not data[start:end]
}

// Scan returns the personal data in data, in offset order. It only reads
// data.
func (s *Scanner) Scan(data []byte) []Finding {
	var allowed []hit
	hits := s.scanEmails(data, nil, &allowed)
	hits = scanDigits(data, hits)
	if s.roster != nil {
		hits = s.roster.find(data, hits)
		hits = s.findEncoded(data, hits)
	}
	if len(hits) == 0 {
		return nil
	}
	if len(allowed) > 0 {
		hits = slices.DeleteFunc(hits, func(h hit) bool {
			return h.kind != KindEmail && h.kind != KindRosterName && inside(h, allowed)
		})
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.kind != b.kind {
			return strings.Compare(string(a.kind), string(b.kind))
		}
		return b.end - a.end // longest first
	})
	hits = slices.CompactFunc(hits, func(a, b hit) bool {
		return a.start == b.start && a.kind == b.kind
	})
	return position(data, hits)
}

// inside reports whether h lies within one of the spans.
func inside(h hit, spans []hit) bool {
	for _, sp := range spans {
		if h.start >= sp.start && h.end <= sp.end {
			return true
		}
	}
	return false
}

// position turns sorted hits into findings with masked text, line and column.
func position(data []byte, hits []hit) []Finding {
	out := make([]Finding, len(hits))
	line, lineStart, pos := 1, 0, 0
	for i, h := range hits {
		seg := data[pos:h.start]
		if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
			line += n
			lineStart = pos + bytes.LastIndexByte(seg, '\n') + 1
		}
		pos = h.start
		text := h.text
		if text == "" {
			text = string(data[h.start:h.end])
		}
		out[i] = Finding{
			Kind:   h.kind,
			Match:  mask(h.kind, text),
			Offset: h.start,
			Line:   line,
			Col:    h.start - lineStart + 1,
		}
	}
	return out
}

// findEncoded appends the roster names written percent-encoded inside a
// URL ("/people/%E7%8E%8B%E7%A7%80%E8%8B%B1", "?q=Wang%20Fang" or
// "Wang+Fang" in a query): a link's destination is printed encoded, so a
// name in it escapes the plain scan. Each run of URL characters holding a
// %XX escape is decoded (+ as a space) and scanned; a name found there is
// a hit over the whole run.
func (s *Scanner) findEncoded(data []byte, hits []hit) []hit {
	for i := 0; i < len(data); {
		k := bytes.IndexByte(data[i:], '%')
		if k < 0 {
			break
		}
		k += i
		if k+2 >= len(data) || !isHex(data[k+1]) || !isHex(data[k+2]) {
			i = k + 1
			continue
		}
		start, end := k, k
		for start > 0 && urlChar(data[start-1]) {
			start--
		}
		for end < len(data) && urlChar(data[end]) {
			end++
		}
		decoded := []byte(strings.ReplaceAll(percentDecode(data[start:end]), "+", " "))
		for _, h := range s.roster.find(decoded, nil) {
			hits = append(hits, hit{kind: h.kind, start: start, end: end, text: string(decoded[h.start:h.end])})
		}
		i = end
	}
	return hits
}

// urlChar reports the bytes a percent-encoded URL run is made of.
func urlChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("%+-._~", c) >= 0
}

// isHex reports a hexadecimal digit.
func isHex(c byte) bool {
	_, ok := unhex(c)
	return ok
}
