package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// eventsPath is the server-sent events endpoint of `sineng serve`: it sends
// one event after each rebuild.
const eventsPath = "/__sineng/events"

// Serve benchmark timings.
const (
	startTimeout = 10 * time.Minute       // first build of the served site
	editTimeout  = 10 * time.Second       // one edit's rebuild
	settle       = 300 * time.Millisecond // quiet time between edits
	pollEvery    = 50 * time.Microsecond  // file poll interval
	countEvery   = 250 * time.Millisecond // output file count interval, first build
	quietFor     = time.Second            // first build done when the count holds this long
)

// serveResult holds the one-page edit timings of `sineng serve`.
type serveResult struct {
	note    string          // set when nothing was measured: why
	page    string          // the edited page, content-relative
	output  string          // its output file, relative to the output folder
	written []time.Duration // edit → the page's output file holds the edit
	reload  []time.Duration // edit → the reload event arrived
	misses  int             // edits whose output or event never came
}

// serveRun is one running `sineng serve`.
type serveRun struct {
	cmd    *exec.Cmd
	output *headBuffer
	exited chan struct{}
	events chan time.Time
	cancel context.CancelFunc
}

// measureServe starts `sineng serve` on s, appends a unique word to one page
// edits times, and times each rebuild: until the page's output HTML holds the
// word, and until the reload event arrives.
func measureServe(ctx context.Context, bin string, s benchSite, out string, edits int, log io.Writer) serveResult {
	if err := exec.CommandContext(ctx, bin, "serve", "--help").Run(); err != nil {
		return serveResult{note: "n/a (serve not built)"}
	}
	page, ok := editPage(s.pages)
	if !ok {
		return serveResult{note: "n/a (no page to edit)"}
	}
	res := serveResult{page: page, output: pageOutput(page)}
	src := filepath.Join(s.content, filepath.FromSlash(page))
	orig, err := os.ReadFile(src)
	if err != nil {
		return serveResult{note: "n/a (" + err.Error() + ")"}
	}
	defer os.WriteFile(src, orig, 0o644)

	sr, err := startServe(ctx, bin, s.dir, out, log)
	if err != nil {
		return serveResult{note: "n/a (" + err.Error() + ")"}
	}
	defer sr.stop()
	builtErr := sr.waitBuilt(filepath.Join(out, res.output), out, startTimeout)
	if builtErr != nil {
		fmt.Fprintf(log, "serve: %v; looking for the page after an edit\n", builtErr)
	}
	time.Sleep(settle)
	sr.drain()

	// A warm-up edit, not timed; it also finds the page's output file when
	// the first build did not write it where pageOutput says.
	word := fmt.Sprintf("sinengbenchwarmup%d", time.Now().UnixNano())
	t0 := time.Now()
	if err := appendWord(src, word); err != nil {
		return serveResult{note: "n/a (" + err.Error() + ")"}
	}
	rewritten := false
	if builtErr == nil {
		_, rewritten = waitForWord(filepath.Join(out, res.output), word, t0, editTimeout)
	}
	if rewritten {
		sr.waitEvent(t0, editTimeout)
	} else {
		found, ok := sr.findAfterEdit(out, word, t0)
		if !ok {
			return serveResult{note: "n/a (" + sr.reason("edited page never rewritten") + ")"}
		}
		res.output = found
	}
	fmt.Fprintf(log, "serve: editing %s, watching %s\n", page, res.output)

	for i := range edits {
		time.Sleep(settle)
		sr.drain()
		word := fmt.Sprintf("sinengbenchedit%04dx%d", i, time.Now().UnixNano()%1e6)
		t0 := time.Now()
		if err := appendWord(src, word); err != nil {
			return serveResult{note: "n/a (" + err.Error() + ")"}
		}
		w, okW := waitForWord(filepath.Join(out, res.output), word, t0, editTimeout)
		r, okR := sr.waitEvent(t0, editTimeout)
		if !okW || !okR {
			res.misses++
			fmt.Fprintf(log, "serve: edit %d: written %v, reload event %v\n", i+1, okW, okR)
		}
		if okW {
			res.written = append(res.written, w)
		}
		if okR {
			res.reload = append(res.reload, r)
		}
	}
	return res
}

