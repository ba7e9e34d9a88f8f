package serve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/site"
	"github.com/sineng/sineng/generator/watch"
)

// writeTree writes files (slash path → text) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const secret = "TOP-SECRET-OUTSIDE"

// outputFixture writes a built-looking output folder and, beside it, a
// secret file and folder the server must never send.
func outputFixture(t *testing.T) (parent, out string) {
	t.Helper()
	parent = t.TempDir()
	out = filepath.Join(parent, "public")
	writeTree(t, out, map[string]string{
		"index.html":               "<!doctype html><html><head><title>Home</title></head><body><h1>Home</h1></body></html>\n",
		"news/a/index.html":        "<html><body><p>A &amp; b</p></body></html>",
		"404.html":                 "<html><body><h1>Not here</h1></body></html>",
		"css/style.3f2a9c0d1e.css": "body{color:red}",
		"sitemap.xml":              "<?xml version=\"1.0\"?><urlset/>",
		"exports/leaders.csv":      "id,name\n",
		"index.json":               "{}",
		"robots.txt":               "User-agent: *\n",
		"img/logo.png":             "\x89PNG\r\n",
	})
	writeTree(t, parent, map[string]string{
		"secret.txt":       secret,
		"private/key.html": "<p>" + secret + "</p>",
	})
	if err := os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(out, "leak.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(parent, "private"), filepath.Join(out, "leakdir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../secret.txt", filepath.Join(out, "news", "rel.txt")); err != nil {
		t.Fatal(err)
	}
	return parent, out
}

// rawGet sends a request line exactly as written, bypassing any client
// side cleaning, and returns the status and body.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestTraversalIsRefused(t *testing.T) {
	_, out := outputFixture(t)
	ts := httptest.NewServer(New(out))
	defer ts.Close()
	addr := strings.TrimPrefix(ts.URL, "http://")
	for _, target := range []string{
		"/../secret.txt",
		"/../../secret.txt",
		"/news/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/..%2fsecret.txt",
		"/..%2f..%2fsecret.txt",
		"/%2e%2e%2fsecret.txt",
		"/%252e%252e/secret.txt",
		"/%252e%252e%252fsecret.txt",
		"/..\\secret.txt",
		"/%5c..%5csecret.txt",
		"/..%5csecret.txt",
		"/news/a/%00/../../../secret.txt",
		"/leak.txt",
		"/leakdir/key.html",
		"/leakdir/",
		"/news/rel.txt",
		"/private/key.html",
		"http://" + addr + "/../secret.txt",
	} {
		code, body := rawGet(t, addr, target)
		if code != http.StatusNotFound && code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 404 or 400", target, code)
		}
		if strings.Contains(body, secret) {
			t.Errorf("GET %s: the response holds a file from outside the output folder", target)
		}
	}
}

func get(t *testing.T, method, url string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestServeFiles(t *testing.T) {
	_, out := outputFixture(t)
	s := New(out)
	ts := httptest.NewServer(s)
	defer ts.Close()
	tests := []struct {
		method, path string
		status       int
		ctype        string
		bodyHas      string
		location     string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "<h1>Home</h1>", ""},
		{"GET", "/index.html", 200, "text/html; charset=utf-8", "<h1>Home</h1>", ""},
		{"GET", "/news/a/", 200, "text/html; charset=utf-8", "A &amp; b", ""},
		{"GET", "/news/a", 302, "", "", "/news/a/"},
		{"GET", "/news/a?x=1", 302, "", "", "/news/a/?x=1"},
		{"GET", "//news/a", 302, "", "", "/news/a/"},                       // never "//news/a/", another host to a browser
		{"GET", "/news/", 404, "text/html; charset=utf-8", "Not here", ""}, // a folder without index.html is not listed
		{"GET", "/nope/", 404, "text/html; charset=utf-8", "Not here", ""},
		{"GET", "/css/style.3f2a9c0d1e.css", 200, "text/css; charset=utf-8", "color:red", ""},
		{"GET", "/sitemap.xml", 200, "application/xml; charset=utf-8", "urlset", ""},
		{"GET", "/exports/leaders.csv", 200, "text/csv; charset=utf-8", "id,name", ""},
		{"GET", "/index.json", 200, "application/json", "{}", ""},
		{"GET", "/robots.txt", 200, "text/plain; charset=utf-8", "User-agent", ""},
		{"GET", "/img/logo.png", 200, "image/png", "PNG", ""},
		{"HEAD", "/", 200, "text/html; charset=utf-8", "", ""},
		{"HEAD", "/missing", 404, "text/html; charset=utf-8", "", ""},
		{"POST", "/", 405, "", "", ""},
		{"PUT", "/index.html", 405, "", "", ""},
		{"DELETE", "/index.html", 405, "", "", ""},
		{"OPTIONS", "/", 405, "", "", ""},
	}
	for _, tt := range tests {
		resp, body := get(t, tt.method, ts.URL+tt.path)
		name := tt.method + " " + tt.path
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", name, resp.StatusCode, tt.status)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q", name, got)
		}
		if tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("%s: Content-Type %q, want %q", name, resp.Header.Get("Content-Type"), tt.ctype)
		}
		if !strings.Contains(body, tt.bodyHas) {
			t.Errorf("%s: body lacks %q: %q", name, tt.bodyHas, body)
		}
		if tt.location != "" && resp.Header.Get("Location") != tt.location {
			t.Errorf("%s: Location %q, want %q", name, resp.Header.Get("Location"), tt.location)
		}
		if tt.status == 405 && resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow %q", name, resp.Header.Get("Allow"))
		}
		if tt.method == "HEAD" && body != "" {
			t.Errorf("%s: a body for HEAD", name)
		}
		if tt.method == "HEAD" && resp.ContentLength <= 0 {
			t.Errorf("%s: no Content-Length", name)
		}
	}
}

