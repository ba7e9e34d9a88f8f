package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// pathResolver is a stateless LinkResolver, safe to share.
type pathResolver struct{}

func (pathResolver) Resolve(dest string, _ bool) (string, error) {
	return "/" + strings.TrimSuffix(strings.TrimLeft(dest, "./"), ".md") + "/", nil
}

func iconShortcode(sc Shortcode) (string, error) {
	if sc.Markdown {
		return "**" + sc.Inner + "**", nil
	}
	return fmt.Sprintf(`<span class="icon-%s">%s</span>`, strings.Join(sc.Args, "-"), sc.Inner), nil
}

// stages is how many level-2 sections mixedDoc has.
const stages = 4

// mixedDoc is a page of about 4 KB in Chinese and English with headings, a
// table, lists, a code block, links, images, footnotes and shortcodes.
func mixedDoc() []byte {
	var b strings.Builder
	b.WriteString("# 社区领袖培训 Community leader training\n\n")
	b.WriteString("本项目帮助社区领袖提升四种能力：\n倾听、组织、协调与反思。The program runs for *twelve weeks*\nand ends with a showcase.\n\n<!--more-->\n\n")
	b.WriteString("Each leader keeps a portfolio of evidence: interviews, meeting minutes and reflections.\nMentors review it every month, and the program team uses it to plan the next cohort.\n\n")
	for i := 1; i <= stages; i++ {
		fmt.Fprintf(&b, "## 第%d阶段 Stage %d\n\n", i, i)
		b.WriteString("在这一阶段，参与者与[导师](../leaders/mentor.md#bio)一起完成实地调研，\n并记录每一次社区会议的要点。Participants write a short **case note** after each meeting\nand share it with their peer group {{< icon star >}}.\n\n")
		b.WriteString("| 能力 Capability | 目标 Goal | 证据 Evidence |\n|---|---|:-:|\n")
		b.WriteString("| 倾听 | 每周两次访谈 | 访谈记录 |\n| 组织 | Host one meeting | ~~agenda~~ minutes |\n| 协调 | 解决一次冲突 | 反思日志[^n] |\n\n")
		b.WriteString("- [x] 完成报名 registration\n- [ ] 提交案例 submit a case\n  - 附上照片 ![现场照片](photos/site.jpg)\n  - add `consent.pdf`\n\n")
		b.WriteString("```go\n// Budget sums the spending of one project.\nfunc Budget(items []Item) (total int) {\n\tfor _, it := range items {\n\t\ttotal += it.Amount // 单位：元\n\t}\n\treturn total\n}\n```\n\n")
		b.WriteString("{{% note %}}记住：*先倾听，再行动*。{{% /note %}}\n\n")
	}
	b.WriteString("[^n]: 日志由参与者本人保存 kept by the participant.\n")
	return []byte(b.String())
}

func TestRenderConcurrently(t *testing.T) {
	r := New(Options{})
	src := mixedDoc()
	ctx := Context{File: "a.md", LineOffset: 4, Links: pathResolver{}, Shortcodes: iconShortcode}
	want, err := r.Render(src, ctx)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([]Result, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				res, err := r.Render(src, ctx)
				if err != nil {
					t.Error(err)
					return
				}
				got[i] = res
			}
		}()
	}
	wg.Wait()
	for i, g := range got {
		if g.HTML != want.HTML || g.Text != want.Text || g.TOCHTML != want.TOCHTML ||
			g.SummaryHTML != want.SummaryHTML || g.HasSummary != want.HasSummary {
			t.Errorf("goroutine %d: result differs from a lone render", i)
		}
	}
	checkHTML(t, want.HTML, []string{
		`<span class="icon-star"></span>`, "<strong>记住：<em>先倾听，再行动</em>。</strong>",
		`<a href="/leaders/mentor/#bio">导师</a>`, `<h2 id="第1阶段-stage-1">`, "<table>", `class="language-go"`,
		"倾听、组织、协调与反思。The program",
	}, []string{"sinengsc", "<!--more-->"})
	if len(want.SummaryHTML) == 0 || len(want.Images) != stages || len(want.TOC) != stages {
		t.Errorf("summary %d bytes, %d images, %d TOC entries", len(want.SummaryHTML), len(want.Images), len(want.TOC))
	}
}

func BenchmarkRender(b *testing.B) {
	r := New(Options{})
	src := mixedDoc()
	ctx := Context{File: "a.md", Links: pathResolver{}, Shortcodes: iconShortcode}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := r.Render(src, ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderPlain renders the same page without shortcodes, the path
// that skips the shortcode scan.
func BenchmarkRenderPlain(b *testing.B) {
	r := New(Options{})
	src := bytes.ReplaceAll(bytes.ReplaceAll(mixedDoc(), []byte("{{"), []byte("(")), []byte("}}"), []byte(")"))
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := r.Render(src, Context{Links: pathResolver{}}); err != nil {
			b.Fatal(err)
		}
	}
}
