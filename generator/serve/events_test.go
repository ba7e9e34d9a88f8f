package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/site"
	"github.com/sineng/sineng/generator/watch"
)

// stream is an open event stream read by a test.
type stream struct {
	events chan event
	cancel context.CancelFunc
	resp   *http.Response
}

// openStream connects to the event stream as a page served at build would;
// the stream is closed at the end of the test.
func openStream(t *testing.T, base, build string) *stream {
	t.Helper()
	s := dialStream(t, &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}, base, build)
	t.Cleanup(s.close)
	return s
}

// dialStream connects to the event stream with client; the caller closes
// the stream.
func dialStream(t *testing.T, client *http.Client, base, build string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+eventsPath+"?build="+build, nil)
	resp, err := client.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("stream headers: %v", resp.Header)
	}
	s := &stream{events: make(chan event, 16), cancel: cancel, resp: resp}
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		var e event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e.name != "" {
					select {
					case s.events <- e:
					default: // a test that stopped reading
					}
				}
				e = event{}
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "id: "):
				e.build = strings.TrimPrefix(line, "id: ")
			case strings.HasPrefix(line, "data: "):
				e.data = []byte(strings.TrimPrefix(line, "data: "))
			}
		}
	}()
	return s
}

func (s *stream) close() {
	s.cancel()
	s.resp.Body.Close()
}

func (s *stream) next(t *testing.T) event {
	t.Helper()
	select {
	case e, ok := <-s.events:
		if !ok {
			t.Fatal("stream ended")
		}
		return e
	case <-time.After(10 * time.Second):
		t.Fatal("no event")
	}
	return event{}
}