// startServe starts the server on a free port and connects to its events
// endpoint, waiting for the server to come up.
func startServe(ctx context.Context, bin, siteDir, out string, log io.Writer) (*serveRun, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cctx, cancel := context.WithCancel(ctx)
	sr := &serveRun{output: &headBuffer{max: 4096}, exited: make(chan struct{}), events: make(chan time.Time, 256), cancel: cancel}
	sr.cmd = exec.CommandContext(cctx, bin, "serve", "--source", siteDir, "--port", strconv.Itoa(port),
		"--audience", "team", "--future", "--drafts", "--out", out)
	sr.cmd.Stdout = sr.output
	sr.cmd.Stderr = sr.output
	sr.cmd.Cancel = func() error { return sr.cmd.Process.Signal(os.Interrupt) }
	sr.cmd.WaitDelay = 5 * time.Second
	if err := sr.cmd.Start(); err != nil {
		cancel()
		return nil, fmt.Errorf("start serve: %w", err)
	}
	go func() { sr.cmd.Wait(); close(sr.exited) }()
	url := "http://127.0.0.1:" + strconv.Itoa(port) + eventsPath
	deadline := time.Now().Add(startTimeout)
	for {
		select {
		case <-sr.exited:
			sr.stop()
			return nil, fmt.Errorf("serve exited: %s", firstErrorLine(sr.output.bytes()))
		default:
		}
		if time.Now().After(deadline) {
			sr.stop()
			return nil, fmt.Errorf("no events endpoint at %s after %v", url, startTimeout)
		}
		req, err := http.NewRequestWithContext(cctx, http.MethodGet, url, nil)
		if err != nil {
			sr.stop()
			return nil, fmt.Errorf("events request: %w", err)
		}
		req.Header.Set("Accept", "text/event-stream")
		resp, err := http.DefaultClient.Do(req)
		if err == nil && resp.StatusCode == http.StatusOK {
			fmt.Fprintf(log, "serve: connected to %s\n", url)
			go func() {
				defer resp.Body.Close()
				readEvents(resp.Body, sr.events, time.Now)
			}()
			return sr, nil
		}
		if err == nil {
			resp.Body.Close()
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// stop ends the server (an interrupt, then a kill after five seconds) and
// the events connection.
func (sr *serveRun) stop() {
	sr.cancel()
	<-sr.exited
}

// reason explains a failure, with the server's first error line when it
// has exited.
func (sr *serveRun) reason(what string) string {
	select {
	case <-sr.exited:
		return what + "; serve exited: " + firstErrorLine(sr.output.bytes())
	default:
		return what
	}
}

// waitBuilt waits for the first build: until path exists, or until out
// holds files and their number has not changed for quietFor (the page went
// elsewhere).
func (sr *serveRun) waitBuilt(path, out string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	lastCount, stable := -1, time.Now()
	nextCount := time.Now()
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			return nil
		}
		if now := time.Now(); now.After(nextCount) {
			nextCount = now.Add(countEvery)
			if n := countFiles(out); n != lastCount {
				lastCount, stable = n, now
			} else if n > 0 && now.Sub(stable) >= quietFor {
				return fmt.Errorf("%s was not written; the output has %d files", path, n)
			}
		}
		select {
		case <-sr.exited:
			return fmt.Errorf("serve exited: %s", firstErrorLine(sr.output.bytes()))
		case <-time.After(20 * time.Millisecond):
		}
	}
	return fmt.Errorf("%s did not appear within %v", path, timeout)
}

// findAfterEdit looks for the HTML file that holds word, after the rebuild
// event that follows t0, until editTimeout has passed since t0.
func (sr *serveRun) findAfterEdit(out, word string, t0 time.Time) (string, bool) {
	sr.waitEvent(t0, editTimeout)
	for {
		if found, ok := findWord(out, word); ok {
			return found, true
		}
		if time.Since(t0) > editTimeout {
			return "", false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// drain forgets the events received so far.
func (sr *serveRun) drain() {
	for {
		select {
		case <-sr.events:
		default:
			return
		}
	}
}

// waitEvent waits for the first event after t0 and returns its delay.
func (sr *serveRun) waitEvent(t0 time.Time, timeout time.Duration) (time.Duration, bool) {
	timer := time.NewTimer(timeout - time.Since(t0))
	defer timer.Stop()
	for {
		select {
		case t := <-sr.events:
			if t.After(t0) {
				return t.Sub(t0), true
			}
		case <-timer.C:
			return 0, false
		}
	}
}

// readEvents reads a server-sent event stream and sends the time each event
// is complete (the blank line after its fields) to events; comment lines
// (heartbeats) are not events. It returns at the end of the stream. When
// events is full, the time is dropped.
func readEvents(r io.Reader, events chan<- time.Time, now func() time.Time) {
	br := bufio.NewReader(r)
	pending := false
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		switch {
		case line == "":
			if pending {
				select {
				case events <- now():
				default:
				}
			}
			pending = false
		case strings.HasPrefix(line, ":"):
		default:
			pending = true
		}
	}
}

// appendWord appends word as a paragraph of its own to the file at path.
func appendWord(path, word string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return fmt.Errorf("edit page: %w", err)
	}
	_, err = f.WriteString("\n\n" + word + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("edit page: %w", err)
	}
	return nil
}

// waitForWord polls path until it holds word and returns the time since t0.
// It reads the file again only when its identity, size or modification time
// changed, and sleeps pollEvery between looks so that it leaves the server a
// core.
func waitForWord(path, word string, t0 time.Time, timeout time.Duration) (time.Duration, bool) {
	w := []byte(word)
	var last os.FileInfo
	for time.Since(t0) < timeout {
		fi, err := os.Stat(path)
		if err == nil && (last == nil || !os.SameFile(fi, last) || fi.Size() != last.Size() || !fi.ModTime().Equal(last.ModTime())) {
			data, err := os.ReadFile(path)
			if err == nil && bytes.Contains(data, w) {
				return time.Since(t0), true
			}
			last = fi
		}
		time.Sleep(pollEvery)
	}
	return 0, false
}

// findWord returns the output-relative path of the HTML file under out that
// holds word, preferring the deepest path: the page itself rather than a list that shows its summary.
func findWord(out, word string) (string, bool) {
	w := []byte(word)
	var best string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(data, w) {
			return nil
		}
		rel, _ := filepath.Rel(out, p)
		if best == "" || len(rel) > len(best) {
			best = rel
		}
		return nil
	})
	return best, best != ""
}

// freePort returns a TCP port that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// headBuffer keeps the first max bytes written to it, for error messages.
type headBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

// Write implements io.Writer.
func (t *headBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if room := t.max - len(t.buf); room > 0 {
		t.buf = append(t.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// bytes returns a copy of what was kept.
func (t *headBuffer) bytes() []byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	return bytes.Clone(t.buf)
}
