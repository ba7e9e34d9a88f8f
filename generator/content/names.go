package content

import (
	"path"
	"path/filepath"
	"strings"
)

// fileNames maps a Markdown file's name to the language and Path of its
// page, as the walk names pages and as Tree.ByFile finds them again.
type fileNames struct {
	prefix string          // what File adds to a content-relative path: "content/"
	langs  map[string]bool // the language keys
	def    string          // the default language
}

// newFileNames returns the names of opts, whose defaults are applied.
func newFileNames(opts Options) fileNames {
	n := fileNames{langs: make(map[string]bool, len(opts.Languages)), def: opts.DefaultLanguage}
	for _, l := range opts.Languages {
		n.langs[l] = true
	}
	n.prefix = contentPrefix(opts.ContentDir)
	return n
}

// contentPrefix returns what a page's site-relative slash path adds to
// its content-relative one: prefix + rel is path.Join(contentDir, rel) for
// the clean, relative rel a walk finds, made without cleaning rel. It is
// "" for the folder ".", the folder with one slash after it for any other.
func contentPrefix(contentDir string) string {
	switch dir := path.Clean(filepath.ToSlash(contentDir)); {
	case dir == ".":
		return ""
	case strings.HasSuffix(dir, "/"):
		return dir
	default:
		return dir + "/"
	}
}

// dirOf is path.Dir for a clean path, as the walk's content-relative
// paths and the stems made of them are: all before the last slash, "."
// when there is none, without cleaning the rest again.
func dirOf(clean string) string {
	i := strings.LastIndexByte(clean, '/')
	switch {
	case i < 0:
		return "."
	case i == 0:
		return "/"
	}
	return clean[:i]
}

// split returns the language and the stem (the path without extension
// and language) of a content-relative Markdown file, "projects/x.en.md"
// → "en", "projects/x". The stem shares rel's memory. It reports false
// for a file that is not Markdown.
func (n fileNames) split(rel string) (lang, stem string, ok bool) {
	name := path.Base(rel)
	if !strings.HasSuffix(name, ".md") {
		return "", "", false
	}
	lang = n.def
	base := strings.TrimSuffix(name, ".md")
	if i := strings.LastIndexByte(base, '.'); i > 0 && n.langs[base[i+1:]] {
		lang, base = base[i+1:], base[:i]
	}
	// rel ends with name: the stem is dir + "/" + base.
	return lang, strings.TrimSuffix(rel, name[len(base):]), true
}

// key returns the byPath key of the page a site-relative file would be
// read as; ByFile still checks that the page is that file's.
func (n fileNames) key(file string) (pathKey, bool) {
	rel, ok := strings.CutPrefix(file, n.prefix)
	if !ok {
		return pathKey{}, false
	}
	lang, stem, ok := n.split(rel)
	return pathKey{lang, stem}, ok
}
