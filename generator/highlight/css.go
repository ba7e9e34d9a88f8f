package highlight

import (
	"bytes"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
)

// darkFallback is the dark style used when the light style names no
// counterpart.
const darkFallback = "github-dark"

// buildCSS renders the stylesheet for light, plus a dark-mode block when
// light is a light style.
func buildCSS(light *chroma.Style) []byte {
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithCSSComments(false))
	var b bytes.Buffer
	b.WriteString("/* chroma style: " + light.Name + " */\n")
	_ = f.WriteCSS(&b, light) // writing to a bytes.Buffer cannot fail
	if light.Mode() == chroma.Dark {
		return b.Bytes()
	}
	dark := darkStyle(light)
	lightRules := b.Bytes()[bytes.IndexByte(b.Bytes(), '\n')+1:]
	var d bytes.Buffer
	_ = f.WriteCSS(&d, dark)
	b.WriteString("/* chroma style: " + dark.Name + " */\n@media (prefers-color-scheme: dark) {\n")
	// Every token rule of the dark block starts from a reset, so nothing the
	// light style sets (a colour, bold) shows through where the dark style
	// is silent; the dark style's own declarations follow and win.
	have := map[string]bool{}
	for _, line := range strings.Split(d.String(), "\n") {
		sel, decls, ok := strings.Cut(line, " { ")
		switch {
		case !ok:
			continue
		case strings.HasPrefix(sel, ".chroma ."):
			have[sel] = true
			b.WriteString("  " + sel + " { " + tokenReset + " " + decls + "\n")
		default:
			b.WriteString("  " + line + "\n")
		}
	}
	for _, sel := range tokenSelectors(lightRules) {
		if !have[sel] {
			b.WriteString("  " + sel + " { " + tokenReset + " }\n")
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// tokenReset undoes whatever a light token rule may set.
const tokenReset = "color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; text-decoration: inherit;"

// tokenSelectors lists the token selectors (".chroma .x") of a stylesheet
// written one rule a line, in order.
func tokenSelectors(css []byte) []string {
	var out []string
	for _, line := range strings.Split(string(css), "\n") {
		sel, _, ok := strings.Cut(line, " {")
		if ok && strings.HasPrefix(sel, ".chroma .") {
			out = append(out, sel)
		}
	}
	return out
}
