package htmlesc

import (
	"html/template"
	"testing"
)

func TestNoAllocationWhenNothingToEscape(t *testing.T) {
	// Values each escaper returns unchanged.
	cleanInputs := []struct {
		name string
		arg  any
	}{
		{"_html_template_htmlescaper", "Community leaders 社区领袖 meet on Tuesday."},
		{"_html_template_htmlescaper", template.HTML("<p>trusted</p>")},
		{"_html_template_attrescaper", "card project-card"},
		{"_html_template_rcdataescaper", "Handbook · 四能"},
		{"_html_template_nospaceescaper", "lazy"},
		{"_html_template_urlfilter", "https://example.org/leaders/li-wei/"},
		{"_html_template_urlnormalizer", "/leaders/li-wei/?tab=cases#top"},
		{"_html_template_urlescaper", "li-wei_2024.v2"},
		{"_html_template_srcsetescaper", "/img/a-480.jpg 480w, /img/a-960.jpg 960w"},
		{"_html_template_htmlnamefilter", "2"},
		{"_html_template_cssescaper", "Noto Sans"},
		{"_html_template_cssvaluefilter", "#ffcc00"},
		{"_html_template_jsstrescaper", "hello world"},
		{"_html_template_jsregexpescaper", "hello"},
		{"_html_template_jstmpllitescaper", "hello"},
		{"_eval_args_", "x"},
	}
	for _, c := range cleanInputs {
		f, _ := Lookup(c.name)
		args := []any{c.arg}
		want, _ := stringify(args)
		if got := f(args...); got != want {
			t.Fatalf("%s(%q) = %q, want the input unchanged", c.name, c.arg, got)
		}
		if n := testing.AllocsPerRun(20, func() { f(args...) }); n != 0 {
			t.Errorf("%s(%q) allocates %v times, want 0", c.name, c.arg, n)
		}
	}
}

// benchEscaper measures f on a clean and on an escape-heavy input.
func benchEscaper(b *testing.B, name string, clean, dirty any) {
	f, ok := Lookup(name)
	if !ok {
		b.Fatalf("Lookup(%q) = false", name)
	}
	for _, in := range []struct {
		label string
		arg   any
	}{{"clean", clean}, {"dirty", dirty}} {
		b.Run(in.label, func(b *testing.B) {
			args := []any{in.arg}
			b.ReportAllocs()
			for b.Loop() {
				f(args...)
			}
		})
	}
}

// benchText has nothing to escape; benchDirty has much.
const (
	benchText  = "Community leaders in 社区 plan a 四能 session together. Community leaders in 社区 plan a 四能 session together."
	benchDirty = `Tom & Jerry's "<b>case</b>" + notes; Tom & Jerry's "<b>case</b>" + notes; Tom & Jerry's <i>notes</i>`
)

func BenchmarkHTMLEscaper(b *testing.B) {
	benchEscaper(b, "_html_template_htmlescaper", benchText, benchDirty)
}

func BenchmarkAttrEscaper(b *testing.B) {
	benchEscaper(b, "_html_template_attrescaper", benchText, benchDirty)
}

func BenchmarkAttrEscaperTrustedHTML(b *testing.B) {
	benchEscaper(b, "_html_template_attrescaper", template.HTML(benchText), template.HTML(benchDirty))
}

func BenchmarkRCDATAEscaper(b *testing.B) {
	benchEscaper(b, "_html_template_rcdataescaper", benchText, benchDirty)
}

func BenchmarkHTMLNameFilter(b *testing.B) {
	benchEscaper(b, "_html_template_htmlnamefilter", 2, "H2")
}

func BenchmarkSrcsetEscaper(b *testing.B) {
	benchEscaper(b, "_html_template_srcsetescaper", "/img/a-480.jpg 480w, /img/a-960.jpg 960w", "/img/a b.jpg 1x, javascript:x 2x")
}

func BenchmarkURLEscaper(b *testing.B) {
	benchEscaper(b, "_html_template_urlescaper", "li-wei", "李 伟&co")
}

// BenchmarkURLChain measures the three escapers of an href value in turn.
func BenchmarkURLChain(b *testing.B) {
	chain := make([]Func, 0, 3)
	for _, name := range []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_attrescaper"} {
		f, _ := Lookup(name)
		chain = append(chain, f)
	}
	for _, in := range []struct{ label, url string }{
		{"clean", "/leaders/li-wei/?tab=cases#top"},
		{"dirty", "/search/?q=社区 领袖&x=\"1\""},
	} {
		b.Run(in.label, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var v any = in.url
				for _, f := range chain {
					v = f(v)
				}
			}
		})
	}
}
