package layout

import (
	"fmt"
	"net/url"
	"strings"
)

// urlBase splits the site's base URL into what relURL and absURL add.
type urlBase struct {
	origin string // "https://example.org", or "" when unknown
	prefix string // the base URL's path with slashes at both ends: "/" or "/sub/"
}

func newURLBase(baseURL string) urlBase {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil {
		return urlBase{prefix: "/"}
	}
	b := urlBase{prefix: "/" + strings.Trim(u.Path, "/") + "/"}
	if b.prefix == "//" {
		b.prefix = "/"
	}
	if u.Scheme != "" && u.Host != "" {
		b.origin = u.Scheme + "://" + u.Host
	}
	return b
}

// isAbsoluteURL reports whether s names its own scheme ("https:",
// "mailto:", "data:") or host ("//cdn.example"), so no base applies.
func isAbsoluteURL(s string) bool {
	if strings.HasPrefix(s, "//") {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ':':
			return i > 0
		case isASCIILetter(c), i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// rel is the "relURL" template function. An absolute URL, or one that is
// only a fragment or query ("#top", "?p=2"), is returned as it is. Anything
// else is a path from the site root: a leading "./" or "/" is dropped and
// the base URL's path is put in front ("a/" → "/sub/a/"). A path that
// already starts with that prefix ("/sub/a/", or "/sub" itself) is
// returned as it is, so page permalinks are never prefixed twice.
func (b urlBase) rel(v any) (string, error) {
	s, err := toString(v)
	if err != nil {
		return "", fmt.Errorf("relURL: %w", err)
	}
	return b.relative(s), nil
}

func (b urlBase) relative(s string) string {
	if isAbsoluteURL(s) || strings.HasPrefix(s, "#") || strings.HasPrefix(s, "?") {
		return s
	}
	if b.prefix != "/" && (strings.HasPrefix(s, b.prefix) || s == strings.TrimSuffix(b.prefix, "/")) {
		return s
	}
	s = strings.TrimPrefix(s, "./")
	return b.prefix + strings.TrimLeft(s, "/")
}

// abs is the "absURL" template function: relURL's result with the base
// URL's scheme and host in front. An absolute URL is returned as it is; so
// is everything when the base URL has no host.
func (b urlBase) abs(v any) (string, error) {
	s, err := toString(v)
	if err != nil {
		return "", fmt.Errorf("absURL: %w", err)
	}
	if isAbsoluteURL(s) {
		return s, nil
	}
	if strings.HasPrefix(s, "#") || strings.HasPrefix(s, "?") {
		return b.origin + b.prefix + s, nil
	}
	return b.origin + b.relative(s), nil
}
