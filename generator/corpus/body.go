package corpus

import (
	"fmt"
	"slices"
	"strings"
)

// prose builds the Markdown body of one item.
type prose struct {
	g    *generator
	it   *item
	t    text
	b    strings.Builder
	used []bool // random headings already written, so anchors stay unique
}

// newProse starts the body of it.
func (g *generator) newProse(it *item) *prose {
	p := &prose{g: g, it: it, t: g.t}
	p.b.Grow(6 << 10)
	return p
}

// String returns the body written so far.
func (p *prose) String() string { return p.b.String() }

// heading writes a level-2 or level-3 heading.
func (p *prose) heading(level int, s string) {
	p.b.WriteString(strings.Repeat("#", level) + " " + s + "\n\n")
}

// randomHeading writes a heading in Chinese, English or both that the body
// does not have yet. It returns false when none is left.
func (p *prose) randomHeading() bool {
	n := len(p.t.v.zhHeadings)
	if p.used == nil {
		p.used = make([]bool, n)
	}
	i := p.t.r.IntN(n)
	for k := 0; p.used[i]; k++ {
		if k == n {
			return false
		}
		i = (i + 1) % n
	}
	p.used[i] = true
	switch p.t.r.IntN(3) {
	case 0:
		p.heading(2, p.t.v.zhHeadings[i])
	case 1:
		p.heading(2, p.t.v.enHeadings[i])
	default:
		p.heading(2, p.t.v.zhHeadings[i]+" "+p.t.v.enHeadings[i])
	}
	return true
}

// para writes a Chinese paragraph, sometimes with an inline link.
func (p *prose) para() {
	p.t.zhSentences(&p.b, p.t.between(2, 5))
	if p.t.chance(0.25) {
		if text, href, ok := p.link(); ok {
			p.b.WriteString("详见[" + text + "](" + href + ")。")
		}
	}
	p.b.WriteString("\n\n")
}

// enPara writes an English paragraph.
func (p *prose) enPara() { p.t.enParagraph(&p.b, p.t.between(2, 4)) }

// list writes a bulleted or numbered list of short Chinese items.
func (p *prose) list() {
	n := p.t.between(3, 6)
	numbered := p.t.chance(0.3)
	for i := range n {
		if numbered {
			fmt.Fprintf(&p.b, "%d. ", i+1)
		} else {
			p.b.WriteString("- ")
		}
		p.b.WriteString(p.t.pick(p.t.v.zhSubjects) + p.t.pick(p.t.v.zhVerbs) + p.t.pick(p.t.v.zhObjects))
		if p.t.chance(0.3) {
			p.b.WriteString("，**" + p.t.pick(p.t.v.zhResults) + "**")
		}
		p.b.WriteByte('\n')
	}
	p.b.WriteByte('\n')
}

// table writes a small activity table.
func (p *prose) table() {
	p.b.WriteString("| 活动 Activity | 人次 | 备注 Notes |\n|---|---:|---|\n")
	for range p.t.between(3, 5) {
		fmt.Fprintf(&p.b, "| %s | %d | %s |\n", p.t.pick(p.t.v.zhObjects), p.t.between(6, 120), p.t.pick(p.t.v.zhResults))
	}
	p.b.WriteByte('\n')
}

// code writes a fenced block: an agenda or a snippet of a data file.
func (p *prose) code() {
	if p.t.chance(0.5) {
		p.b.WriteString("```text\n")
		h, m := 9, 0
		for range p.t.between(3, 6) {
			fmt.Fprintf(&p.b, "%02d:%02d  %s\n", h, m, p.t.pick(p.t.v.activities))
			m += 15 * p.t.between(1, 3)
			h, m = h+m/60, m%60
		}
	} else {
		p.b.WriteString("```toml\n# 活动登记 sign-up record\n")
		fmt.Fprintf(&p.b, "activity = %q\nvolunteers = %d\nrain_plan = %t\n", p.t.pick(p.t.v.zhObjects), p.t.between(3, 30), p.t.chance(0.5))
	}
	p.b.WriteString("```\n\n")
}

// mentions writes a bulleted list of the leaders as the item may name them.
func (p *prose) mentions(leaders []*leader) {
	for _, l := range leaders {
		p.b.WriteString("- " + leaderMention(p.it, l) + "\n")
	}
	p.b.WriteByte('\n')
}

// markerLine writes the item's marker into the body, when it has one.
func (p *prose) markerLine() {
	if p.it.marker != "" {
		p.b.WriteString("内部编号 Internal reference: " + p.it.marker + "\n\n")
	}
}

// section writes one random body section; it returns false when no
// heading is left.
func (p *prose) section() bool {
	if !p.randomHeading() {
		return false
	}
	p.para()
	switch r := p.t.r.IntN(10); {
	case r < 3:
		p.list()
	case r < 5:
		p.enPara()
	case r < 6:
		p.table()
	case r < 7:
		p.code()
	}
	if p.t.chance(0.4) {
		p.para()
	}
	return true
}

// fill adds random sections until the body reaches size bytes or runs out
// of headings.
func (p *prose) fill(size int) {
	for p.b.Len() < size && p.section() {
	}
}

// related writes a "related reading" list of up to n distinct links, when
// targets exist.
func (p *prose) related(n int) {
	var lines []string
	for range 2 * n {
		if len(lines) == n {
			break
		}
		text, href, ok := p.link()
		line := "- [" + text + "](" + href + ")\n"
		if ok && !slices.Contains(lines, line) {
			lines = append(lines, line)
		}
	}
	if len(lines) == 0 {
		return
	}
	p.heading(2, "相关阅读 Related")
	for _, l := range lines {
		p.b.WriteString(l)
	}
	p.b.WriteByte('\n')
}

// link picks a page the item may link to: never a draft and never a page
// above the item's own audience. It returns the link text and the relative
// href.
func (p *prose) link() (text, href string, ok bool) {
	pool := p.g.targets[p.it.aud]
	for range 4 {
		if len(pool) == 0 {
			return "", "", false
		}
		to := pool[p.t.r.IntN(len(pool))]
		if to == p.it {
			continue
		}
		return to.link, relLink(p.it.path, to.path), true
	}
	return "", "", false
}

// bodySize returns a target body size between 2 and 6 KB.
func (p *prose) bodySize() int { return p.t.between(2<<10, 6<<10) }

// relLink returns the relative link from the page at from to the page at to,
// both content-relative slash paths: "../projects/x.md" style.
func relLink(from, to string) string {
	fromDir := strings.Split(from, "/")
	fromDir = fromDir[:len(fromDir)-1]
	toParts := strings.Split(to, "/")
	common := 0
	for common < len(fromDir) && common < len(toParts)-1 && fromDir[common] == toParts[common] {
		common++
	}
	return strings.Repeat("../", len(fromDir)-common) + strings.Join(toParts[common:], "/")
}
