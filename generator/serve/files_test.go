package serve

import (
	"testing"
)

func TestCleanPath(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"/", "", true},
		{"/index.html", "index.html", true},
		{"/news/a/", "news/a", true},
		{"//news//a", "news/a", true},
		{"/css/style.3f2a9c0d1e.css", "css/style.3f2a9c0d1e.css", true},
		{"/领袖/", "领袖", true},
		{"/a%20b.txt", "a%20b.txt", true}, // a literal "%20" after net/http decoded once: not a dot
		{"/100%", "100%", true},
		{"", "", false},
		{"index.html", "", false},
		{"/../etc/passwd", "", false},
		{"/a/../../x", "", false},
		{"/a/..", "", false},
		{"/./a", "", false},
		{"/a\\..\\b", "", false},
		{"/a\x00b", "", false},
		{"/%2e%2e/x", "", false},   // "%252e%252e" decoded once by net/http
		{"/%2E%2E/x", "", false},   // upper case
		{"/.%2e/x", "", false},     // half encoded
		{"/a%2f..%2fb", "", false}, // a slash hidden in a segment
		{"/a%5cb", "", false},      // a backslash hidden in a segment
		{"/a%00b", "", false},      // a NUL hidden in a segment
		{"/%2e", "", false},
	}
	for _, tt := range tests {
		got, ok := cleanPath(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("cleanPath(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestContentType(t *testing.T) {
	tests := map[string]string{
		"index.html":          "text/html; charset=utf-8",
		"INDEX.HTM":           "text/html; charset=utf-8",
		"sitemap.xml":         "application/xml; charset=utf-8",
		"css/style.ab12.css":  "text/css; charset=utf-8",
		"exports/leaders.csv": "text/csv; charset=utf-8",
		"index.json":          "application/json",
		"robots.txt":          "text/plain; charset=utf-8",
		"favicon.svg":         "image/svg+xml",
		"app.js":              "text/javascript; charset=utf-8",
		"photo.png":           "image/png",
		"unknown.zzqq":        "application/octet-stream",
		"no-extension":        "application/octet-stream",
	}
	for name, want := range tests {
		if got := contentType(name); got != want {
			t.Errorf("contentType(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestInject(t *testing.T) {
	tests := []struct{ page, want string }{
		{"<html><body><p>x</p></body></html>", "<html><body><p>x</p>S</body></html>"},
		{"<BODY>x</BODY>", "<BODY>xS</BODY>"},
		{"<body>a</body><!-- </body> in a comment --></body>", "<body>a</body><!-- </body> in a comment -->S</body>"},
		{"<p>no body tag</p>", "<p>no body tag</p>S"},
		{"", "S"},
	}
	for _, tt := range tests {
		page := []byte(tt.page)
		if got := string(inject(page, "S")); got != tt.want {
			t.Errorf("inject(%q) = %q, want %q", tt.page, got, tt.want)
		}
		if string(page) != tt.page {
			t.Errorf("inject changed its input %q", tt.page)
		}
	}
}

func TestSheetKey(t *testing.T) {
	tests := map[string]string{
		"css/style.3f2a9c0d1e.css":  "css/style",
		"css/syntax.0123456789.css": "css/syntax",
		"css/extra.css":             "css/extra",
		"main.css":                  "main",
		"css/jquery.min.css":        "css/jquery.min",
		"css/a.b.deadbeef.css":      "css/a.b",
		"css/short.abc.css":         "css/short.abc",
		"css/upper.DEADBEEF.css":    "css/upper.DEADBEEF",
	}
	for in, want := range tests {
		if got := sheetKey(in); got != want {
			t.Errorf("sheetKey(%q) = %q, want %q", in, got, want)
		}
	}
}
