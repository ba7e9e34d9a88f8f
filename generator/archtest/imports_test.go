package archtest

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/sineng/sineng/"

// forbidden lists, for each package, the packages it must not import
// (directly). It mirrors the table in ARCHITECTURE.md.
var forbidden = map[string][]string{
	"generator/diag":        {"generator/"},
	"generator/config":      {"generator/content", "generator/markdown", "generator/layout", "generator/render", "generator/output", "generator/site", "generator/program", "generator/audience"},
	"generator/frontmatter": {"generator/content", "generator/markdown", "generator/layout", "generator/render", "generator/output", "generator/site", "generator/program", "generator/config"},
	"generator/content":     {"generator/markdown", "generator/layout", "generator/render", "generator/output", "generator/site", "generator/serve", "generator/watch"},
	"generator/program":     {"generator/content", "generator/layout", "generator/render", "generator/output", "generator/site", "generator/frontmatter"},
	"generator/audience":    {"generator/layout", "generator/render", "generator/output", "generator/site"},
	"generator/markdown":    {"generator/content", "generator/layout", "generator/render", "generator/site"},
	"generator/highlight":   {"generator/"},
	"generator/layout":      {"generator/content", "generator/render", "generator/site", "generator/markdown"},
	"generator/render":      {"generator/output", "generator/site", "os"},
	"generator/output":      {"generator/content", "generator/markdown", "generator/layout", "generator/render"},
	"generator/site":        {"generator/serve", "generator/watch", "net/http"},
	"generator/watch":       {"generator/content", "generator/markdown", "generator/layout", "generator/render", "generator/site", "generator/serve"},
	"generator/serve":       {"generator/content", "generator/markdown"},
	"generator/text":        {"generator/"},
	"generator/dates":       {"generator/"},
	"generator/htmlesc":     {"generator/"},
	"generator/leak":        {"generator/audience", "generator/config", "generator/content", "generator/site", "generator/render"},
	"generator/photo":       {"generator/"},
	"generator/search":      {"generator/content", "generator/site", "generator/render", "generator/layout", "generator/markdown", "generator/audience"},
	"internal/rawfile":      {"generator/", "internal/stablesort", "internal/parallel"},
	"internal/stablesort":   {"generator/", "internal/rawfile", "internal/parallel"},
	"internal/parallel":     {"generator/", "internal/rawfile", "internal/stablesort"},
	"internal/jsonenc":      {"generator/", "internal/rawfile", "internal/stablesort", "internal/parallel"},
}

func TestImportRules(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for pkg, rules := range forbidden {
		dir := filepath.Join(root, filepath.FromSlash(pkg))
		entries, err := os.ReadDir(dir)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, name), nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				for _, rule := range rules {
					if violates(path, rule) {
						t.Errorf("%s/%s imports %s, which ARCHITECTURE.md forbids", pkg, name, path)
					}
				}
			}
		}
	}
}

func violates(path, rule string) bool {
	if !strings.HasPrefix(rule, "generator/") {
		return path == rule
	}
	full := module + rule
	if strings.HasSuffix(rule, "/") {
		return strings.HasPrefix(path, full)
	}
	return path == full || strings.HasPrefix(path, full+"/")
}