// waitClients waits until the server holds n streams.
func waitClients(t *testing.T, s *Server, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for s.Clients() != n {
		if time.Now().After(deadline) {
			t.Fatalf("%d streams open, want %d", s.Clients(), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestEventStream(t *testing.T) {
	_, out := outputFixture(t)
	s := New(out)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close) // after the streams' cleanups: Close waits for them

	// A page of the current build gets nothing until the next build.
	cur := s.token(s.state.Load())
	st := openStream(t, ts.URL, cur)
	waitClients(t, s, 1)

	s.report(watch.Changes{Content: []string{"content/a.md"}}, &site.Result{Changed: []string{"news/a/index.html"}}, nil)
	e := st.next(t)
	if e.name != eventReload || e.build != s.token(s.state.Load()) {
		t.Errorf("after a content change: %q id %q", e.name, e.build)
	}

	s.report(watch.Changes{}, nil, &diag.Errors{List: []error{diag.Errorf("content/a.md", 2, 1, "bad <x>")}})
	e = st.next(t)
	var failed struct{ Errors []string }
	if err := json.Unmarshal(e.data, &failed); err != nil || e.name != eventFailed || len(failed.Errors) != 1 || failed.Errors[0] != "content/a.md:2:1: bad <x>" {
		t.Errorf("after a failed build: %q %s (%v)", e.name, e.data, err)
	}

	// A page that missed builds is caught up at once: with the problems
	// while the build is broken.
	late := openStream(t, ts.URL, "stale-token")
	if e := late.next(t); e.name != eventFailed {
		t.Errorf("catch-up while broken: %q", e.name)
	}

	// The fix reloads both, even for a stylesheet-only change.
	s.report(watch.Changes{Assets: []string{"assets/css/style.css"}}, &site.Result{Changed: []string{"css/style.3f2a9c0d1e.css"}}, nil)
	for _, c := range []*stream{st, late} {
		if e := c.next(t); e.name != eventReload {
			t.Errorf("after the fix: %q", e.name)
		}
	}
	// A stale page once the site is good is told to reload.
	if e := openStream(t, ts.URL, "stale-token").next(t); e.name != eventReload {
		t.Errorf("catch-up when good: %q", e.name)
	}
}

// TestStylesheetEvent: a change to stylesheets only swaps them; the event
// lists each new sheet with its key and integrity.
func TestStylesheetEvent(t *testing.T) {
	_, out := outputFixture(t)
	writeTree(t, out, map[string]string{"css/extra.css": "p{margin:0}"})
	s := New(out)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close) // after the streams' cleanups: Close waits for them
	st := openStream(t, ts.URL, s.token(s.state.Load()))
	waitClients(t, s, 1)

	changed := []string{"css/extra.css", "css/style.3f2a9c0d1e.css", "index.html", "news/a/index.html"}
	if ev := s.report(watch.Changes{Assets: []string{"assets/css/style.css"}, Static: []string{"static/css/extra.css"}}, &site.Result{Changed: changed}, nil); ev != eventCSS {
		t.Fatalf("event %q, want css", ev)
	}
	e := st.next(t)
	var got struct{ Sheets []sheet }
	if err := json.Unmarshal(e.data, &got); err != nil || e.name != eventCSS {
		t.Fatalf("%q %s %v", e.name, e.data, err)
	}
	want := []sheet{
		{Path: "css/extra.css", Key: "css/extra", Integrity: "sha256-QRQPRLGyxt3RJiKpYNjpkgHcmHU2PywsfL2e8oI0LQA="},
		{Path: "css/style.3f2a9c0d1e.css", Key: "css/style", Integrity: "sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E="},
	}
	if !reflect.DeepEqual(got.Sheets, want) {
		t.Errorf("sheets\n got %+v\nwant %+v", got.Sheets, want)
	}
}

// TestReportRule is the table of what open pages are sent after a build.
func TestReportRule(t *testing.T) {
	css := watch.Changes{Assets: []string{"assets/css/style.css"}}
	cssChanged := []string{"css/style.3f2a9c0d1e.css", "index.html"}
	bad := &diag.Errors{List: []error{diag.Errorf("a.md", 1, 1, "x")}}
	tests := []struct {
		name      string
		prevError bool
		changes   watch.Changes
		changed   []string
		err       error
		want      string
	}{
		{"content", false, watch.Changes{Content: []string{"content/a.md"}}, []string{"a/index.html"}, nil, eventReload},
		{"stylesheet only", false, css, cssChanged, nil, eventCSS},
		{"stylesheet source, but other output changed", false, css, []string{"css/style.3f2a9c0d1e.css", "index.xml"}, nil, eventReload},
		{"stylesheet source, no stylesheet output (removed)", false, css, []string{"index.html"}, nil, eventReload},
		{"stylesheet and template", false, watch.Changes{Assets: css.Assets, Templates: []string{"layouts/x.html"}}, cssChanged, nil, eventReload},
		{"nothing changed", false, watch.Changes{Content: []string{"content/a.md"}}, nil, nil, eventReload},
		{"failed", false, css, nil, bad, eventFailed},
		{"fixed by a stylesheet change", true, css, cssChanged, nil, eventReload},
		{"still failing", true, css, nil, bad, eventFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, out := outputFixture(t)
			s := New(out)
			if tt.prevError {
				s.report(watch.Changes{}, nil, bad)
			}
			var res *site.Result
			if tt.err == nil {
				res = &site.Result{Changed: tt.changed}
			}
			if got := s.report(tt.changes, res, tt.err); got != tt.want {
				t.Errorf("event %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHubCoalesces: a client that has not taken its event gets the latest,
// and a stylesheet swap on top of an unread event becomes a reload.
func TestHubCoalesces(t *testing.T) {
	h := newHub()
	c, _ := h.subscribe()
	h.publish(event{name: eventReload, build: "1"})
	h.publish(event{name: eventCSS, build: "2"})
	if e := <-c.ch; e.name != eventReload || e.build != "2" {
		t.Errorf("reload then css: got %q %q", e.name, e.build)
	}
	h.publish(event{name: eventCSS, build: "3"})
	h.publish(event{name: eventFailed, build: "4"})
	if e := <-c.ch; e.name != eventFailed || e.build != "4" {
		t.Errorf("css then failed: got %q %q", e.name, e.build)
	}
	h.publish(event{name: eventCSS, build: "5"})
	if e := <-c.ch; e.name != eventCSS {
		t.Errorf("a lone css event became %q", e.name)
	}
	h.close()
	select {
	case <-c.done:
	default:
		t.Error("close did not end the client")
	}
	if _, ok := h.subscribe(); ok {
		t.Error("subscribed after close")
	}
	h.publish(event{name: eventReload}) // no clients: no block, no panic
}
