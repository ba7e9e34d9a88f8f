package site

import (
	"context"
	"errors"
	"fmt"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/diag"
)

// Check validates a site the way a build for each audience would (schema,
// references, budgets, durations, links, templates, consent rules) and
// writes nothing. It returns the warnings, and a *diag.Errors of every
// problem found by any of the builds, each listed once.
func Check(ctx context.Context, opts Options) ([]error, error) {
	all := &diag.List{}
	seen := map[string]bool{}
	var warns []error
	warnSeen := map[string]bool{}
	for _, a := range []audience.Level{audience.Public, audience.Funders, audience.Team} {
		o := opts
		o.DryRun, o.Audience, o.AudienceSet = true, a, true
		res, err := Build(ctx, o)
		if res != nil {
			for _, w := range res.Warnings {
				if !warnSeen[w.Error()] {
					warnSeen[w.Error()] = true
					warns = append(warns, w)
				}
			}
		}
		if err == nil {
			continue
		}
		var list *diag.Errors
		if !errors.As(err, &list) {
			return warns, fmt.Errorf("check: %w", err)
		}
		for _, e := range list.List {
			if !seen[e.Error()] {
				seen[e.Error()] = true
				all.Add(e)
			}
		}
	}
	return warns, all.Err()
}
