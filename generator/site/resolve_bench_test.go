package site

import (
	"fmt"
	"testing"

	"github.com/sineng/sineng/generator/content"
)

// benchResolver is a link resolver over a site of n published pages in
// nested folders, linking from a page two folders deep, and the links its
// pages carry in the generated corpora: mostly up one or two folders.
func benchResolver(n int) (linkResolver, []string) {
	urls := make(map[string]string, n)
	for i := range n {
		urls[fmt.Sprintf("content/s%d/g%d/page-%05d.md", i%7, i%13, i)] = fmt.Sprintf("/s%d/g%d/page-%05d/", i%7, i%13, i)
	}
	b := &builder{linkURLs: urls}
	from := &pageState{page: &content.Page{File: "content/s1/g2/page-00015.md"}}
	links := []string{"../../s3/g5/page-00031.md", "../g1/page-00001.md", "page-00015.md", "../../s0/g0/page-00000.md?x=1"}
	return newLinkResolver(b, from), links
}

func BenchmarkResolve(b *testing.B) {
	for _, n := range []int{10_000, 50_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			r, links := benchResolver(n)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if _, err := r.Resolve(links[i%len(links)], false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
