package site

import (
	"io"
	"time"

	"github.com/sineng/sineng/generator/audience"
)

// Options says what to build and where. The zero value builds the site in
// the current folder for the public audience into public/.
type Options struct {
	Source   string         // site folder holding site.toml; default "."
	Out      string         // output folder; default public/, or public-<audience>/ for other audiences
	Audience audience.Level // who the build is for
	Drafts   bool           // include drafts
	Future   bool           // include pages dated in the future
	Expired  bool           // include expired pages
	BaseURL  string         // overrides site.toml's baseURL when set
	Now      time.Time      // the build's clock; default time.Now()
	Workers  int            // parallel workers; default GOMAXPROCS
	Verbose  io.Writer      // where stage times go; nil for none
	// Roster is a file of names (one a line) the team keeps outside the
	// published tree; public and funders builds fail when any output
	// contains one of them.
	Roster string

	// DryRun runs every stage and reports every problem but writes nothing:
	// `sineng check`.
	DryRun bool

	// AudienceSet records whether Audience was chosen explicitly; when not,
	// the site's build.audience default applies.
	AudienceSet bool

	// interpret executes templates with html/template only (no compiled
	// executor): the oracle the tests compare compiled output with.
	interpret bool

	// early says how many pages the helper converts before the runs
	// (early.go): as many as it can while the build assembles (the
	// default), every one it may (the tests, to check that early
	// conversion changes no output), or none.
	early earlyMode
}

// earlyMode is an Options.early setting.
type earlyMode int

const (
	earlyWhileIdle earlyMode = iota
	earlyAll
	earlyNone
)

// Result describes a finished build.
type Result struct {
	Out       string        // output folder written
	Pages     int           // HTML pages written (aliases excluded)
	Files     int           // files in the output
	Written   int           // files whose bytes changed
	Unchanged int           // files kept as they were
	Duration  time.Duration // wall time of the whole build
	Warnings  []error
	Stages    []StageTime
	// Changed lists the output files whose bytes are new in this build,
	// sorted (slash paths inside Out).
	Changed []string
	// Incremental is true for a Session update that re-rendered only the
	// outputs showing edited page bodies.
	Incremental bool
}

// StageTime is how long one stage of a build took.
type StageTime struct {
	Name     string
	Duration time.Duration
}
