package photo

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// SrcSet builds the value of an img srcset attribute from variants, widest
// last, each as urlPrefix + "/" + its percent-escaped Name and a width
// descriptor: "prefix/photo-480w.jpg 480w, prefix/photo.jpg 1200w". A
// trailing slash on urlPrefix is not doubled, and an empty urlPrefix gives
// bare names. The prefix is used as given; HTML-escaping the result is the
// template's job.
func SrcSet(urlPrefix string, vs []Variant) string {
	sorted := slices.Clone(vs)
	slices.SortStableFunc(sorted, func(a, b Variant) int { return cmp.Compare(a.Width, b.Width) })
	prefix := strings.TrimRight(urlPrefix, "/")
	var b strings.Builder
	for i, v := range sorted {
		if i > 0 {
			b.WriteString(", ")
		}
		if prefix != "" || strings.HasPrefix(urlPrefix, "/") {
			b.WriteString(prefix)
			b.WriteByte('/')
		}
		b.WriteString((&url.URL{Path: v.Name}).EscapedPath())
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(v.Width))
		b.WriteByte('w')
	}
	return b.String()
}
