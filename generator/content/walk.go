package content

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sineng/sineng/generator/diag"
)

// walk calls emit with each Markdown file as it finds it, in the walk's
// (lexical) order, and lists the other files outside bundles and each
// leaf bundle's resources (keyed by the bundle folder). A file's kind is
// known when it is found: a folder is checked for an index.md before the
// walk enters it. When emit returns false the walk stops, with no error.
// A folder or file that cannot be read is passed to unreadable, by its
// path relative to root, and the walk goes on without it; only a root
// that cannot be read stops it with an error.
func walk(root string, names fileNames, emit func(file) bool, unreadable func(rel string, err error)) ([]string, map[string][]string, error) {
	var others []string
	resources := map[string][]string{}
	bundles := map[string]bool{} // folders holding index.md, not inside another bundle

	// inBundle finds the bundle folder holding rel by its ancestors:
	// O(depth), however many bundles the site has.
	inBundle := func(rel string) (string, bool) {
		for d := dirOf(rel); d != "." && d != "/"; d = dirOf(d) {
			if bundles[d] {
				return d, true
			}
		}
		return "", false
	}

	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			switch {
			case p == root && os.IsNotExist(err):
				return fs.SkipAll
			case p == root:
				return fmt.Errorf("content: walk %s: %w", p, err)
			}
			err = diag.PathCause(err)
			unreadable(relPath(root, p), err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel := relPath(root, p)
		name := d.Name()
		if rel != "." && Ignored(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if rel != "." {
				if _, err := os.Stat(filepath.Join(p, "index.md")); err == nil {
					if _, nested := inBundle(rel); !nested {
						bundles[rel] = true
					}
				}
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil // symlinks and devices are never read
		}
		lang, stem, md := names.split(rel)
		index := md && path.Base(stem) == "index" // index.md or index.LANG.md
		if b, ok := inBundle(rel); ok && !(index && dirOf(rel) == b) {
			resources[b] = append(resources[b], rel)
			return nil
		}
		if !md {
			others = append(others, rel)
			return nil
		}
		f := file{rel: rel, full: p, lang: lang, stem: stem, bundle: index && dirOf(rel) != "."}
		if !emit(f) {
			return fs.SkipAll
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	for _, r := range resources {
		sort.Strings(r)
	}
	sort.Strings(others)
	return others, resources, nil
}

// relPath is filepath.Rel(root, p) as a slash path, for a path p the walk
// of root made: root itself, or root, a separator and more. Those it
// trims without cleaning both paths again; any other goes through
// filepath.Rel.
func relPath(root, p string) string {
	if p == root {
		return "."
	}
	if len(p) > len(root)+1 && strings.HasPrefix(p, root) && os.IsPathSeparator(p[len(root)]) &&
		!os.IsPathSeparator(root[len(root)-1]) {
		return filepath.ToSlash(p[len(root)+1:])
	}
	rel, _ := filepath.Rel(root, p)
	return filepath.ToSlash(rel)
}
