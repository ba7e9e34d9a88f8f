package serve

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync/atomic"
	"time"
)

// Server is the HTTP handler of the dev server: the output folder's files,
// with the reload script injected into HTML, and the event stream. It is
// safe for concurrent use.
type Server struct {
	out      string // the output folder served
	instance string // random per Server, so a page from an earlier run is caught up
	js       string // the reload script
	hub      *hub
	state    atomic.Pointer[state]
	building atomic.Bool // a build is running and may swap the output folder
	hosts    hostPolicy  // which Host headers are answered; the zero policy: localhost and loopback addresses
}

// state is the outcome of the latest build. It is immutable; a build
// replaces it whole.
type state struct {
	gen    uint64   // builds finished, failed ones included
	good   bool     // some build succeeded: the output folder holds a site
	errors []string // the latest build's problems; nil when it succeeded
}

// New returns a Server of the output folder out (an absolute path). Until
// a build succeeds it serves whatever out holds, or, when out is missing or
// empty and a build failed, an error page.
func New(out string) *Server {
	var id [4]byte
	_, _ = rand.Read(id[:])
	s := &Server{out: out, instance: hex.EncodeToString(id[:]), js: scriptJS(), hub: newHub()}
	s.state.Store(&state{good: holdsFiles(out)})
	return s
}

// holdsFiles reports whether dir is a folder with something in it.
func holdsFiles(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	names, _ := f.Readdirnames(1)
	return len(names) > 0
}

// Builds returns how many builds the Server has been told of, failed ones
// included.
func (s *Server) Builds() uint64 { return s.state.Load().gen }

// Clients returns the number of open event streams.
func (s *Server) Clients() int { return s.hub.len() }

// Close ends every open event stream; call it before shutting the HTTP
// server down, whose Shutdown would otherwise wait for them.
func (s *Server) Close() { s.hub.close() }

// token names a build for the pages served from it.
func (s *Server) token(st *state) string {
	return s.instance + "-" + strconv.FormatUint(st.gen, 10)
}

// ServeHTTP answers GET and HEAD requests for files of the output folder
// and for the event stream, sent to a host name the Server answers
// (hostPolicy).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if !s.hosts.allows(r.Host) {
		http.Error(w, "sineng serve answers requests for localhost only (host "+strconv.Quote(r.Host)+"); serve with --bind to let other names in", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == eventsPath {
		s.serveEvents(w, r)
		return
	}
	rel, ok := cleanPath(r.URL.Path)
	if !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	s.serveFile(w, r, rel)
}

// serveFile sends one file of the output folder, the site's 404 page for a
// miss, or the error page while no build has succeeded.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rel string) {
	st := s.state.Load()
	dirOK := rel == "" || r.URL.Path[len(r.URL.Path)-1] == '/'
	f, info, err := openFile(s.out, rel, dirOK, st.good && s.building.Load())
	switch {
	case errors.Is(err, errIsDir):
		// Built from the cleaned path, so "//host/x" cannot become a
		// redirect to another site.
		target := (&url.URL{Path: "/" + rel + "/"}).EscapedPath()
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusFound)
		return
	case err != nil && !st.good:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		send(w, r, http.StatusInternalServerError, errorPage(st.errors, scriptTag(s.js, s.token(st))))
		return
	case err != nil:
		s.serveNotFound(w, r, st)
		return
	}
	defer f.Close()
	name := info.Name()
	if isHTML(name) {
		page, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, "read error", http.StatusInternalServerError)
			return
		}
		s.sendPage(w, r, http.StatusOK, page, st)
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	http.ServeContent(noStore{w}, r, name, time.Time{}, f)
}

// noStore keeps Cache-Control: no-store on every response through it:
// http.ServeContent drops the header on its error responses (a 416 for a
// range past the end), and a browser must not keep those either.
type noStore struct{ http.ResponseWriter }

// WriteHeader sets Cache-Control again and sends the header.
func (w noStore) WriteHeader(code int) {
	w.Header().Set("Cache-Control", "no-store")
	w.ResponseWriter.WriteHeader(code)
}

// serveNotFound sends the site's 404.html with status 404, or a plain 404.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request, st *state) {
	f, _, err := openFile(s.out, "404.html", false, false)
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	s.sendPage(w, r, http.StatusNotFound, page, st)
}

// sendPage sends a page of the site with the overlay (after a failed
// build) and the reload script injected: in the response only, never in the
// file. A 200 goes through http.ServeContent, which answers range requests.
func (s *Server) sendPage(w http.ResponseWriter, r *http.Request, status int, page []byte, st *state) {
	snippet := scriptTag(s.js, s.token(st))
	if len(st.errors) > 0 {
		snippet = overlayHTML(st.errors) + snippet
	}
	page = inject(page, snippet)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if status == http.StatusOK {
		http.ServeContent(noStore{w}, r, "", time.Time{}, bytes.NewReader(page))
		return
	}
	send(w, r, status, page)
}

// send writes a whole body with a status; HEAD gets the headers only.
func send(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// serveEvents streams build events to one page until it goes away or the
// Server closes. A page that names a build other than the current one (it
// missed an event while loading, or the stream dropped) is caught up at
// once.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	if r.Method == http.MethodHead {
		return
	}
	c, ok := s.hub.subscribe()
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(c)
	rc := http.NewResponseController(w)
	if _, err := io.WriteString(w, "retry: 1000\n\n"); err != nil {
		return
	}
	seen := r.Header.Get("Last-Event-ID")
	if seen == "" {
		seen = r.URL.Query().Get("build")
	}
	if st := s.state.Load(); seen != s.token(st) {
		if err := writeEvent(w, s.stateEvent(st)); err != nil {
			return
		}
	}
	if err := rc.Flush(); err != nil {
		return
	}
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-c.done:
			return
		case e := <-c.ch:
			if writeEvent(w, e) != nil || rc.Flush() != nil {
				return
			}
		case <-ping.C:
			if _, err := io.WriteString(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}

// stateEvent is the event that brings a page up to date with st: its
// problems, or a reload.
func (s *Server) stateEvent(st *state) event {
	tok := s.token(st)
	if len(st.errors) > 0 {
		return event{name: eventFailed, build: tok, data: failedData(tok, st.errors)}
	}
	return event{name: eventReload, build: tok, data: reloadData(tok)}
}
