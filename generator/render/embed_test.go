package render

import (
	"html/template"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// embedSample is HTML as the Markdown renderer writes it.
const embedSample = `<h2 id="goals">Goals</h2>
<p>See <a href="#steps">the steps</a> and <a href="https://example.org/#x">this</a>.</p>
<h3 id="steps">Steps <code>&lt;h2&gt;</code></h3>
<ol><li id="fn:1"><a href="#fnref:1" class="footnote-backref">↩︎</a></li></ol>
<h5>deep</h5><h6>deepest</h6><hr><header>x</header><h1>top</h1>
<pre><code class="language-html">&lt;h1 id=&#34;a&#34;&gt;</code></pre>`

func TestEmbedEqualsEditsInTurn(t *testing.T) {
	tests := []struct {
		h, prefix string
		shift     int
		want      string // when not "", what embed gives
	}{
		{h: embedSample, prefix: "session-a", shift: 1},
		{h: embedSample, prefix: "", shift: 2},
		{h: embedSample, prefix: "s", shift: 0},
		{h: embedSample, prefix: "s", shift: -3},
		{h: embedSample, prefix: "x", shift: 9},
		{h: embedSample, prefix: "x", shift: math.MaxInt},
		{h: embedSample, prefix: "x", shift: math.MinInt},
		{h: `<h2 id="a"><a href="#b">b</a></h2>`, prefix: "p", shift: 1,
			want: `<h3 id="p-a"><a href="#p-b">b</a></h3>`},
		{h: `<h1><h2><h3><h4><h5><h6></h1></h2></h3></h4></h5></h6>`, shift: 1,
			want: `<h2><h3><h4><h5><h6><h6></h2></h3></h4></h5></h6></h6>`},
		{h: `<h1x </h1 </h1x> <h10 </h2>`, shift: 2, want: `<h3x </h1 </h1x> <h30 </h4>`},
		{h: ` id="`, prefix: "p", want: ` id="p-`},
		{h: `href="#`, prefix: "p", want: `href="#p-`},
		{h: `href="`, prefix: "p", want: `href="`},
		{h: `id="a" xid="b"`, prefix: "p", want: `id="a" xid="b"`},
		{h: `<`, shift: 1, want: `<`},
		{h: `</`, shift: 1, want: `</`},
		{h: `</h`, shift: 1, want: `</h`},
		{h: `</h2`, shift: 1, want: `</h2`},
		{h: `<h`, shift: 1, want: `<h`},
		{h: ``, prefix: "p", shift: 1, want: ``},
		// Prefixes that later edits would change.
		{h: `<p id="a">`, prefix: `q href="#r`, shift: 1},
		{h: `<p id="a"><h2>`, prefix: `<h1`, shift: 1},
		{h: `<a href="#a"> id="b"`, prefix: `" id="`, shift: 0},
		{h: `<p id="a">`, prefix: `#`, shift: 0},
	}
	for _, tt := range tests {
		ref := embedInTurn(tt.h, tt.prefix, tt.shift)
		if tt.want != "" && ref != tt.want {
			t.Fatalf("embedInTurn(%q, %q, %d) = %q, want %q: fix the table", tt.h, tt.prefix, tt.shift, ref, tt.want)
		}
		if got := embed(tt.h, tt.prefix, tt.shift); got != ref {
			t.Errorf("embed(%q, %q, %d) =\n%q\nwant\n%q", tt.h, tt.prefix, tt.shift, got, ref)
		}
		p := &Page{Content: template.HTML(tt.h)}
		if got := p.Embed(tt.prefix, tt.shift); string(got) != ref {
			t.Errorf("Embed(%q, %d) of %q = %q, want %q", tt.prefix, tt.shift, tt.h, got, ref)
		}
	}
}

// embedPieces are what random texts and prefixes are made of: every
// pattern the edits look for, parts of them, and what is near them.
var embedPieces = []string{
	` id="`, `href="#`, ` id=`, `id="`, `href="`, `href=`, `"`, `#`, `<`, `/`, `>`, `h`,
	`<h`, `</h`, `<h2`, `</h3>`, `<hr>`, `1`, `2`, `3`, `4`, `5`, `6`, `0`, `9`,
	` `, `x`, `=`, `-`, `é`, "\n", `<p>`, `</p>`,
}

func randomEmbedText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(embedPieces[r.IntN(len(embedPieces))])
	}
	return b.String()
}

func TestEmbedEqualsEditsInTurnOnRandomText(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 2024))
	shifts := []int{-1, 0, 1, 2, 3, 4, 5, 6, 100, math.MaxInt}
	for i := range 20000 {
		h := randomEmbedText(r, r.IntN(40))
		prefix := ""
		switch r.IntN(3) {
		case 1:
			prefix = "session-" + strconv.Itoa(i)
		case 2:
			prefix = randomEmbedText(r, r.IntN(4))
		}
		shift := shifts[r.IntN(len(shifts))]
		want := embedInTurn(h, prefix, shift)
		if got := embed(h, prefix, shift); got != want {
			t.Fatalf("embed(%q, %q, %d) =\n%q\nwant\n%q", h, prefix, shift, got, want)
		}
	}
}

func FuzzEmbed(f *testing.F) {
	f.Add(embedSample, "session-a", 1)
	f.Add(`<h2 id="a"></h2>`, `" id="`, 2)
	f.Add(`<a href="#x">`, "", 0)
	f.Fuzz(func(t *testing.T, h, prefix string, shift int) {
		want := embedInTurn(h, prefix, shift)
		if got := embed(h, prefix, shift); got != want {
			t.Fatalf("embed(%q, %q, %d) =\n%q\nwant\n%q", h, prefix, shift, got, want)
		}
	})
}

func BenchmarkEmbed(b *testing.B) {
	h := strings.Repeat(embedSample, 20)
	for _, bb := range []struct {
		name string
		fn   func(string, string, int) string
	}{{"one pass", embed}, {"in turn", embedInTurn}} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(h)))
			for b.Loop() {
				bb.fn(h, "session-notes-week-3", 1)
			}
		})
	}
}
