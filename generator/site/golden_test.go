package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden output trees in testdata/golden")

// testNow is the clock of every test build, so "future" means the same on
// every run.
var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameTrees wants the built trees got and want (readTree) to hold the same
// files with the same bytes; what names got's build in messages.
func sameTrees(t *testing.T, got, want map[string][]byte, what string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("the %s wrote %d files, the other build %d", what, len(got), len(want))
	}
	for rel, w := range want {
		if g, ok := got[rel]; !ok {
			t.Errorf("%s: missing from the %s", rel, what)
		} else if !bytes.Equal(g, w) {
			t.Errorf("%s: differs in the %s (%d vs %d bytes)", rel, what, len(g), len(w))
		}
	}
}

// forFixtureSites runs f as a subtest for each site whole-build
// comparisons run on (the fixture sites, the example site and a program
// site of generated pages, made under a scratch folder) and for the
// public and the team audience, with the options of a build of that site
// for that audience, drafts and future pages included.
func forFixtureSites(t *testing.T, pages int, seed uint64, f func(t *testing.T, opts Options)) {
	t.Helper()
	gen := filepath.Join(scratchDir(t), "generated")
	if _, err := corpus.Generate(gen, corpus.Options{Pages: pages, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	sites := map[string]string{
		"basic":     filepath.Join("testdata", "sites", "basic"),
		"bilingual": filepath.Join("testdata", "sites", "bilingual"),
		"program":   filepath.Join("testdata", "sites", "program"),
		"example":   filepath.Join("..", ".."),
		"generated": gen,
	}
	for _, name := range slices.Sorted(maps.Keys(sites)) {
		for _, level := range []audience.Level{audience.Public, audience.Team} {
			t.Run(name+"/"+level.String(), func(t *testing.T) {
				f(t, Options{Source: sites[name], Audience: level, AudienceSet: true, Drafts: true, Future: true, Now: exampleNow})
			})
		}
	}
}

// build builds a fixture site into a fresh folder and fails the test on
// any error.
func build(t *testing.T, src string, opts Options) (string, *Result) {
	t.Helper()
	opts.Source = src
	if opts.Out == "" {
		opts.Out = filepath.Join(t.TempDir(), "out")
	}
	if opts.Now.IsZero() {
		opts.Now = testNow
	}
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatalf("build %s: %v", src, err)
	}
	return opts.Out, res
}

// checkGolden compares a built tree with testdata/golden/<name>, file by
// file; with -update it rewrites the golden tree instead.
func checkGolden(t *testing.T, name, out string) {
	t.Helper()
	golden := filepath.Join("testdata", "golden", name)
	got := readTree(t, out)
	// Theme assets are the theme's own files: the golden keeps their hash,
	// not a copy (an asset change still shows, as a changed hash).
	for rel, data := range got {
		if isThemeAsset(rel) {
			sum := sha256.Sum256(data)
			got[rel] = []byte("sha256:" + hex.EncodeToString(sum[:]) + "\n")
		}
	}
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for rel, data := range got {
			p := filepath.Join(golden, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := readTree(t, golden)
	var names []string
	for rel := range want {
		names = append(names, rel)
	}
	for rel := range got {
		if _, ok := want[rel]; !ok {
			names = append(names, rel)
		}
	}
	sort.Strings(names)
	for _, rel := range names {
		w, inWant := want[rel]
		g, inGot := got[rel]
		switch {
		case !inGot:
			t.Errorf("%s: in the golden tree but not built (stale golden? run go test -update)", rel)
		case !inWant:
			t.Errorf("%s: built but not in the golden tree (run go test -update)", rel)
		case !bytes.Equal(w, g):
			t.Errorf("%s differs from golden:\n%s", rel, diffLines(string(w), string(g)))
		}
	}
}

// isThemeAsset reports the stylesheets, scripts and icons a build copies
// from the theme.
func isThemeAsset(rel string) bool {
	return strings.HasPrefix(rel, "css/") || strings.HasPrefix(rel, "js/") || rel == "favicon.svg"
}

// diffLines shows the first lines where two texts differ.
func diffLines(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			b.WriteString("  line " + strconv.Itoa(i+1) + "\n    want: " + w + "\n    got:  " + g + "\n")
			if shown++; shown == 5 {
				break
			}
		}
	}
	return b.String()
}

func TestGoldenBasic(t *testing.T) {
	out, _ := build(t, filepath.Join("testdata", "sites", "basic"), Options{})
	checkGolden(t, "basic", out)
}

func TestGoldenBasicTeam(t *testing.T) {
	out, _ := build(t, filepath.Join("testdata", "sites", "basic"), Options{Audience: audience.Team, AudienceSet: true, Drafts: true})
	checkGolden(t, "basic-team", out)
}

func TestGoldenProgram(t *testing.T) {
	out, _ := build(t, filepath.Join("testdata", "sites", "program"), Options{})
	checkGolden(t, "program", out)
}

func TestDeterministic(t *testing.T) {
	src := filepath.Join("testdata", "sites", "basic")
	a, _ := build(t, src, Options{Workers: 1})
	b, _ := build(t, src, Options{Workers: 8})
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files vs %d files", len(ta), len(tb))
	}
	for rel, data := range ta {
		if !bytes.Equal(data, tb[rel]) {
			t.Errorf("%s differs between a 1-worker and an 8-worker build", rel)
		}
	}
}