// TestInjectionOnlyInResponses checks every HTML response carries the
// reload script before </body>, other types do not, and the files on disk
// stay as built.
func TestInjectionOnlyInResponses(t *testing.T) {
	_, out := outputFixture(t)
	before, _ := os.ReadFile(filepath.Join(out, "index.html"))
	ts := httptest.NewServer(New(out))
	defer ts.Close()
	for _, p := range []string{"/", "/news/a/", "/missing"} {
		_, body := get(t, "GET", ts.URL+p)
		i := strings.Index(body, `<script data-build="`)
		if i < 0 || !strings.Contains(body[i:], "</script></body>") {
			t.Errorf("GET %s: no reload script before </body>: %q", p, body)
		}
		if !strings.Contains(body, eventsPath) {
			t.Errorf("GET %s: the script does not listen on %s", p, eventsPath)
		}
	}
	for _, p := range []string{"/css/style.3f2a9c0d1e.css", "/sitemap.xml", "/index.json"} {
		if _, body := get(t, "GET", ts.URL+p); strings.Contains(body, "<script") {
			t.Errorf("GET %s: script injected into a non-HTML file", p)
		}
	}
	after, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if string(before) != string(after) {
		t.Error("serving changed the file on disk")
	}
}

// TestOverlayAfterFailedBuild: after a failed build every page carries the
// overlay with each problem escaped; a good build removes it.
func TestOverlayAfterFailedBuild(t *testing.T) {
	_, out := outputFixture(t)
	s := New(out)
	ts := httptest.NewServer(s)
	defer ts.Close()
	bad := &diag.Errors{List: []error{
		diag.Errorf("content/news/a.md", 3, 7, "front matter: expected = after key <b>"),
		diag.Errorf("layouts/index.html", 1, 2, "template: bad & worse"),
	}, More: 2}
	if ev := s.report(watch.Changes{}, nil, bad); ev != eventFailed {
		t.Fatalf("event %q", ev)
	}
	_, body := get(t, "GET", ts.URL+"/")
	for _, want := range []string{
		`id="` + overlayID + `"`,
		"content/news/a.md:3:7: front matter: expected = after key &lt;b&gt;",
		"layouts/index.html:1:2: template: bad &amp; worse",
		"... and 2 more errors",
		"<h1>Home</h1>", // the last good page is still served
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, "<b>") {
		t.Error("a problem was not escaped")
	}
	s.report(watch.Changes{}, &site.Result{}, nil)
	if _, body := get(t, "GET", ts.URL+"/"); strings.Contains(body, overlayID+`"`) && strings.Contains(body, "front matter") {
		t.Error("the overlay is still served after a good build")
	}
}

// TestErrorPageWithoutSite: when no build ever succeeded and the output
// folder is empty, every path gets an error page listing the problems.
func TestErrorPageWithoutSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s := New(out)
	ts := httptest.NewServer(s)
	defer ts.Close()
	s.report(watch.Changes{}, nil, &diag.Errors{List: []error{diag.Errorf("site.toml", 2, 1, "expected value")}})
	for _, p := range []string{"/", "/news/a/", "/x.css"} {
		resp, body := get(t, "GET", ts.URL+p)
		if resp.StatusCode != http.StatusInternalServerError {
			t.Errorf("GET %s: status %d", p, resp.StatusCode)
		}
		if !strings.Contains(body, "site.toml:2:1: expected value") || !strings.Contains(body, `<script data-build="`) {
			t.Errorf("GET %s: error page lacks the problem or the script: %q", p, body)
		}
	}
	// The fix: a build writes the site and succeeds.
	writeTree(t, out, map[string]string{"index.html": "<body>fixed</body>"})
	s.report(watch.Changes{}, &site.Result{}, nil)
	if resp, body := get(t, "GET", ts.URL+"/"); resp.StatusCode != 200 || !strings.Contains(body, "fixed") || strings.Contains(body, "expected value") {
		t.Errorf("after the fix: %d %q", resp.StatusCode, body)
	}
}

func TestProblems(t *testing.T) {
	list := &diag.Errors{List: []error{diag.Errorf("a.md", 1, 2, "x")}}
	if got := problems(list); len(got) != 1 || got[0] != "a.md:1:2: x" {
		t.Errorf("problems(diag) = %q", got)
	}
	if got := problems(fmt.Errorf("build: %w", errors.New("disk full"))); len(got) != 1 || got[0] != "build: disk full" {
		t.Errorf("problems(plain) = %q", got)
	}
}
