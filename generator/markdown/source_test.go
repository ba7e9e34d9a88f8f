package markdown

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// TestResultOutlivesSource checks that a Result shares no memory with the
// source it was rendered from, nor with the scratch Render works in: a
// site reads page bodies into one buffer reused from page to page
// (content.Tree.ReadBody), so a Result must stay as it was after its
// source is overwritten and the next page rendered.
func TestResultOutlivesSource(t *testing.T) {
	page := "# 议事会 Council\n\nIntro with a [page](notes.md#a), a [plain link](img/x.png) and ![alt 文字](img/p.png).\n\n" +
		"<!--more-->\n\n## Part *one*\n\n```\nplain code kept as it stands\n```\n\n```toml\nx = 1\n```\n\n" +
		"| a | b |\n|:--|--:|\n| 1 | 2 |\n\n居民代表都同意。\n"
	ctx := Context{File: "a.md", Links: corpusResolver{}, Shortcodes: func(sc Shortcode) (string, error) {
		return "<i>" + sc.Name + "</i>", nil
	}}
	// The next page overwrites what Render works in, with and without
	// shortcodes expanded.
	next := []byte(strings.Repeat("# zz\n\n![q](zzzz.png) {{< zz >}} [zz](zzzz) zzzz\n\n", 40))
	for _, src := range []string{page, page + "{{< icon star >}}\n"} {
		r := New(Options{})
		want, err := r.Render([]byte(src), ctx)
		if err != nil {
			t.Fatal(err)
		}
		b := []byte(src)
		got, err := r.Render(b, ctx)
		if err != nil {
			t.Fatal(err)
		}
		copy(b, bytes.Repeat([]byte("z"), len(b)))
		for range 2 {
			if _, err := r.Render(next, ctx); err != nil {
				t.Fatal(err)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("the Result changed with its source:\ngot  %+v\nwant %+v", got, want)
		}
		if !got.HasSummary || len(got.TOC) == 0 || len(got.Images) == 0 {
			t.Errorf("the source did not exercise summary, TOC and images: %+v", got)
		}
	}
}
