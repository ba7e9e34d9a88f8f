package site

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/config"
	"github.com/sineng/sineng/generator/content"
	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/highlight"
	"github.com/sineng/sineng/generator/layout"
	"github.com/sineng/sineng/generator/leak"
	"github.com/sineng/sineng/generator/markdown"
	"github.com/sineng/sineng/generator/output"
	"github.com/sineng/sineng/generator/render"
)

// builder is the state of one Build call. It lives only while Build runs.
type builder struct {
	opts   Options
	errs   *diag.List
	cfg    *config.Config
	theme  *theme
	layout *layout.Set
	md     *markdown.Renderer
	hl     *highlight.Highlighter
	tree   *content.Tree
	pages  []*pageState // published pages of this build, in tree order
	byPage map[*content.Page]*pageState
	// excluded says why each page left out of the build was left out.
	excluded map[*content.Page]string
	// langStates holds every page of each language, published or not, for
	// the program model's reference checks.
	langStates map[string][]*pageState
	langs      []*langSite
	stage      sink
	stages     []StageTime
	// compiling is the compilation of the templates started once they
	// are loaded; the conversion stage waits for it.
	compiling sync.WaitGroup
	base      string               // the base URL's path, "/" or "/sub/"
	termURLs  map[[3]string]string // language, taxonomy, term → the term page's URL (assembly only)
	// viewTerms holds the views' taxonomy link maps, one for each shared
	// Terms map of content pages and language (assembly only).
	viewTerms map[termsKey]map[string][]render.Link
	// linkURLs maps the site-relative file of each published page with a
	// view to its URL, for link resolution (made once the views are).
	linkURLs map[string]string
	// bundles finds the bundle holding a file another page's body links
	// (foreignlinks.go); made with linkURLs.
	bundles bundleIndex
	// clashes holds the output paths two pages claim, reported by
	// checkOutputPaths; read-only after assembly.
	clashes map[string]bool
	// early is the helper that makes the page folders and converts pages
	// while assembly runs on one goroutine (early.go).
	early earlyHelper
	// publog makes the publication log while the outputs render;
	// publogData holds it once publog is done (publog.go).
	publog     sync.WaitGroup
	publogData []byte
	contact    map[string]bool // the site's contact e-mails, lower-cased
	leaks      *leak.Scanner   // nil in the team build: nothing leaves the team
	pageN      int
	// jobs are the output files of the build, kept for a Session's
	// incremental updates.
	jobs []job
	// ownTemplates is true when the site brings templates of its own
	// (layouts/ or a theme folder): their reads of other pages are unknown.
	ownTemplates bool
	// search is each language's index, by language key, when the site
	// has search.
	search map[string]*searchState
	// runner holds the output jobs while pages are made as soon as
	// they are converted (renderMarkdown); renderOutputs runs the rest.
	runner *jobRunner
	// keep is true for a Session's builds: the state needed for
	// incremental updates is kept (search index files, jobs).
	keep bool
}

// Build runs the whole pipeline. On any content, config or template problem
// it returns a *diag.Errors listing them all and the output folder is left
// exactly as it was.
func Build(ctx context.Context, opts Options) (*Result, error) {
	_, res, err := runBuild(ctx, opts, false)
	return res, err
}

// runBuild runs the whole pipeline and returns, with the result, the builder
// of a successful build for a Session to keep.
func runBuild(ctx context.Context, opts Options, keep bool) (*builder, *Result, error) {
	start := time.Now()
	b, err := newBuilder(opts)
	if err != nil {
		return nil, nil, err
	}
	b.keep = keep
	// A build that stops early leaves nothing running.
	defer b.compiling.Wait()
	defer b.stopEarly()
	defer b.publog.Wait()
	// A step whose stop says so is the last one run when problems were
	// found: the steps before it gather as many problems as they can
	// together (a broken template and a broken front matter are reported
	// in one run). Content files with problems do not stop the build: the
	// pages that loaded go on, so that one broken file does not hide the
	// problems of every other (links to the broken page, and references to
	// the leader it is, are then no problems of their own). A site
	// without its configuration or its templates stops there, as nothing
	// after could be checked; problems in bodies stop before the list
	// pages render, which would show the pages that failed. Problems never
	// let anything be written.
	always := func() bool { return true }
	steps := []struct {
		name string
		run  func(context.Context) error
		stop func() bool
	}{
		{"config", b.loadConfig, always},
		{"load", b.loadTemplatesAndContent, func() bool { return b.layout == nil || b.tree == nil }},
		{"decide", b.decide, nil},
		{"assemble", b.assemble, nil},
		{"markdown", b.renderMarkdown, always},
		{"render", b.renderOutputs, always},
	}
	for _, s := range steps {
		t0 := time.Now()
		var err error
		// The label lets a CPU profile be split by stage
		// (go tool pprof -tagfocus stage=markdown).
		pprof.Do(ctx, pprof.Labels("stage", s.name), func(ctx context.Context) { err = s.run(ctx) })
		if err != nil {
			b.abort()
			return nil, nil, err
		}
		b.timed(s.name, time.Since(t0))
		if s.stop != nil && b.errs.HasErrors() && s.stop() {
			b.abort()
			return nil, b.result(start), b.errs.Err()
		}
		if err := ctx.Err(); err != nil {
			b.abort()
			return nil, nil, fmt.Errorf("build: %w", err)
		}
	}
	t0 := time.Now()
	stats, err := b.stage.Commit()
	if err != nil {
		b.abort()
		return nil, nil, fmt.Errorf("build: %w", err)
	}
	if !b.opts.DryRun {
		if err := b.writePublicationLog(); err != nil {
			b.errs.Warn(err)
		}
	}
	b.timed("write", time.Since(t0))
	res := b.result(start)
	res.Written, res.Unchanged = stats.Written+stats.Copied, stats.Unchanged
	res.Files = stats.Written + stats.Copied + stats.Unchanged
	res.Changed = stats.Changed
	return b, res, nil
}

