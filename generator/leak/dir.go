package leak

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sineng/sineng/internal/parallel"
)

// FileFinding is a Finding in one file of a scanned folder.
type FileFinding struct {
	// File is the path of the file: dir as given to ScanDir joined with the
	// file's path inside it.
	File string
	Finding
}

// ScanDir scans the text files under dir with s, using workers goroutines
// (GOMAXPROCS when workers < 1), and returns the findings sorted by file
// path, then offset. Text files are those ending in .html, .htm, .xml, .json,
// .csv, .tsv, .txt, .js, .mjs, .css, .svg, .md, .ics, .vcf, .webmanifest, and
// files without an extension whose bytes are valid UTF-8; other files are
// skipped. Symbolic links inside dir are neither followed nor scanned; dir
// itself may be one. Files that cannot be read are reported in the error,
// together, after the findings of every file that could be.
func ScanDir(dir string, s *Scanner, workers int) ([]FileFinding, error) {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", dir, err)
	}
	if info, err := os.Stat(root); err != nil {
		return nil, fmt.Errorf("scan %s: %w", dir, err)
	} else if !info.IsDir() {
		return nil, fmt.Errorf("scan %s: not a directory", dir)
	}
	files, err := textFiles(root)
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", dir, err)
	}

	found := make([][]Finding, len(files))
	errs := make([]error, len(files))
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	parallel.For(len(files), workers, func(i int) {
		found[i], errs[i] = scanFile(filepath.Join(root, files[i]), s)
	})

	var out []FileFinding
	for i, list := range found {
		name := filepath.Join(dir, files[i])
		for _, f := range list {
			out = append(out, FileFinding{File: name, Finding: f})
		}
		if errs[i] != nil {
			errs[i] = fmt.Errorf("scan %s: %w", name, errs[i])
		}
	}
	return out, errors.Join(errs...)
}

// textFiles returns the paths, relative to root and sorted, of the regular
// files under root that ScanDir reads. Symbolic links are skipped.
func textFiles(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || !TextName(d.Name()) {
			return nil // directories are walked; links and devices are not read
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		files = append(files, rel)
		return nil
	})
	slices.Sort(files)
	return files, err
}

// TextName reports whether a file of this name may hold text to scan: a
// known text extension, or none at all (then Text checks the bytes).
func TextName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case "", ".html", ".htm", ".xml", ".json", ".csv", ".tsv", ".txt", ".js", ".mjs",
		".css", ".svg", ".md", ".ics", ".vcf", ".webmanifest":
		return true
	}
	return false
}

// Text reports whether a file is scanned: a text name, and valid UTF-8
// when the name has no extension.
func Text(name string, data []byte) bool {
	return TextName(name) && (filepath.Ext(name) != "" || utf8.Valid(data))
}

// scanFile reads and scans one file; a file without an extension is scanned
// only when it is valid UTF-8.
func scanFile(path string, s *Scanner) ([]Finding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !Text(path, data) {
		return nil, nil
	}
	return s.Scan(data), nil
}
