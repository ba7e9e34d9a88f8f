package main

import (
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sineng/sineng/bench/floor"
)

// TestMain lets the test binary stand in for the tools the benchmark runs,
// chosen by SINENG_BENCH_FAKE: "fail" fails like a build with an error,
// "noserve" rejects every command line, "serve" and "serve-flat" act as
// `sineng serve` (pretty URLs, or one .html file per page), "build" writes
// one file into --out as a build that succeeds, and run as the floor
// command (-content … -out …) it is the floor.
func TestMain(m *testing.M) {
	switch mode := os.Getenv("SINENG_BENCH_FAKE"); mode {
	case "":
		os.Exit(m.Run())
	case "fail":
		fmt.Println("Start building sites …")
		fmt.Fprintln(os.Stderr, "Error: boom at content/a.md:3:1")
		os.Exit(1)
	case "noserve":
		fmt.Fprintln(os.Stderr, "unknown command")
		os.Exit(2)
	case "serve", "serve-flat":
		os.Exit(fakeServe(os.Args[1:], mode == "serve-flat"))
	case "build":
		if len(os.Args) > 1 && os.Args[1] == "-content" {
			os.Exit(floor.Main(os.Args[1:], os.Stdout, os.Stderr))
		}
		os.Exit(fakeBuild(os.Args[1:]))
	}
	os.Exit(3)
}

// fakeTool returns the test binary as a command run in mode.
func fakeTool(t *testing.T, mode string) string {
	t.Helper()
	t.Setenv("SINENG_BENCH_FAKE", mode)
	return os.Args[0]
}

// fakeServe is a small `sineng serve`: it copies each page's Markdown into
// its output file, rewrites a page when its source changes and sends an
// event on /__sineng/events after each rewrite.
func fakeServe(args []string, flat bool) int {
	if len(args) < 1 || args[0] != "serve" {
		return 2
	}
	if len(args) == 2 && args[1] == "--help" {
		return 0
	}
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	source := fl.String("source", ".", "")
	port := fl.String("port", "1313", "")
	out := fl.String("out", "public", "")
	fl.String("audience", "", "")
	fl.Bool("future", false, "")
	fl.Bool("drafts", false, "")
	if err := fl.Parse(args[1:]); err != nil {
		return 2
	}
	content := filepath.Join(*source, "content")
	target := func(rel string) string {
		if flat {
			return filepath.Join(*out, strings.TrimSuffix(rel, ".md")+".html")
		}
		return filepath.Join(*out, pageOutput(filepath.ToSlash(rel)))
	}
	write := func(rel string) {
		data, _ := os.ReadFile(filepath.Join(content, rel))
		p := target(rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("<p>"+string(data)+"</p>"), 0o644)
	}
	mtimes := map[string]time.Time{}
	scan := func() (changed []string) {
		filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(content, p)
			if !fi.ModTime().Equal(mtimes[rel]) {
				mtimes[rel] = fi.ModTime()
				changed = append(changed, rel)
			}
			return nil
		})
		return changed
	}
	for _, rel := range scan() {
		write(rel)
	}

	var mu sync.Mutex
	var clients []chan struct{}
	mux := http.NewServeMux()
	mux.HandleFunc(eventsPath, func(w http.ResponseWriter, r *http.Request) {
		ch := make(chan struct{}, 16)
		mu.Lock()
		clients = append(clients, ch)
		mu.Unlock()
		w.Header().Set("Content-Type", "text/event-stream")
		fmt.Fprint(w, ": connected\n\n")
		w.(http.Flusher).Flush()
		for {
			select {
			case <-ch:
				fmt.Fprint(w, "event: reload\ndata: {}\n\n")
				w.(http.Flusher).Flush()
			case <-r.Context().Done():
				return
			}
		}
	})
	l, err := net.Listen("tcp", "127.0.0.1:"+*port)
	if err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		return 1
	}
	fmt.Printf("serving on http://127.0.0.1:%s/\n", *port)
	go http.Serve(l, mux)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	tick := time.NewTicker(2 * time.Millisecond)
	for {
		select {
		case <-stop:
			return 0
		case <-tick.C:
			changed := scan()
			for _, rel := range changed {
				write(rel)
			}
			if len(changed) > 0 {
				mu.Lock()
				for _, ch := range clients {
					select {
					case ch <- struct{}{}:
					default:
					}
				}
				mu.Unlock()
			}
		}
	}
}

// fakeBuild is a `sineng build` that writes index.html into its --out.
func fakeBuild(args []string) int {
	for i, a := range args {
		if (a == "--out" || a == "--destination") && i+1 < len(args) {
			if err := os.MkdirAll(args[i+1], 0o755); err != nil {
				return 1
			}
			if err := os.WriteFile(filepath.Join(args[i+1], "index.html"), []byte("<p>built</p>"), 0o644); err != nil {
				return 1
			}
			return 0
		}
	}
	return 2
}
