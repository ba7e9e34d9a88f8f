package site

import (
	"sort"
	"strconv"
	"strings"

	"github.com/sineng/sineng/generator/audience"
)

// blockedKeys are front-matter keys that hold direct identifiers of a
// person. A page that can reach a public or funders build must not carry
// them at all (not even unused): a template or a later change could print
// them. "email" is allowed when its value is one of the site's contact
// addresses.
var blockedKeys = map[string]bool{
	"phone": true, "mobile": true, "id_number": true, "idnumber": true, "id_card": true,
	"address": true, "wechat": true, "real_name": true, "email": true,
}

// checkBlockedFields reports blocked keys, at any depth, in a page whose
// audience is public or funders, whatever this build's audience is.
func (b *builder) checkBlockedFields(st *pageState, level audience.Level) {
	if level > audience.Funders || !st.holdsBlocked { // holdsBlocked: a page with a file
		return
	}
	p := st.page
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch t := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(t))
			for k := range t {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				path := k
				if prefix != "" {
					path = prefix + "." + k
				}
				if b.blockedField(k, t[k]) {
					line, col := p.Position(path)
					b.errs.Errorf(p.File, line, col, "%s holds a direct identifier and this page can reach a %s build: remove it, or make the page audience = \"team\"", path, level)
					continue
				}
				walk(path, t[k])
			}
		case []any:
			for i, e := range t {
				walk(prefix+"["+strconv.Itoa(i)+"]", e)
			}
		}
	}
	walk("", p.Matter.Data)
}

// holdsBlocked reports whether v holds a blocked key at any depth, without
// allocating: almost no page does, and only one that does needs the sorted,
// positioned walk of checkBlockedFields.
func (b *builder) holdsBlocked(v any) bool {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			if b.blockedField(k, e) {
				return true
			}
			if b.holdsBlocked(e) {
				return true
			}
		}
	case []any:
		for _, e := range t {
			if b.holdsBlocked(e) {
				return true
			}
		}
	}
	return false
}

// blockedField reports whether the key k, holding v, is a blocked one: any
// blocked key but an e-mail field holding one of the site's contacts.
func (b *builder) blockedField(k string, v any) bool {
	return blockedKeys[strings.ToLower(k)] && !(strings.EqualFold(k, "email") && allowedEmail(v, b.contact))
}

func allowedEmail(v any, allowed map[string]bool) bool {
	s, ok := v.(string)
	return ok && allowed[strings.ToLower(strings.TrimSpace(s))]
}
