package serve

import (
	"errors"
	"io/fs"
	"mime"
	"net/url"
	"os"
	"path"
	"strings"
	"time"
)

// cleanPath checks a request's URL path, already percent-decoded once by
// net/http, and returns it as a slash path relative to the output folder
// ("" for its root). It refuses a path not starting with "/", holding a NUL
// byte or a backslash, or with a "." or ".." segment, also one that decodes
// to "." or ".." (or to a slash or backslash) when decoded once more
// ("%2e%2e" sent as "%252e%252e"). Empty segments are dropped.
func cleanPath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	var segs []string
	for _, s := range strings.Split(p[1:], "/") {
		switch s {
		case "":
			continue
		case ".", "..":
			return "", false
		}
		if strings.Contains(s, "%") {
			if u, err := url.PathUnescape(s); err == nil && (u == "." || u == ".." || strings.ContainsAny(u, "/\\\x00")) {
				return "", false
			}
		}
		segs = append(segs, s)
	}
	return strings.Join(segs, "/"), true
}

// errIsDir says the path names a folder: the caller redirects to the path
// with a trailing slash.
var errIsDir = errors.New("is a folder")

// swapRetries and swapPause bound how long a request waits for a build to
// finish swapping the output folder in: between its two renames the folder
// is briefly missing.
const (
	swapRetries = 20
	swapPause   = 5 * time.Millisecond
)

// openFile opens rel inside the output folder out. A folder is served by
// its index.html when dirOK (the URL ended in "/"), else errIsDir is
// returned. Only regular files are opened. Every lookup goes through an
// os.Root, so a symlink cannot lead outside out.
//
// A build replaces out by renaming; when rel is missing because out was
// being swapped (out is gone, or is no longer the folder opened), the open
// is retried for a short while when retry is set.
func openFile(out, rel string, dirOK, retry bool) (*os.File, fs.FileInfo, error) {
	for attempt := 0; ; attempt++ {
		f, info, swapping, err := openOnce(out, rel, dirOK)
		if err == nil || !swapping || !retry || attempt == swapRetries {
			return f, info, err
		}
		time.Sleep(swapPause)
	}
}

// openOnce is one attempt of openFile; swapping reports that a miss may be
// due to a swap of out in progress.
func openOnce(out, rel string, dirOK bool) (f *os.File, info fs.FileInfo, swapping bool, err error) {
	root, err := os.OpenRoot(out)
	if err != nil {
		return nil, nil, errors.Is(err, fs.ErrNotExist), err
	}
	defer root.Close()
	name := rel
	if name == "" {
		name = "."
	}
	info, err = root.Stat(name)
	if err == nil && info.IsDir() {
		if !dirOK {
			return nil, nil, false, errIsDir
		}
		name = path.Join(name, "index.html")
		info, err = root.Stat(name)
	}
	if err == nil && !info.Mode().IsRegular() {
		return nil, nil, false, fs.ErrNotExist
	}
	if err == nil {
		f, err = root.Open(name)
	}
	if err != nil {
		return nil, nil, errors.Is(err, fs.ErrNotExist) && replaced(root, out), err
	}
	return f, info, false, nil
}

// replaced reports whether the folder root was opened on is no longer the
// one at out (a build swapped a new one in, or is doing so).
func replaced(root *os.Root, out string) bool {
	a, err := root.Stat(".")
	if err != nil {
		return true
	}
	b, err := os.Stat(out)
	return err != nil || !os.SameFile(a, b)
}

// contentType returns the Content-Type for a file name: fixed for the
// types a site is made of, the system's table for the rest.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".webmanifest":
		return "application/manifest+json"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// isHTML reports whether a served file gets the reload script.
func isHTML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}
