package content

import "slices"

// termSets lets pages with the same taxonomy terms share one Terms map: a
// site tags most pages from a short list, so a few hundred sets of terms
// serve thousands of pages. The maps and their lists are never modified
// once shared, and a list is exactly as long as its terms, so an append
// to it makes a copy.
type termSets struct {
	seen map[string]map[string][]string // by key
	key  []byte                         // scratch: the key being built
}

// share returns a Terms map equal to terms that pages with the same terms
// share, and keeps it for the next page when it is new. taxes lists every
// taxonomy terms may hold, in a fixed order.
func (s *termSets) share(terms map[string][]string, taxes []string) map[string][]string {
	if len(terms) == 0 {
		return terms
	}
	// The key lists, for each taxonomy in order, its terms each closed by
	// a 0 byte, then a 1 byte. Terms holding those bytes could make two
	// sets meet at one key, so a match is checked.
	s.key = s.key[:0]
	for _, tax := range taxes {
		for _, t := range terms[tax] {
			s.key = append(append(s.key, t...), 0)
		}
		s.key = append(s.key, 1)
	}
	if shared, ok := s.seen[string(s.key)]; ok && sameTerms(shared, terms) {
		return shared
	}
	for tax, list := range terms {
		terms[tax] = slices.Clip(list)
	}
	if s.seen == nil {
		s.seen = map[string]map[string][]string{}
	}
	s.seen[string(s.key)] = terms
	return terms
}

// sameTerms reports whether a and b hold the same taxonomies with the same
// terms in the same order.
func sameTerms(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for tax, list := range a {
		other, ok := b[tax]
		if !ok || !slices.Equal(list, other) {
			return false
		}
	}
	return true
}
