package serve

import (
	"context"

	"github.com/sineng/sineng/generator/site"
	"github.com/sineng/sineng/generator/watch"
)

// Rebuilder brings the output folder up to date after a batch of source
// changes, exactly as a full build would leave it, and returns the build's
// result. On a content, template or config problem it returns the error (a
// *diag.Errors) and leaves the output folder as it was. Run calls it from
// one goroutine, one batch at a time; the first call, before any change,
// gets a Batch with Full set.
type Rebuilder func(ctx context.Context, batch watch.Batch) (*site.Result, error)

// FullRebuild returns a Rebuilder that runs a whole site.Build with opts
// for every batch; the output package's staging makes files whose bytes did
// not change cheap hard links. opts.Out should be set: it is the folder
// served.
func FullRebuild(opts site.Options) Rebuilder {
	return func(ctx context.Context, _ watch.Batch) (*site.Result, error) {
		return site.Build(ctx, opts)
	}
}

// Incremental returns a Rebuilder that keeps a site.Session: a batch that
// only edits page bodies (no config, template, static, data or asset
// change, and no lost events) is applied by Session.Update, which
// re-renders just the outputs showing those bodies; any other batch gets a
// full build. Both leave the output folder as a full build would.
func Incremental(opts site.Options) Rebuilder {
	s := site.NewSession(opts)
	return func(ctx context.Context, b watch.Batch) (*site.Result, error) {
		c := b.Changes
		if b.Full || c.Config || len(c.Templates)+len(c.Static)+len(c.Data)+len(c.Assets) > 0 {
			return s.Build(ctx)
		}
		return s.Update(ctx, c.Content)
	}
}
