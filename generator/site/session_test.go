package site

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/corpus"
)

// contentFiles lists the Markdown files of a site, site-relative.
func contentFiles(t *testing.T, src string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(filepath.Join(src, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(src, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// appendBody adds text at the end of a file: its body, after the front
// matter.
func appendBody(t *testing.T, src, rel, text string) {
	t.Helper()
	p := filepath.Join(src, filepath.FromSlash(rel))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(data, []byte(text)...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// diffOutputs names the files that differ between two output trees.
func diffOutputs(got, want map[string][]byte) string {
	var d []string
	for p, w := range want {
		if g, ok := got[p]; !ok {
			d = append(d, "missing "+p)
		} else if !bytes.Equal(g, w) {
			d = append(d, "differs "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			d = append(d, "extra "+p)
		}
	}
	sort.Strings(d)
	if len(d) > 8 {
		d = append(d[:8], fmt.Sprintf("... and %d more", len(d)-8))
	}
	return strings.Join(d, "\n")
}

// TestSessionBodyEditsEqualFullBuilds edits the bodies of random pages of a
// generated program site (leaders, cases, sessions, projects, exchange,
// section pages, plain pages) and checks after each incremental update
// that the output folder equals a fresh full build byte for byte, for the
// public build (redaction, leak scan) and the team build.
func TestSessionBodyEditsEqualFullBuilds(t *testing.T) {
	for _, aud := range []audience.Level{audience.Public, audience.Team} {
		t.Run(aud.String(), func(t *testing.T) {
			dir := scratchDir(t)
			src := filepath.Join(dir, "site")
			if _, err := corpus.Generate(src, corpus.Options{Pages: 160, Seed: 11}); err != nil {
				t.Fatal(err)
			}
			out, fresh := filepath.Join(dir, "out"), filepath.Join(dir, "fresh")
			opts := Options{Source: src, Out: out, Now: testNow, Audience: aud, AudienceSet: true, Future: true, Drafts: aud == audience.Team}
			s := NewSession(opts)
			ctx := context.Background()
			if _, err := s.Build(ctx); err != nil {
				t.Fatal(err)
			}
			files := contentFiles(t, src)
			rng := rand.New(rand.NewPCG(7, uint64(aud)))
			incremental := 0
			steps := 30
			if testing.Short() {
				steps = 10 // the race detector makes each full build slow
			}
			for step := range steps {
				var edited []string
				for range 1 + rng.IntN(2) {
					f := files[rng.IntN(len(files))]
					appendBody(t, src, f, fmt.Sprintf("\n\nEdit %d: 编辑第%d次 with **bold** words.\n", step, step))
					edited = append(edited, f)
				}
				res, err := s.Update(ctx, edited)
				if err != nil {
					t.Fatalf("step %d (%v): %v", step, edited, err)
				}
				if res.Incremental {
					incremental++
				}
				o := opts
				o.Out = fresh
				if _, err := Build(ctx, o); err != nil {
					t.Fatal(err)
				}
				if d := diffOutputs(readTree(t, out), readTree(t, fresh)); d != "" {
					t.Fatalf("step %d (edited %v, incremental %v): output differs from a full build:\n%s", step, edited, res.Incremental, d)
				}
			}
			if incremental < steps*5/6 {
				t.Errorf("only %d of %d body edits were applied incrementally", incremental, steps)
			}
		})
	}
}

// TestSessionUpdateFallsBackAndKeepsOutput checks the cases an update
// cannot apply alone: a front-matter edit gets a full build, and a body
// with a broken link fails with the file's position and leaves the output
// as it was, after which fixing it updates incrementally again.
func TestSessionUpdateFallsBackAndKeepsOutput(t *testing.T) {
	dir := scratchDir(t)
	src := filepath.Join(dir, "site")
	if _, err := corpus.Generate(src, corpus.Options{Pages: 60, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	s := NewSession(Options{Source: src, Out: out, Now: testNow, Audience: audience.Team, AudienceSet: true, Future: true, Drafts: true})
	ctx := context.Background()
	if _, err := s.Build(ctx); err != nil {
		t.Fatal(err)
	}
	var page string
	for _, f := range contentFiles(t, src) {
		data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(f)))
		if err == nil && !strings.HasSuffix(f, "_index.md") && bytes.HasPrefix(data, []byte("+++\n")) && bytes.Contains(data, []byte("\ntitle = ")) {
			page = f
			break
		}
	}
	if page == "" {
		t.Fatal("corpus has no page with TOML front matter and a title")
	}
	p := filepath.Join(src, filepath.FromSlash(page))
	orig, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}

	// Front matter: a full build.
	changed := bytes.Replace(orig, []byte("title = "), []byte("weight = 3\ntitle = "), 1)
	if bytes.Equal(changed, orig) {
		t.Fatalf("%s has no TOML title to edit:\n%s", page, orig)
	}
	if err := os.WriteFile(p, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := s.Update(ctx, []string{page})
	if err != nil || res.Incremental {
		t.Fatalf("front-matter edit: err %v, incremental %v; want a full build", err, res != nil && res.Incremental)
	}

	// A broken link: an error at the link, the output untouched.
	before := readTree(t, out)
	broken := append(append([]byte{}, changed...), []byte("\nSee [gone](no-such-page.md).\n")...)
	if err := os.WriteFile(p, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = s.Update(ctx, []string{page})
	if err == nil || !strings.Contains(err.Error(), page+":") || !strings.Contains(err.Error(), "no-such-page.md") {
		t.Fatalf("broken link: err = %v; want it at %s", err, page)
	}
	if d := diffOutputs(readTree(t, out), before); d != "" {
		t.Fatalf("a failed update changed the output:\n%s", d)
	}

	// Fixed: incremental again, and the page shows the new text.
	fixed := append(append([]byte{}, changed...), []byte("\nA fixed sentence.\n")...)
	if err := os.WriteFile(p, fixed, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = s.Update(ctx, []string{page})
	if err != nil || !res.Incremental {
		t.Fatalf("fixed body: err %v, incremental %v", err, res != nil && res.Incremental)
	}
	found := false
	for _, c := range res.Changed {
		data, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(c)))
		found = found || bytes.Contains(data, []byte("A fixed sentence."))
	}
	if !found {
		t.Errorf("no changed file (%v) holds the new sentence", res.Changed)
	}
}

// TestSessionBodyEditsInBothLanguages edits the Chinese and the English
// version of pages of the bilingual fixture, one language at a time and
// both at once, and compares the output with a fresh build after each
// update: each language's pages, lists, feeds and search index.
func TestSessionBodyEditsInBothLanguages(t *testing.T) {
	dir := scratchDir(t)
	src := filepath.Join(dir, "site")
	if err := os.CopyFS(src, os.DirFS(filepath.Join("testdata", "sites", "bilingual"))); err != nil {
		t.Fatal(err)
	}
	opts := Options{Source: src, Out: filepath.Join(dir, "out"), Now: testNow}
	s := NewSession(opts)
	ctx := context.Background()
	if _, err := s.Build(ctx); err != nil {
		t.Fatal(err)
	}
	steps := [][]string{
		{"content/projects/elevator.md"},
		{"content/projects/elevator.en.md"},
		{"content/projects/elevator.md", "content/projects/elevator.en.md", "content/_index.en.md"},
		{"content/news/中文动态.md"},
	}
	for i, files := range steps {
		for _, f := range files {
			appendBody(t, src, f, fmt.Sprintf("\n\n加装电梯 elevator council note %d.\n", i))
		}
		res, err := s.Update(ctx, files)
		if err != nil || !res.Incremental {
			t.Fatalf("step %d (%v): err %v, incremental %v", i, files, err, res != nil && res.Incremental)
		}
		fresh := opts
		fresh.Out = filepath.Join(dir, "fresh")
		if _, err := Build(ctx, fresh); err != nil {
			t.Fatal(err)
		}
		if d := diffOutputs(readTree(t, opts.Out), readTree(t, fresh.Out)); d != "" {
			t.Fatalf("step %d (%v): output differs from a full build:\n%s", i, files, d)
		}
	}
}

// TestSessionBodyEditsWithOwnTemplates gives a generated site a page
// template of its own that prints, on every page, the summary and word
// count of every regular page, so any body edit changes every page. Body
// edits must still be applied without a full build, and the output must
// equal a fresh full build after each; a body calling a shortcode (the
// site's own shortcodes may show other pages' bodies) gets a full build.
func TestSessionBodyEditsWithOwnTemplates(t *testing.T) {
	dir := scratchDir(t)
	src := filepath.Join(dir, "site")
	if _, err := corpus.Generate(src, corpus.Options{Pages: 60, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	single := `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}` +
		`<ol>{{ range .Site.RegularPages }}<li>{{ .Title }} {{ .WordCount }}: {{ .Summary }}</li>{{ end }}</ol>{{ end }}`
	if err := os.MkdirAll(filepath.Join(src, "layouts", "_default"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "layouts", "_default", "single.html"), []byte(single), 0o644); err != nil {
		t.Fatal(err)
	}
	out, fresh := filepath.Join(dir, "out"), filepath.Join(dir, "fresh")
	opts := Options{Source: src, Out: out, Now: testNow, Audience: audience.Team, AudienceSet: true, Future: true, Drafts: true}
	s := NewSession(opts)
	ctx := context.Background()
	if _, err := s.Build(ctx); err != nil {
		t.Fatal(err)
	}
	var plain []string // regular pages whose bodies call no shortcode
	for _, f := range contentFiles(t, src) {
		data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(f, "_index.md") && !bytes.Contains(data, []byte("{{<")) && !bytes.Contains(data, []byte("{{%")) {
			plain = append(plain, f)
		}
	}
	if len(plain) < 3 {
		t.Fatalf("only %d pages without shortcodes", len(plain))
	}
	check := func(step int, edited []string, wantIncremental bool) {
		t.Helper()
		res, err := s.Update(ctx, edited)
		if err != nil {
			t.Fatalf("step %d (%v): %v", step, edited, err)
		}
		if res.Incremental != wantIncremental {
			t.Fatalf("step %d (%v): incremental %v, want %v", step, edited, res.Incremental, wantIncremental)
		}
		o := opts
		o.Out = fresh
		if _, err := Build(ctx, o); err != nil {
			t.Fatal(err)
		}
		if d := diffOutputs(readTree(t, out), readTree(t, fresh)); d != "" {
			t.Fatalf("step %d (edited %v): output differs from a full build:\n%s", step, edited, d)
		}
	}
	for step, f := range []string{plain[0], plain[len(plain)/2], plain[len(plain)-1]} {
		appendBody(t, src, f, fmt.Sprintf("\n\nOwn templates, edit %d: 第%d次修改，多写几个字。\n", step, step))
		check(step, []string{f}, true)
	}
	appendBody(t, src, plain[1], "\n\n{{< note >}}a shortcode call{{< /note >}}\n")
	if err := os.MkdirAll(filepath.Join(src, "layouts", "shortcodes"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "layouts", "shortcodes", "note.html"), []byte(`<aside>{{ .Inner }}</aside>`), 0o644); err != nil {
		t.Fatal(err)
	}
	check(3, []string{plain[1], "layouts/shortcodes/note.html"}, false)
	appendBody(t, src, plain[1], "\n\nAfter the shortcode, more words.\n")
	check(4, []string{plain[1]}, false)
}
