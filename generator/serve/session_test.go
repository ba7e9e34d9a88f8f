package serve

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/site"
	"github.com/sineng/sineng/generator/watch"
)

// footprint is what a long session must keep flat.
type footprint struct {
	goroutines int
	heap       uint64
}

// measure collects garbage and reads the footprint.
func measure() footprint {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return footprint{goroutines: runtime.NumGoroutine(), heap: ms.HeapAlloc}
}

// Generous bounds: a leak of one goroutine or one page's bytes per rebuild
// over thousands of rebuilds exceeds them many times over.
const (
	goroutineSlack = 10
	heapSlack      = 16 << 20
)

// settle measures until the goroutines are back within the bound of base
// (closed streams end asynchronously on the server side), or gives the last
// measurement after a while.
func settle(base footprint) footprint {
	deadline := time.Now().Add(10 * time.Second)
	for {
		f := measure()
		if f.goroutines <= base.goroutines+goroutineSlack || time.Now().After(deadline) {
			return f
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// session drives Run with batches sent by the test, one rebuild at a time,
// with event streams opening and closing as browsers would.
type session struct {
	t       *testing.T
	base    string
	batches chan watch.Batch
	reports chan BuildReport
	client  *http.Client
	streams []*stream
}

func startSession(t *testing.T, out string, rebuild Rebuilder) *session {
	t.Helper()
	ln := listen(t)
	s := &session{
		t: t, base: "http://" + ln.Addr().String(), batches: make(chan watch.Batch), reports: make(chan BuildReport, 1),
		client: &http.Client{Transport: &http.Transport{DisableKeepAlives: true}},
	}
	runServer(t, Options{Out: out, Listener: ln, Rebuild: rebuild, Batches: s.batches, OnBuild: func(r BuildReport) { s.reports <- r }})
	t.Cleanup(s.closeStreams) // before Run stops: cleanups run last first
	s.wait()
	return s
}

func (s *session) wait() BuildReport {
	s.t.Helper()
	select {
	case r := <-s.reports:
		return r
	case <-time.After(30 * time.Second):
		s.t.Fatal("no build reported")
	}
	return BuildReport{}
}

// rebuild sends one batch and waits for its build.
func (s *session) rebuild(b watch.Batch) BuildReport {
	s.batches <- b
	return s.wait()
}

// churn closes the open streams and opens n new ones: each is caught up at
// once (its build token is stale), one of them is read, the others left
// unread until the next churn.
func (s *session) churn(n int) {
	s.t.Helper()
	s.closeStreams()
	for i := range n {
		st := dialStream(s.t, s.client, s.base, "stale")
		if i == 0 {
			st.next(s.t)
		}
		s.streams = append(s.streams, st)
	}
}

func (s *session) closeStreams() {
	for _, st := range s.streams {
		st.close()
	}
	s.streams = nil
}

// TestLongSessionFakeRebuilds runs 2,000 rebuilds through Run with a fake
// Rebuilder (content changes, stylesheet changes, failures and fixes) while
// event streams connect and disconnect, and checks goroutines and heap are
// where they were after a warm-up.
func TestLongSessionFakeRebuilds(t *testing.T) {
	const rebuilds = 2000
	out := filepath.Join(t.TempDir(), "public")
	writeTree(t, out, map[string]string{
		"index.html":               "<html><body>home</body></html>",
		"css/style.3f2a9c0d1e.css": "body{}",
	})
	n := 0
	fake := func(_ context.Context, b watch.Batch) (*site.Result, error) {
		n++
		switch {
		case n%7 == 0:
			return nil, &diag.Errors{List: []error{diag.Errorf("content/a.md", n, 1, "broken front matter %d", n)}}
		case b.Changes.StylesOnly():
			return &site.Result{Changed: []string{"css/style.3f2a9c0d1e.css", "index.html"}}, nil
		}
		return &site.Result{Changed: []string{"index.html", fmt.Sprintf("news/%d/index.html", n)}}, nil
	}
	s := startSession(t, out, fake)
	batch := func(i int) watch.Batch {
		if i%3 == 0 {
			return watch.Batch{Paths: []string{"/s/assets/css/style.css"}, Changes: watch.Changes{Assets: []string{"assets/css/style.css"}}}
		}
		return watch.Batch{Paths: []string{"/s/content/a.md"}, Changes: watch.Changes{Content: []string{"content/a.md"}}}
	}
	run := func(from, to int) map[string]int {
		events := map[string]int{}
		for i := from; i < to; i++ {
			if i%25 == 0 {
				s.churn(3)
			}
			events[s.rebuild(batch(i)).Event]++
		}
		return events
	}

	run(0, 100) // warm up: buffers, the HTTP server's pools
	s.closeStreams()
	before := settle(measure())
	events := run(100, 100+rebuilds)
	s.closeStreams()
	after := settle(before)

	t.Logf("events %v; goroutines %d → %d; heap %d KiB → %d KiB", events, before.goroutines, after.goroutines, before.heap>>10, after.heap>>10)
	if events[eventReload] == 0 || events[eventCSS] == 0 || events[eventFailed] == 0 {
		t.Errorf("the session did not exercise every event: %v", events)
	}
	checkFlat(t, before, after)
}

// TestLongSessionRealRebuilds runs a few hundred real builds of the fixture
// site, each after an edit, with streams connecting and disconnecting.
func TestLongSessionRealRebuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 300 real builds")
	}
	const rebuilds = 300
	dir := scratch(t)
	src := filepath.Join(dir, "site")
	writeTree(t, src, fixtureFiles())
	out := filepath.Join(dir, "out", "public")
	s := startSession(t, out, FullRebuild(site.Options{Source: src, Out: out, Now: fixtureNow}))
	edit := func(i int) watch.Batch {
		rel := "content/news/one.md"
		writeTree(t, src, map[string]string{rel: newsPage{title: "One", date: "2025-01-01", body: fmt.Sprintf("Edit %d.", i)}.text()})
		p := filepath.Join(src, filepath.FromSlash(rel))
		return watch.Batch{Paths: []string{p}, Changes: watch.Classify(src, []string{p})}
	}
	run := func(from, to int) {
		for i := from; i < to; i++ {
			if i%20 == 0 {
				s.churn(2)
			}
			if r := s.rebuild(edit(i)); r.Err != nil || r.Event != eventReload {
				t.Fatalf("rebuild %d: %v (%s)", i, r.Err, r.Event)
			}
		}
	}
	run(0, 30)
	s.closeStreams()
	before := settle(measure())
	run(30, 30+rebuilds)
	s.closeStreams()
	after := settle(before)
	t.Logf("goroutines %d → %d; heap %d KiB → %d KiB", before.goroutines, after.goroutines, before.heap>>10, after.heap>>10)
	checkFlat(t, before, after)
}

func checkFlat(t *testing.T, before, after footprint) {
	t.Helper()
	if after.goroutines > before.goroutines+goroutineSlack {
		t.Errorf("goroutines grew from %d to %d", before.goroutines, after.goroutines)
	}
	if after.heap > before.heap+heapSlack {
		t.Errorf("heap grew from %d KiB to %d KiB", before.heap>>10, after.heap>>10)
	}
}
