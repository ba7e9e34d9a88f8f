package serve

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHostPolicy checks which Host headers a server on loopback answers
// (names of this machine and the ones given) and that one bound to another
// address answers any.
func TestHostPolicy(t *testing.T) {
	loop := newHostPolicy(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}, []string{"Site.Test"})
	for host, want := range map[string]bool{
		"localhost:1313": true, "LOCALHOST": true, "preview.localhost:1313": true, "localhost.": true,
		"127.0.0.1:1313": true, "127.0.0.2": true, "[::1]:1313": true, "::1": true,
		"site.test:1313": true, "": true,
		"rebind.attacker.example:1313": false, "evil.example": false, "10.0.0.5:1313": false,
		"localhost.evil.example": false, "[::ffff:8.8.8.8]:1313": false,
	} {
		if got := loop.allows(host); got != want {
			t.Errorf("loopback server, Host %q: allowed %v, want %v", host, got, want)
		}
	}
	all := newHostPolicy(&net.TCPAddr{IP: net.IPv4zero, Port: 1313}, nil)
	if !all.allows("evil.example") || !all.allows("192.168.1.20:1313") {
		t.Error("a server bound to every address refuses a host name")
	}
}

// TestForeignHostIsRefused checks a page on another site cannot read the
// served site or its event stream through a name of its own pointed at
// 127.0.0.1 (DNS rebinding): the request is refused before any file or
// stream is touched.
func TestForeignHostIsRefused(t *testing.T) {
	_, out := outputFixture(t)
	ts := httptest.NewServer(New(out))
	defer ts.Close()
	for _, path := range []string{"/", "/news/a/", eventsPath} {
		req, err := http.NewRequest("GET", ts.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = "rebind.attacker.example"
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s with a foreign Host: %d, want 403", path, resp.StatusCode)
		}
		if resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: the refusal may be cached", path)
		}
	}
	resp, err := http.Get(ts.URL + "/") // Host: 127.0.0.1:port
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET / on 127.0.0.1: %d", resp.StatusCode)
	}
}

// TestRangeErrorIsNotStored checks that a 416 (a range past the end of a
// page or a file) keeps Cache-Control: no-store, which http.ServeContent
// drops on its error responses.
func TestRangeErrorIsNotStored(t *testing.T) {
	_, out := outputFixture(t)
	ts := httptest.NewServer(New(out))
	defer ts.Close()
	for _, path := range []string{"/index.html", "/robots.txt"} {
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		req.Header.Set("Range", "bytes=99999999-")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestedRangeNotSatisfiable {
			t.Errorf("%s: status %d, want 416", path, resp.StatusCode)
		}
		if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
			t.Errorf("%s: 416 with Cache-Control %q", path, cc)
		}
	}
}
