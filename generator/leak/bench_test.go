package leak

import (
	"fmt"
	"strings"
	"testing"
)

// benchPage returns a bilingual program page of about 6 KB, with the
// digits, at-signs and Latin words of real output but no personal data.
func benchPage() []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>赋能 · 初级小组 | Empower · Initial group</title>
<link rel="stylesheet" href="/css/site.5f3a9c.css"><style>@media (max-width: 600px){.nav{margin:0 12px}}</style>
<img srcset="/img/logo@2x.png 2x" alt="logo"></head><body><nav><a href="/zh/">首页</a> <a href="/en/">Home</a></nav><main>`)
	for i := 0; b.Len() < 5800; i++ {
		fmt.Fprintf(&b, `<section id="s%d"><h2>第%d次小组活动 Session %d</h2>
<p>2024-05-%02d 在社区活动中心举行，共 %d 位骨干志愿者参加，预算 3,%03d.50 元。社工引导大家讨论社区需求、冲突情景与头脑风暴的方法。</p>
<p>The group practised needs assessment and project design for the public-welfare venture fund; duration 90m, %d activities.</p>
<ul><li>目标：提升领导力 Leadership</li><li>材料：白板、便利贴 sticky notes</li></ul></section>
`, i, i+1, i+1, i%28+1, 10+i, i*37%1000, 3+i%4)
	}
	b.WriteString(`</main><footer>© 2024 四能项目 · <a href="/sitemap.xml">sitemap</a></footer></body></html>`)
	return []byte(b.String())
}

// benchRoster returns 300 names, none of them on benchPage.
func benchRoster() []string {
	surnames := "王李张刘陈杨黄赵吴周徐孙马朱胡"
	given := "伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀霞平刚"
	var names []string
	for _, a := range surnames {
		for _, c := range given {
			names = append(names, string([]rune{a, c, '华'}))
		}
	}
	return append(names[:290], "Ann Lee", "Bob Chen", "Maria Zhou", "Li Wei", "Zhang Min",
		"Chen Jing", "Wang Fang", "Liu Yang", "Huang Lei", "Zhao Jun")
}

func BenchmarkScan(b *testing.B) {
	page := benchPage()
	for _, bc := range []struct {
		name  string
		rules Rules
	}{
		{"no-roster", Rules{}},
		{"roster-300", Rules{Roster: benchRoster(), AllowEmails: []string{"contact@example.org"}}},
	} {
		s := NewScanner(bc.rules)
		if got := s.Scan(page); len(got) != 0 {
			b.Fatalf("bench page has findings: %v", got)
		}
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				s.Scan(page)
			}
		})
	}
}

func BenchmarkNewScanner(b *testing.B) {
	r := Rules{Roster: benchRoster()}
	b.ReportAllocs()
	for b.Loop() {
		NewScanner(r)
	}
}