// loadTemplatesAndContent parses the templates while the content is read:
// neither needs the other, and together they are most of a small site's
// fixed cost. Their problems are reported together, sorted.
func (b *builder) loadTemplatesAndContent(ctx context.Context) error {
	var tplErr error
	var tplTime time.Duration
	done := make(chan struct{})
	go func() {
		defer close(done)
		t0 := time.Now()
		tplErr = b.loadTemplates(ctx)
		tplTime = time.Since(t0)
		if b.layout != nil && !b.opts.DryRun {
			// The templates compile while the content is read and
			// while one goroutine decides and assembles, when a core
			// is free, rather than when the first pages render.
			b.compiling.Go(b.layout.Prepare)
		}
	}()
	t0 := time.Now()
	err := b.loadContent(ctx)
	contentTime := time.Since(t0)
	<-done
	b.timed("templates", tplTime)
	b.timed("content", contentTime)
	if err != nil {
		return err
	}
	return tplErr
}

func newBuilder(opts Options) (*builder, error) {
	if opts.Source == "" {
		opts.Source = "."
	}
	src, err := filepath.Abs(opts.Source)
	if err != nil {
		return nil, fmt.Errorf("build: source folder: %w", err)
	}
	opts.Source = src
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	return &builder{opts: opts, errs: &diag.List{}, byPage: map[*content.Page]*pageState{}, excluded: map[*content.Page]string{}, langStates: map[string][]*pageState{}}, nil
}

func (b *builder) timed(name string, d time.Duration) {
	b.stages = append(b.stages, StageTime{Name: name, Duration: d})
	if b.opts.Verbose != nil {
		fmt.Fprintf(b.opts.Verbose, "%-10s %8.1f ms\n", name, float64(d.Microseconds())/1000)
	}
}

func (b *builder) abort() {
	if b.stage != nil {
		_ = b.stage.Abort()
	}
}

func (b *builder) result(start time.Time) *Result {
	warns, more := b.errs.Warnings()
	if more > 0 {
		warns = append(warns, fmt.Errorf("... and %d more warnings", more))
	}
	return &Result{Out: b.opts.Out, Pages: b.pageN, Duration: time.Since(start), Warnings: warns, Stages: b.stages}
}

// loadConfig reads site.toml and applies the CLI's overrides.
func (b *builder) loadConfig(context.Context) error {
	cfg, warns, err := config.LoadSite(b.opts.Source)
	for _, w := range warns {
		b.errs.Warn(w)
	}
	if err != nil {
		var de *diag.Errors
		var pe *diag.Error
		if errors.As(err, &de) || errors.As(err, &pe) {
			b.errs.Add(err)
			return nil
		}
		return fmt.Errorf("build: %w", err)
	}
	b.cfg = cfg
	if b.opts.BaseURL != "" {
		c := *cfg
		c.BaseURL = strings.TrimSuffix(b.opts.BaseURL, "/") + "/"
		b.cfg = &c
	}
	b.base = basePath(b.cfg.BaseURL)
	b.contact = map[string]bool{}
	for _, e := range b.cfg.Contact.Emails {
		b.contact[strings.ToLower(e)] = true
	}
	if !b.opts.AudienceSet && cfg.Build.Audience != "" {
		if l, err := audience.Parse(string(cfg.Build.Audience)); err == nil {
			b.opts.Audience = l
		}
	}
	b.opts.Drafts = b.opts.Drafts || cfg.Build.Drafts
	b.opts.Future = b.opts.Future || cfg.Build.Future
	b.opts.Expired = b.opts.Expired || cfg.Build.Expired
	if b.opts.Out == "" {
		b.opts.Out = cfg.Build.Out
	}
	if b.opts.Out == "" {
		b.opts.Out = DefaultOut(b.opts.Audience)
	}
	if !filepath.IsAbs(b.opts.Out) {
		b.opts.Out = filepath.Join(b.opts.Source, b.opts.Out)
	}
	if err := b.setupLeakScan(); err != nil {
		b.errs.Add(err)
		return nil
	}
	if b.opts.DryRun {
		b.stage = newDiscard()
		return nil
	}
	st, err := output.Open(b.opts.Out, output.Options{Source: b.opts.Source, Marker: PublicationLogPath(b.opts.Out)})
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	b.stage = st
	return nil
}

// DefaultOut is the output folder of an audience's build when none is
// given: public/ for the public, public-funders/ and public-team/ for the
// others, so a confidential build never overwrites the public one.
func DefaultOut(a audience.Level) string {
	if a == audience.Public {
		return "public"
	}
	return "public-" + a.String()
}
