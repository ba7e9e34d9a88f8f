package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/config"
	"github.com/sineng/sineng/generator/output"
	"github.com/sineng/sineng/generator/serve"
	"github.com/sineng/sineng/generator/site"
	"github.com/sineng/sineng/generator/watch"
)

// cmdServe runs the dev server until Ctrl-C (SIGINT) or SIGTERM.
func cmdServe(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveSite(ctx, args, stdout, stderr)
}

// serveSite is cmdServe with the context that stops it.
func serveSite(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sineng serve", flag.ContinueOnError)
	var opts site.Options
	var aud, bind string
	var port int
	var poll bool
	fs.StringVar(&opts.Source, "source", ".", "site folder holding site.toml")
	fs.StringVar(&opts.Out, "out", "", "output folder (default: a new temporary folder, removed on exit)")
	fs.StringVar(&aud, "audience", "", "who the build is for: public, funders or team (default public)")
	fs.StringVar(&bind, "bind", "127.0.0.1", "address to listen on; anything but loopback lets other machines in")
	fs.IntVar(&port, "port", 1313, "port to listen on; 0 picks a free one")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include drafts")
	fs.BoolVar(&opts.Future, "future", false, "include pages dated in the future")
	fs.BoolVar(&opts.Expired, "expired", false, "include expired pages")
	fs.StringVar(&opts.BaseURL, "base-url", "", "baseURL of the build (default: the server's own URL)")
	fs.BoolVar(&poll, "poll", false, "poll for changes instead of using file notifications (network folders)")
	fs.StringVar(&opts.Roster, "roster", "", "file of residents' names that must appear in no public or funders output")
	if code := parseFlags(fs, args, "Usage: sineng serve [flags]\n\nBuilds the site, serves it, and rebuilds and reloads open pages on every change.\nProblems are shown in the browser; the last good site stays served until they are fixed.", stderr); code >= 0 {
		return code
	}
	if port < 0 || port > 65535 {
		fmt.Fprintf(stderr, "sineng serve: --port %d is not a port number\n", port)
		return exitUsage
	}
	if err := setAudience(&opts, aud); err != nil {
		fmt.Fprintf(stderr, "sineng serve: --audience: %v\n", err)
		return exitUsage
	}
	src, err := filepath.Abs(opts.Source)
	if err == nil {
		_, err = os.Stat(src)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sineng serve: --source: %v\n", err)
		return exitUsage
	}
	opts.Source = src

	if opts.Out == "" {
		tmp, err := os.MkdirTemp("", "sineng-serve-")
		if err != nil {
			fmt.Fprintf(stderr, "sineng serve: %v\n", err)
			return exitBuild
		}
		defer os.RemoveAll(tmp)
		opts.Out = filepath.Join(tmp, "public")
	} else if !filepath.IsAbs(opts.Out) {
		opts.Out = filepath.Join(src, opts.Out) // as sineng build does
	}
	// A folder a build would refuse is not served either: the server
	// shows what the folder holds until a build succeeds, and a build
	// into "/", the site's own folder or a folder of files no build wrote
	// never does.
	if err := output.Check(opts.Out, output.Options{Source: src, Marker: site.PublicationLogPath(opts.Out)}); err != nil {
		fmt.Fprintf(stderr, "sineng serve: %v\n", err)
		return exitBuild
	}

	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintf(stderr, "sineng serve: %v\n", err)
		return exitBuild
	}
	url := serverURL(bind, ln.Addr())
	if opts.BaseURL == "" {
		opts.BaseURL = url
	}
	if !loopback(bind) {
		fmt.Fprintf(stderr, "warning: listening on %s: other machines can reach this %s build\n", bind, servedAudience(opts))
	}
	fmt.Fprintf(stdout, "serving %s at %s (output in %s; Ctrl-C to stop)\n", src, url, opts.Out)
	err = serve.Run(ctx, serve.Options{
		Source:   src,
		Out:      opts.Out,
		Listener: ln,
		Rebuild:  serve.Incremental(opts),
		Watch:    watch.Options{Poll: poll},
		Log:      stdout,
		Hosts:    baseURLHost(opts.BaseURL),
	})
	if err != nil {
		fmt.Fprintf(stderr, "sineng serve: %v\n", err)
		return exitBuild
	}
	fmt.Fprintln(stdout, "stopped")
	return exitOK
}

// servedAudience is the audience the server's builds are for: the flag's,
// else site.toml's [build] audience, else public, as a build decides it.
// A site.toml that does not load leaves the flag's (the build reports why).
func servedAudience(opts site.Options) audience.Level {
	if opts.AudienceSet {
		return opts.Audience
	}
	cfg, _, err := config.LoadSite(opts.Source)
	if err != nil || cfg.Build.Audience == "" {
		return opts.Audience
	}
	if l, err := audience.Parse(string(cfg.Build.Audience)); err == nil {
		return l
	}
	return opts.Audience
}

// baseURLHost is the host name of a --base-url, which a server on loopback
// answers besides localhost (a name in /etc/hosts, say); nil for none.
func baseURLHost(base string) []string {
	u, err := url.Parse(base)
	if err != nil || u.Hostname() == "" {
		return nil
	}
	return []string{u.Hostname()}
}

// serverURL is the address to open in a browser: the listener's port on
// the bound host, or on localhost when bound to every interface.
func serverURL(bind string, addr net.Addr) string {
	port := "0"
	if a, ok := addr.(*net.TCPAddr); ok {
		port = strconv.Itoa(a.Port)
	}
	host := bind
	if ip := net.ParseIP(bind); bind == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// loopback reports whether bind reaches this machine only.
func loopback(bind string) bool {
	if bind == "localhost" {
		return true
	}
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsLoopback()
}
