package layout

import (
	"html/template"
	"testing"
	"text/template/parse"
)

// TestBuiltinNamesMatchTextTemplate checks that a file parsed with
// builtinNames accepts and refuses the same function names as one parsed
// by html/template without functions of its own.
func TestBuiltinNamesMatchTextTemplate(t *testing.T) {
	names := []string{"partial", "dict", "printff", "length", "break", "Len", "urlQuery"}
	for name := range builtinNames() {
		names = append(names, name)
	}
	for _, name := range names {
		text := "{{ if false }}{{ " + name + " }}{{ end }}"
		_, werr := template.New("x").Parse(text)
		_, gerr := parse.Parse("x", text, "", "", builtinNames())
		if (werr == nil) != (gerr == nil) {
			t.Errorf("%q: html/template parse error %v, parseAll's %v", name, werr, gerr)
		}
	}
}
