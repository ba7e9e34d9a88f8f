package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/sineng/sineng/generator/site"
	"github.com/sineng/sineng/generator/watch"
)

// Options configures Run.
type Options struct {
	// Source is the site folder to watch. Required unless Batches is set.
	Source string
	// Out is the output folder Rebuild writes and the server serves.
	// Required.
	Out string
	// Listener is where to serve; Run closes it. Required.
	Listener net.Listener
	// Rebuild builds the site. Required; FullRebuild makes one.
	Rebuild Rebuilder
	// Batches, when set, is read instead of watching Source (for tests
	// and tools that know what changed).
	Batches <-chan watch.Batch
	// Watch sets the watcher's timing and polling; Run fills in its Root
	// and Ignore (the output folder) and, when it is nil, its Log.
	Watch watch.Options
	// Log receives one line a build, the problems of failed builds, and
	// the watcher's notes; nil discards them.
	Log io.Writer
	// OnBuild, when set, is called after each build was reported to open
	// pages, from Run's goroutine.
	OnBuild func(BuildReport)
	// Hosts are host names (without a port) the server answers besides
	// localhost and loopback addresses, when Listener is on a loopback
	// address (a name in /etc/hosts for 127.0.0.1, say); a listener on
	// any other address answers every name.
	Hosts []string
}

// BuildReport describes one finished build, for Options.OnBuild.
type BuildReport struct {
	Gen    uint64       // 1 for the first build
	Batch  watch.Batch  // what the build was for; Full for the first
	Result *site.Result // nil when the build did not get far
	Err    error        // the build's problems, or nil
	Event  string       // what open pages were sent: "reload", "css" or "failed"
}

// shutdownGrace bounds how long Run waits for requests in flight when it
// stops.
const shutdownGrace = 5 * time.Second

// Run builds the site once, serves the output folder on opts.Listener, and
// rebuilds on every batch of changes until ctx ends (or Batches is
// closed); then it closes the event streams, shuts the HTTP server down and
// returns nil. Problems in the site never end Run: a failed build, the
// first one too, keeps the last good output served (or an error page) with
// the problems shown in the browser. Run returns an error when the options
// are incomplete, the watcher cannot start, or the HTTP server fails.
func Run(ctx context.Context, opts Options) error {
	if opts.Out == "" || opts.Listener == nil || opts.Rebuild == nil || (opts.Source == "" && opts.Batches == nil) {
		return errors.New("serve: Out, Listener, Rebuild and Source (or Batches) are required")
	}
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		opts.Listener.Close()
		return fmt.Errorf("serve: %w", err)
	}
	batches := opts.Batches
	if batches == nil {
		wo := opts.Watch
		wo.Root = opts.Source
		wo.Ignore = append(append([]string(nil), wo.Ignore...), out)
		if wo.Log == nil {
			wo.Log = logw
		}
		w, err := watch.Start(ctx, wo)
		if err != nil {
			opts.Listener.Close()
			return fmt.Errorf("serve: %w", err)
		}
		defer w.Close()
		batches = w.Batches()
	}

	s := New(out)
	s.hosts = newHostPolicy(opts.Listener.Addr(), opts.Hosts)
	s.build(ctx, opts, logw, watch.Batch{Full: true})

	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute, ErrorLog: log.New(logw, "serve: ", 0)}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(opts.Listener) }()

	var serveErr error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case serveErr = <-served:
			break loop
		case b, ok := <-batches:
			if !ok {
				break loop
			}
			s.build(ctx, opts, logw, b)
		}
	}
	s.Close()
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	shutErr := hs.Shutdown(sctx)
	if serveErr == nil {
		serveErr = <-served
	}
	if errors.Is(serveErr, http.ErrServerClosed) {
		serveErr = nil
	}
	if serveErr != nil {
		return fmt.Errorf("serve: %w", serveErr)
	}
	if shutErr != nil {
		return fmt.Errorf("serve: shut down: %w", shutErr)
	}
	return nil
}

// build runs one build, reports it to open pages and to the log.
func (s *Server) build(ctx context.Context, opts Options, logw io.Writer, b watch.Batch) {
	s.building.Store(true)
	res, err := opts.Rebuild(ctx, b)
	s.building.Store(false)
	if ctx.Err() != nil {
		return // interrupted: stopping
	}
	ev := s.report(b.Changes, res, err)
	first := s.Builds() == 1
	logBuild(logw, first, b, res, err, ev)
	if opts.OnBuild != nil {
		opts.OnBuild(BuildReport{Gen: s.Builds(), Batch: b, Result: res, Err: err, Event: ev})
	}
}

// logBuild writes a build's summary line, or its problems.
func logBuild(w io.Writer, first bool, b watch.Batch, res *site.Result, err error, ev string) {
	cause := ""
	if !first && len(b.Paths) > 0 {
		cause = " after a change to " + shortPaths(b.Paths)
	}
	if err != nil {
		lines := problems(err)
		fmt.Fprintf(w, "build failed%s with %d problem%s; the last good site stays served:\n", cause, len(lines), plural(len(lines)))
		for _, l := range lines {
			fmt.Fprintf(w, "  error: %s\n", l)
		}
		return
	}
	if res == nil {
		fmt.Fprintf(w, "built%s\n", cause)
		return
	}
	if first {
		for _, warn := range res.Warnings {
			fmt.Fprintf(w, "warning: %v\n", warn)
		}
		fmt.Fprintf(w, "built %d pages, %d files in %s\n", res.Pages, res.Files, res.Duration.Round(time.Millisecond))
		return
	}
	warn := ""
	if n := len(res.Warnings); n > 0 {
		warn = fmt.Sprintf(", %d warning%s", n, plural(n))
	}
	if ev == eventCSS {
		warn += "; stylesheets swapped in open pages"
	}
	fmt.Fprintf(w, "rebuilt%s in %s: %d file%s changed%s\n", cause, res.Duration.Round(time.Millisecond), len(res.Changed), plural(len(res.Changed)), warn)
}

// shortPaths names the first changed path and counts the others.
func shortPaths(paths []string) string {
	s := filepath.Base(paths[0])
	if len(paths) > 1 {
		s += fmt.Sprintf(" and %d more", len(paths)-1)
	}
	return strings.TrimSpace(s)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
