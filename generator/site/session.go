package site

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/frontmatter"
	"github.com/sineng/sineng/generator/markdown"
	"github.com/sineng/sineng/generator/render"
)

// Session builds one site again and again for the dev server. It keeps the
// state of its last successful full build, so an edit that changes only
// the Markdown bodies of published pages converts just those bodies and
// re-renders just the outputs that show them instead of the whole site.
// With the theme's templates the jobs' reads say which outputs those are;
// a site's own templates may show any page's body anywhere, so there every
// output is rendered again (and only those whose bytes changed written):
// still without loading, deciding, assembling or converting the rest.
//
// A Session is not safe for concurrent use: the dev server calls it from
// one goroutine, one batch of changes at a time.
type Session struct {
	opts Options
	last *builder // nil until a full build succeeds, and after a failed update
	// readers maps each page view to the jobs of last that show its body;
	// nil with a site's own templates, where every job may show it.
	readers map[*render.Page][]int
}

// NewSession returns a Session building with opts. opts.Out should be set:
// it is the folder every build and update writes.
func NewSession(opts Options) *Session {
	return &Session{opts: opts}
}

// Build runs a full build, exactly as Build does, and keeps its state for
// Update.
func (s *Session) Build(ctx context.Context) (*Result, error) {
	s.last, s.readers = nil, nil // let the old state go before a new one is made
	b, res, err := runBuild(ctx, s.opts, true)
	if err != nil || b == nil {
		return res, err
	}
	// The theme's templates read other pages' bodies only where the jobs'
	// reads say so; a site's own templates may read anything.
	if !b.opts.DryRun {
		s.last = b
		if !b.ownTemplates {
			s.readers = readers(b.jobs)
		}
	}
	return res, nil
}

// Update brings the output folder up to date after changes to files, given
// as slash paths relative to the site folder. When every file is a
// published or unpublished page whose front matter decodes exactly as
// before, only the bodies changed: Update converts them again and rewrites
// just the files that show them (with a site's own templates: renders every
// output and writes those that changed). Anything else (a new, removed or
// renamed file, a front-matter edit, a page titled from its body, a body
// calling a shortcode on a site with its own templates, no earlier
// successful build) gets a full Build. Either
// way the output folder ends up as a full build would leave it; on a
// problem it is left as it was and the error lists the problems.
func (s *Session) Update(ctx context.Context, files []string) (*Result, error) {
	b := s.last
	if b == nil {
		return s.Build(ctx)
	}
	if len(files) == 0 {
		return &Result{Out: b.opts.Out, Incremental: true}, nil
	}
	edits, ok := b.bodyEdits(files)
	if !ok {
		return s.Build(ctx)
	}
	shows := func(v *render.Page) []int { return s.readers[v] }
	if s.readers == nil {
		all := b.renderedJobs()
		shows = func(*render.Page) []int { return all }
	}
	res, kept, err := b.applyBodyEdits(ctx, edits, shows)
	if !kept {
		// The state may hold part of the failed update: start over next time.
		s.last, s.readers = nil, nil
	}
	return res, err
}

// bodyEdit is a page whose body changed and nothing else.
type bodyEdit struct {
	st   *pageState
	body []byte
}

// bodyEdits reads the changed files and reports whether each one is a page
// of the last build whose front matter is unchanged (and, with a site's own
// templates, whose body calls no shortcode). Pages left out of the build
// are dropped: nothing shows their bodies.
func (b *builder) bodyEdits(files []string) ([]bodyEdit, bool) {
	var edits []bodyEdit
	for _, f := range files {
		f = path.Clean(f)
		if !strings.HasPrefix(f, "content/") || !strings.HasSuffix(f, ".md") {
			return nil, false
		}
		p, ok := b.tree.ByFile(f)
		if !ok || p.TitleFromFile {
			return nil, false
		}
		src, err := os.ReadFile(filepath.Join(b.opts.Source, filepath.FromSlash(f)))
		if err != nil {
			return nil, false
		}
		m, body, err := frontmatter.Parse(f, src)
		if err != nil || !sameMatter(m, p.Matter) {
			return nil, false
		}
		if b.ownTemplates && markdown.HasShortcode(body) {
			// A site's own shortcode may show other pages' bodies, which a
			// full build converts before any view is filled: only a full
			// build gives its output.
			return nil, false
		}
		st := b.byPage[p]
		if st == nil || st.view == nil {
			continue
		}
		edits = append(edits, bodyEdit{st: st, body: body})
	}
	return edits, true
}

// sameMatter reports whether two decodings of a page's front matter are
// equal in every value and position.
func sameMatter(a, b frontmatter.Matter) bool {
	return a.Format == b.Format && a.Line == b.Line && a.BodyLine == b.BodyLine &&
		reflect.DeepEqual(a.Data, b.Data) && reflect.DeepEqual(a.Pos, b.Pos)
}

// applyBodyEdits converts the edited bodies, re-renders the outputs that
// show them and writes those whose bytes changed into the output folder.
// kept says whether the builder still matches the output folder: false
// once the views took an edit that could not be written.
func (b *builder) applyBodyEdits(ctx context.Context, edits []bodyEdit, shows func(*render.Page) []int) (res *Result, kept bool, err error) {
	start := time.Now()
	b.errs = &diag.List{}
	b.stages = nil
	// Convert first, into copies: a body with a broken link leaves the
	// state as it was.
	next := make([]pageState, len(edits))
	b.parallel(len(edits), func(i int) {
		next[i] = *edits[i].st
		if err := b.convert(&next[i], edits[i].body); err != nil {
			b.errs.Add(err)
		}
	})
	if b.errs.HasErrors() {
		return b.result(start), true, b.errs.Err()
	}
	if err := ctx.Err(); err != nil {
		return nil, true, fmt.Errorf("build: %w", err)
	}
	var todo []int
	seen := map[int]bool{}
	for i, e := range edits {
		st := e.st
		st.md, st.counts, st.plain, st.text = next[i].md, next[i].counts, next[i].plain, next[i].text
		b.fillView(st)
		for _, j := range shows(st.view) {
			if !seen[j] {
				seen[j] = true
				todo = append(todo, j)
			}
		}
	}
	b.timed("markdown", time.Since(start))
	t0 := time.Now()
	// Kept partial outputs may show the edited pages as they were.
	b.layout.ClearFragments()
	files, err := b.renderSome(todo)
	if err == nil {
		var more []outFile
		more, err = b.updateSearch(edits)
		files = append(files, more...)
	}
	if err == nil && b.errs.HasErrors() {
		err = b.errs.Err()
	}
	if err != nil {
		return b.result(start), false, err
	}
	b.timed("render", time.Since(t0))
	t0 = time.Now()
	changed, err := b.writeOut(files)
	b.timed("write", time.Since(t0))
	if err != nil {
		return b.result(start), false, fmt.Errorf("build: %w", err)
	}
	res = b.result(start)
	res.Pages = 0
	for _, f := range files {
		if f.html {
			res.Pages++
		}
	}
	res.Written, res.Files, res.Changed = len(changed), len(files), changed
	res.Unchanged = len(files) - len(changed)
	res.Incremental = true
	return res, true, nil
}
