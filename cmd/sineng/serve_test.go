package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/site"
)

// syncBuffer is an output the server's goroutines may write to while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// served is a running `sineng serve`.
type served struct {
	url            string
	stdout, stderr *syncBuffer
	stop           func() int // cancels, waits, returns the exit code
}

var urlLine = regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`)

// startServe runs serveSite with args (plus a free port on loopback) and
// waits for the URL it prints.
func startServe(t *testing.T, args ...string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &served{stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	code := make(chan int, 1)
	go func() { code <- serveSite(ctx, append([]string{"--port", "0"}, args...), s.stdout, s.stderr) }()
	var once sync.Once
	exit := -1
	s.stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case exit = <-code:
			case <-time.After(30 * time.Second):
				t.Error("serve did not stop")
			}
		})
		return exit
	}
	t.Cleanup(func() { s.stop() })
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m := urlLine.FindStringSubmatch(s.stdout.String()); m != nil {
			s.url = m[1]
			return s
		}
		select {
		case c := <-code:
			t.Fatalf("serve exited with %d: %s%s", c, s.stdout, s.stderr)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no URL printed: %s%s", s.stdout, s.stderr)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// eventually polls check until it holds; the long deadline only guards
// against a hang.
func eventually(t *testing.T, what string, check func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !check() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"--audience", "everyone"},
		{"--port", "70000"},
		{"--port", "-1"},
		{"extra"},
		{"--source", filepath.Join(t.TempDir(), "missing")},
	} {
		var out, errb bytes.Buffer
		if code := serveSite(context.Background(), args, &out, &errb); code != exitUsage {
			t.Errorf("serve %s: exit %d, want %d (%s)", strings.Join(args, " "), code, exitUsage, errb.String())
		}
	}
	var out, errb bytes.Buffer
	if code := serveSite(context.Background(), []string{"--help"}, &out, &errb); code != exitOK {
		t.Errorf("serve --help: exit %d", code)
	}
}

// TestServeLifecycle serves a small site, breaks and fixes it, and stops:
// the server never exits on a site problem, and the temporary output folder
// is removed on exit.
func TestServeLifecycle(t *testing.T) {
	src := writeSite(t, small)
	s := startServe(t, "--source", src)

	code, body := fetch(t, s.url+"news/a/")
	if code != 200 || !strings.Contains(body, "Text of A.") || !strings.Contains(body, `<script data-build="`) {
		t.Fatalf("GET news/a/: %d %q", code, body)
	}
	if !strings.Contains(body, s.url+"news/a/") {
		t.Errorf("the build's baseURL is not the server's own URL %s", s.url)
	}
	m := regexp.MustCompile(`serving \S+ at \S+`).FindString(s.stdout.String())
	if m == "" {
		t.Errorf("no serving line: %s", s.stdout)
	}

	page := filepath.Join(src, "content", "news", "a.md")
	if err := os.WriteFile(page, []byte("+++\ntitle = \"A\"\ndate = nonsense\n+++\nText of A.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the overlay", func() bool {
		_, body := fetch(t, s.url+"news/a/")
		return strings.Contains(body, `id="sineng-overlay"`) && strings.Contains(body, "content/news/a.md:")
	})
	if _, body := fetch(t, s.url+"news/a/"); !strings.Contains(body, "Text of A.") {
		t.Error("the last good page is not served while the site is broken")
	}
	if err := os.WriteFile(page, []byte("+++\ntitle = \"A\"\ndate = 2025-01-01\n+++\nFixed text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the fix", func() bool {
		_, body := fetch(t, s.url+"news/a/")
		return strings.Contains(body, "Fixed text.") && !strings.Contains(body, `id="sineng-overlay"`)
	})

	out := ""
	if m := regexp.MustCompile(`output in (\S+);`).FindStringSubmatch(s.stdout.String()); m != nil {
		out = m[1]
	} else {
		t.Errorf("the output folder is not printed: %s", s.stdout)
	}
	if exit := s.stop(); exit != exitOK {
		t.Errorf("exit %d: %s", exit, s.stderr)
	}
	if _, err := os.Stat(filepath.Dir(out)); out != "" && err == nil {
		t.Errorf("the temporary folder of %s is still there", out)
	}
}

// TestServeFirstBuildFails: a site broken from the start is served as an
// error page until it is fixed.
func TestServeFirstBuildFails(t *testing.T) {
	files := map[string]string{}
	for k, v := range small {
		files[k] = v
	}
	files["content/_index.md"] = "+++\ntitle = \n+++\nHello.\n"
	src := writeSite(t, files)
	out := filepath.Join(t.TempDir(), "public")
	s := startServe(t, "--source", src, "--out", out)
	code, body := fetch(t, s.url)
	if code != http.StatusInternalServerError || !strings.Contains(body, "content/_index.md:") || !strings.Contains(body, `id="sineng-overlay"`) {
		t.Fatalf("GET / while broken: %d %q", code, body)
	}
	if err := os.WriteFile(filepath.Join(src, "content", "_index.md"), []byte("+++\ntitle = \"Home\"\n+++\nHello again.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the site", func() bool {
		code, body := fetch(t, s.url)
		return code == 200 && strings.Contains(body, "Hello again.")
	})
	if exit := s.stop(); exit != exitOK {
		t.Errorf("exit %d", exit)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("--out folder not kept: %v", err)
	}
}

// TestServeRefusesAnOutputFolderABuildWould checks that serve stops before
// it listens when the output folder is one a build refuses (a filesystem
// root, the site's own folder or one inside content/): the server would
// otherwise serve what that folder holds, /etc included, while every build
// failed.
func TestServeRefusesAnOutputFolderABuildWould(t *testing.T) {
	src := writeSite(t, small)
	other := t.TempDir() // a folder of files no build wrote
	if err := os.WriteFile(filepath.Join(other, "id_ed25519"), []byte("PRIVATE KEY"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"/", src, filepath.Join(src, "content"), other} {
		var stdout, stderr bytes.Buffer
		code := serveSite(context.Background(), []string{"--source", src, "--port", "0", "--out", out}, &stdout, &stderr)
		if code != exitBuild || !strings.Contains(stderr.String(), "refused output folder") {
			t.Errorf("serve --out %s: exit %d, stderr %q", out, code, stderr.String())
		}
		if strings.Contains(stdout.String(), "serving") {
			t.Errorf("serve --out %s served: %s", out, stdout.String())
		}
	}
}

// TestServedAudienceReadsSiteToml checks that the warning of a server other
// machines reach names the audience the builds are for: the flag's, else
// site.toml's [build] audience.
func TestServedAudienceReadsSiteToml(t *testing.T) {
	files := map[string]string{}
	for k, v := range small {
		files[k] = v
	}
	files["site.toml"] += "[build]\naudience = \"team\"\n"
	src := writeSite(t, files)
	if got := servedAudience(site.Options{Source: src}); got != audience.Team {
		t.Errorf("site.toml says team, served audience %v", got)
	}
	if got := servedAudience(site.Options{Source: src, Audience: audience.Funders, AudienceSet: true}); got != audience.Funders {
		t.Errorf("--audience funders, served audience %v", got)
	}
	if got := servedAudience(site.Options{Source: writeSite(t, small)}); got != audience.Public {
		t.Errorf("no audience anywhere, served audience %v", got)
	}
}
