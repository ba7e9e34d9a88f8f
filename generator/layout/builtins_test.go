package layout

import (
	"go/ast"
	"go/parser"
	"go/token"
	"html/template"
	"maps"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
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

// TestBuiltinNamesListTextTemplates reads text/template's builtins() in
// the Go source this test is built with, so that a builtin a new Go
// release adds cannot be refused by parseAll unnoticed.
func TestBuiltinNamesListTextTemplates(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Skip("go env GOROOT:", err)
	}
	src := filepath.Join(strings.TrimSpace(string(out)), "src", "text", "template", "funcs.go")
	f, err := parser.ParseFile(token.NewFileSet(), src, nil, 0)
	if err != nil {
		t.Skip("no Go source:", err)
	}
	var want []string
	ast.Inspect(f, func(n ast.Node) bool {
		fn, ok := n.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "builtins" || fn.Body == nil {
			return true
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				if lit, ok := kv.Key.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if name, err := strconv.Unquote(lit.Value); err == nil {
						want = append(want, name)
					}
				}
			}
			return true
		})
		return false
	})
	if len(want) == 0 {
		t.Fatalf("found no builtins in %s", src)
	}
	got := slices.Sorted(maps.Keys(builtinNames()))
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("builtinNames() = %v, text/template's builtins() = %v", got, want)
	}
}
