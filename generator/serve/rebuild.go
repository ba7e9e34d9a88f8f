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
