package frontmatter

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// FuzzTOMLPositions checks that the key scanner never panics or hangs, only
// reports positions inside the text, and, on text BurntSushi/toml accepts,
// finds every key and array element it decodes.
func FuzzTOMLPositions(f *testing.F) {
	seeds := []string{
		projectTOML,
		"a = 1\n[t]\nb = [1, {c = 2}]\n[[arr]]\nx = '''\n'''\n",
		`"k\u00e9y" = "v\"" # c`,
		"a = \"\"\"\\\n x\"\"\"\"\"\n",
		"[a.\"b.c\".'d']\n[[a.e]]\n[[a.e]]\n[a.e.f]\n",
		"x = [[[[[[[[[[[[1]]]]]]]]]]]]\n",
		"= = [ { ,",
		"\r\n\r\n[\r\n",
		"[a]\nb.c = 1\n[a.d]\n[[a.e]]\nf = {g = [1, {h = 2}]}\n[[a.e]]\n[a.e.i]\nj = 'k'\n",
		"\"a b\" . 'c' = [\n  1, # one\n  2,\n]\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := strings.Count(string(src), "\n") + 1
		pos := TOMLPositions(src, 1)
		for path, p := range pos {
			if p.Line < 1 || p.Line > lines || p.Col < 1 || p.Col > len(src)+1 {
				t.Fatalf("%q at %v is outside the %d-line text", path, p, lines)
			}
		}
		data := map[string]any{}
		if _, err := toml.Decode(string(src), &data); err != nil {
			return
		}
		eachPath("", normalise(data), 0, func(path string) {
			if _, ok := pos[path]; !ok {
				t.Fatalf("decoded key %q has no position in %q", path, src)
			}
		})
	})
}

// FuzzParse checks that Parse never panics and that its errors carry a
// position.
func FuzzParse(f *testing.F) {
	for _, s := range []string{projectTOML, projectYAML, "---\na: &x [*x]\n---\n", "+++\n", "---\n- 1\n---\n", "plain"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, _, err := Parse("f.md", src)
		if m.Data == nil || m.Pos == nil {
			t.Fatalf("nil Data or Pos")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "f.md:") {
			t.Fatalf("error without a position: %v", err)
		}
	})
}

// eachPath calls fn with the path of every key and array element in v, down
// to the depth the scanner follows.
func eachPath(prefix string, v any, depth int, fn func(string)) {
	if depth > maxScanDepth {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		for k, child := range v {
			p := JoinKey(prefix, k)
			fn(p)
			eachPath(p, child, depth+1, fn)
		}
	case []any:
		for i, child := range v {
			p := JoinIndex(prefix, i)
			fn(p)
			eachPath(p, child, depth+1, fn)
		}
	}
}
