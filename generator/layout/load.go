package layout

import (
	"fmt"
	"html/template"
	"runtime"
	"slices"
	"sort"
	"strings"
	"text/template/parse"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/htmlesc"
	"github.com/sineng/sineng/internal/parallel"
)

// Load reads the template files of the site and the theme, parses each one
// once and composes every template Lookup can return. All read and parse
// problems come back together as a *diag.Errors whose entries are
// *diag.Error values at "file:line[:col]".
func Load(opts Options) (*Set, error) {
	var errs diag.List
	if err := checkFuncs(opts.Funcs); err != nil {
		errs.Add(err)
		return nil, errs.Err()
	}
	srcs := readSources(opts, &errs)
	s := &Set{
		files:      make(map[string]string, len(srcs)),
		pages:      map[string]bool{},
		bases:      map[string]bool{},
		partials:   map[string]bool{},
		shortcodes: map[string]bool{},
		composed:   map[string]*composition{},
		entries:    map[string]*entry{},
		interpret:  opts.Interpret,
		escapers:   htmlesc.Lookup,

		textEscapers: htmlesc.LookupText,
	}
	_, customPartial := opts.Funcs["partial"]
	s.ownPartial = !customPartial
	_, customDict := opts.Funcs["dict"]
	s.ownDict = !customDict
	for _, src := range srcs {
		s.files[src.rel] = src.file
	}
	funcs := newFuncMap(opts, s)
	s.funcs = funcs

	// The files are parsed with text/template/parse straight away: a
	// parse needs only the functions' names, while parsing in a clone of
	// a template holding the functions copied its two function tables
	// for every file (≈4 ms of CPU a build for the built-in theme).
	trees := parseAll(funcs, srcs, s.files, &errs)
	if errs.HasErrors() {
		return nil, errs.Err()
	}

	for _, src := range srcs {
		switch roleOf(src.rel) {
		case rolePartial:
			s.partials[src.rel] = true
		case roleShortcode:
			s.shortcodes[strings.TrimSuffix(strings.TrimPrefix(src.rel, "shortcodes/"), ".html")] = true
		case roleBase:
			s.bases[src.rel] = true
			continue
		case rolePage:
			s.pages[src.rel] = definesOnly(src.text)
			continue
		}
		s.commonFiles = append(s.commonFiles, src.rel)
	}
	s.fileTrees = trees
	// The partials and shortcodes, like each page template, get their
	// html/template namespace only when an execution needs it
	// (namespace.html): a compiled build runs none. Building it here
	// copied every partial's trees into a template holding the functions
	// (BenchmarkLoad, built-in theme: 2.03 → 1.34 MB and 39.6k → 24.5k
	// allocations an op, ≈8 → ≈4 ms).
	s.shared = newNamespace(s.commonFiles)
	for rel := range s.partials {
		s.entries[rel] = &entry{ns: s.shared, name: rel}
	}
	for name := range s.shortcodes {
		rel := "shortcodes/" + name + ".html"
		s.entries[rel] = &entry{ns: s.shared, name: rel}
	}

	for _, src := range srcs {
		if roleOf(src.rel) == rolePage {
			s.compose(src, &errs)
		}
	}
	if errs.HasErrors() {
		return nil, errs.Err()
	}
	return s, nil
}

// parseAll parses every source on all cores, checking the names of the
// functions it calls against funcs and text/template's builtins: the files
// do not see each other until they are composed, and parsing the built-in
// theme's 83 files one after another was ≈11 ms on the critical path of
// every build. Each problem is added to errs, which sorts them; a file that
// fails has no trees.
func parseAll(funcs template.FuncMap, srcs []source, files map[string]string, errs *diag.List) map[string][]*parse.Tree {
	parsed := make([][]*parse.Tree, len(srcs))
	failed := make([]error, len(srcs))
	builtins := builtinNames()
	parallel.For(len(srcs), runtime.GOMAXPROCS(0), func(i int) {
		trees, err := parse.Parse(srcs[i].rel, srcs[i].text, "", "", funcs, builtins)
		if err != nil {
			failed[i] = err
			return
		}
		parsed[i] = fileTrees(trees, srcs[i].rel)
	})
	trees := make(map[string][]*parse.Tree, len(srcs))
	for i, src := range srcs {
		if failed[i] != nil {
			errs.Add(parseError(failed[i], src, files))
			continue
		}
		trees[src.rel] = parsed[i]
	}
	return trees
}

// builtinNames returns the names of text/template's builtin functions, as
// a parse checks names: a file may call them without a FuncMap entry.
func builtinNames() map[string]any {
	names := map[string]any{}
	for _, name := range []string{
		"and", "call", "html", "index", "slice", "js", "len", "not", "or",
		"print", "printf", "println", "urlquery",
		"eq", "ge", "gt", "le", "lt", "ne",
	} {
		names[name] = true // a parse only asks whether the value is nil
	}
	return names
}

// parseError positions a parse error. Parse errors name a line but no
// column; for an undefined function the column is found on that line.
func parseError(err error, src source, files map[string]string) *diag.Error {
	e := positioned(err, files, src.file)
	if e.Line > 0 && e.Col == 0 {
		e.Col = guessColumn(src.text, e.Line, err.Error())
	}
	return e
}

// fileTrees returns the parse trees of one parsed file, as parse.Parse
// returns them by name: its top-level template first, then its
// {{ define }}s by name.
func fileTrees(trees map[string]*parse.Tree, rel string) []*parse.Tree {
	var defs []*parse.Tree
	for name, tr := range trees {
		if name != rel {
			defs = append(defs, tr)
		}
	}
	sort.Slice(defs, func(i, j int) bool { return defs[i].Name < defs[j].Name })
	if top := trees[rel]; top != nil {
		return append([]*parse.Tree{top}, defs...)
	}
	return defs
}

// addTrees adds copies of trees to set: html/template rewrites a tree when
// it first executes, so no two sets may share one.
func addTrees(set *template.Template, trees []*parse.Tree) error {
	for _, tr := range trees {
		if _, err := set.AddParseTree(tr.Name, tr.Copy()); err != nil {
			return fmt.Errorf("add template %q: %w", tr.Name, err)
		}
	}
	return nil
}

// compose builds every template a Lookup can return for the page template
// src: the file alone, or the file applied inside each baseof.html that a
// lookup can pair it with. Their html/template namespaces are built only
// if an execution needs one (see namespace.html).
func (s *Set) compose(src source, errs *diag.List) {
	c := new(composition)
	s.composed[src.rel] = c
	if !s.pages[src.rel] {
		c.alone = &Template{name: src.file, entry: src.rel,
			exec: &entry{ns: newNamespace(withFiles(s.commonFiles, src.rel)), name: src.rel}}
		return
	}
	c.inBase = map[string]*Template{}
	for _, base := range s.reachableBases(src.rel) {
		if !s.bases[base] {
			errs.Add(&diag.Error{File: src.file, Line: 1, Col: 1,
				Err: fmt.Errorf("the template starts with {{ define }}, so it needs a %s to be applied inside, and there is none", base)})
			continue
		}
		c.inBase[base] = &Template{
			name: src.file, base: s.files[base], entry: base,
			exec: &entry{ns: newNamespace(withFiles(s.commonFiles, base, src.rel)), name: base},
		}
	}
}

// withFiles returns files followed by more, in new memory.
func withFiles(files []string, more ...string) []string {
	return append(slices.Clip(files), more...)
}
