package content

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"path/filepath"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/frontmatter"
)

// streamSite is a site of more pages than a block of slots holds, with
// bundles, terms, translations and broken files among them.
func streamSite() map[string]string {
	files := map[string]string{"content/_index.md": "+++\ntitle = \"Home\"\n+++\n"}
	for i := range 2*slotBlock + 37 {
		sec := []string{"news", "cases", "notes/deep"}[i%3]
		name := fmt.Sprintf("content/%s/p-%04d.md", sec, i)
		switch {
		case i%97 == 5:
			files[name] = "+++\ntitle = [\n+++\n" // does not decode
		case i%89 == 7:
			files[name] = fmt.Sprintf("+++\ntitle = \"p%d\"\nweight = \"heavy\"\n+++\n", i) // wrong type
		case i%50 == 3:
			name = fmt.Sprintf("content/%s/b-%04d/index.md", sec, i)
			files[filepath.ToSlash(filepath.Join(filepath.Dir(name), "photo.png"))] = "png"
			files[name] = fmt.Sprintf("---\ntitle: b%d\ntags: [x, y]\n---\n", i)
		case i%40 == 9:
			files[fmt.Sprintf("content/%s/p-%04d.zh.md", sec, i)] = fmt.Sprintf("+++\ntitle = \"页%d\"\n+++\n", i)
			fallthrough
		default:
			files[name] = fmt.Sprintf("+++\ntitle = \"p%d\"\ndate = 2024-01-%02d\ntags = [\"t%d\"]\nweight = %d\n+++\n# H\n", i, 1+i%28, i%5, i%7)
		}
	}
	return files
}

// TestStreamedLoadMatchesSerialReads loads a site with the walk streaming
// into one and into several workers and checks every page and problem
// against the files of a whole walk read one after another.
func TestStreamedLoadMatchesSerialReads(t *testing.T) {
	src := writeSite(t, streamSite())
	opts := Options{Source: src, Languages: []string{"en", "zh"}, Taxonomies: []string{"tags"}, LazyBodies: true}

	// The serial reference: the whole walk first, then each file read.
	ref := opts
	ref.defaults()
	root := filepath.Join(src, "content")
	var files []file
	if _, _, err := walk(root, newFileNames(ref), func(f file) bool { files = append(files, f); return true }, func(rel string, err error) { t.Errorf("%s: %v", rel, err) }); err != nil {
		t.Fatal(err)
	}
	serial := &reader{prefix: newFileNames(ref).prefix, opts: ref, seed: maphash.MakeSeed()}
	var dec frontmatter.Decoder
	var buf []byte
	var want []*Page
	var wantErrs []string
	for _, f := range files {
		var problems []error
		if p := serial.readPage(f, &dec, &buf, &problems); p != nil {
			want = append(want, p)
		}
		for _, e := range problems {
			wantErrs = append(wantErrs, e.Error())
		}
	}
	if len(wantErrs) == 0 || len(want) < 2*slotBlock {
		t.Fatalf("the site should have problems and span slot blocks: %d pages, %d problems", len(want), len(wantErrs))
	}

	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			o := opts
			o.Workers = workers
			errs := &diag.List{Cap: 1000}
			tree, err := Load(context.Background(), o, errs)
			if err != nil {
				t.Fatal(err)
			}
			list, _ := errs.Errors()
			var gotErrs []string
			for _, e := range list {
				gotErrs = append(gotErrs, e.Error())
			}
			if !slices.Equal(gotErrs, wantErrs) {
				t.Errorf("problems, in walk order:\n got %q\nwant %q", gotErrs, wantErrs)
			}
			inParent := map[*Page][]string{} // the reference's files under each section, in walk order
			for _, w := range want {
				got, ok := tree.ByFile(w.File)
				if !ok {
					t.Errorf("%s: no page", w.File)
					continue
				}
				if got.Title != w.Title || !got.Date.Equal(w.Date) || got.Weight != w.Weight || got.Lang != w.Lang ||
					!reflect.DeepEqual(got.Terms, w.Terms) || !reflect.DeepEqual(got.Matter.Data, w.Matter.Data) {
					t.Errorf("%s: read as %q %v %d %v, want %q %v %d %v", w.File, got.Title, got.Date, got.Weight, got.Terms, w.Title, w.Date, w.Weight, w.Terms)
				}
				if body, err := tree.Body(got); err != nil || w.Kind == KindPage && !w.Bundle && w.Lang == "en" && string(body) != "# H\n" {
					t.Errorf("%s: body %q, %v", w.File, body, err)
				}
				if w.Kind == KindPage {
					inParent[got.Parent] = append(inParent[got.Parent], w.File)
				}
			}
			for parent, files := range inParent {
				var got []string
				for _, c := range parent.Pages {
					got = append(got, c.File)
				}
				if !slices.Equal(got, files) {
					t.Errorf("section %s holds %d pages not in walk order (want %d)", parent.Path, len(got), len(files))
				}
			}
		})
	}
}

// cancelAfter is a context that is cancelled from its n+1st Err on, so a
// Load stops midway through the walk, with files already read.
type cancelAfter struct {
	context.Context
	n atomic.Int64
}

func (c *cancelAfter) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestLoadCancelledReportsNoFileProblems checks that a Load that stops
// early, before the walk or midway with broken files already read,
// reports only why, not the problems of the files it read.
func TestLoadCancelledReportsNoFileProblems(t *testing.T) {
	src := writeSite(t, streamSite())
	for _, after := range []int64{0, slotBlock} {
		ctx := &cancelAfter{Context: context.Background()}
		ctx.n.Store(after)
		errs := &diag.List{}
		if _, err := Load(ctx, Options{Source: src, Workers: 2}, errs); !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled after %d files: Load returned %v, want context.Canceled", after, err)
		}
		if errs.HasErrors() {
			t.Errorf("cancelled after %d files: reported file problems: %v", after, errs.Err())
		}
	}
}

func TestRelPathMatchesFilepathRel(t *testing.T) {
	sep := string(filepath.Separator)
	tests := []struct{ root, p string }{
		{"site" + sep + "content", "site" + sep + "content"},
		{"site" + sep + "content", filepath.Join("site", "content", "news", "a.md")},
		{"site" + sep + "content", filepath.Join("site", "contentx", "a.md")},
		{".", "a.md"},
		{".", filepath.Join("news", "a.md")},
		{sep, sep + "a.md"},
		{filepath.Join(sep, "tmp", "c"), filepath.Join(sep, "tmp", "c", "d", "e.md")},
	}
	for _, tt := range tests {
		want, err := filepath.Rel(tt.root, tt.p)
		if err != nil {
			t.Fatal(err)
		}
		if got := relPath(tt.root, tt.p); got != filepath.ToSlash(want) {
			t.Errorf("relPath(%q, %q) = %q, want %q", tt.root, tt.p, got, filepath.ToSlash(want))
		}
	}
}
