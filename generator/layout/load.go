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

	// Each file is parsed in a clone of one template that has the
	// functions: Funcs checks every function by reflection, a clone
	// copies the checked ones (≈25 µs less a file, or a namespace).
	withFuncs := template.New("").Funcs(funcs)
	trees := parseAll(withFuncs, srcs, s.files, &errs)
	if errs.HasErrors() {
		return nil, errs.Err()
	}

	s.common = withFuncs // the clones above took copies
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
		if err := addTrees(s.common, trees[src.rel]); err != nil {
			errs.Add(&diag.Error{File: src.file, Err: err})
		}
		s.commonFiles = append(s.commonFiles, src.rel)
	}
	if errs.HasErrors() {
		return nil, errs.Err()
	}
	s.stubBase = template.New("").Funcs(stubFuncs(funcs))
	s.fileTrees = trees
	common := newNamespace(s.common, s.commonFiles)
	s.shared = common
	for rel := range s.partials {
		s.entries[rel] = &entry{ns: common, name: rel}
	}
	for name := range s.shortcodes {
		rel := "shortcodes/" + name + ".html"
		s.entries[rel] = &entry{ns: common, name: rel}
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

// parseAll parses every source, each in its own clone of base, on all
// cores: the files do not see each other until they are composed, and
// parsing the built-in theme's 83 files one after another was ≈11 ms on
// the critical path of every build. Each problem is added to errs, which
// sorts them; a file that fails has no trees.
func parseAll(base *template.Template, srcs []source, files map[string]string, errs *diag.List) map[string][]*parse.Tree {
	parsed := make([][]*parse.Tree, len(srcs))
	failed := make([]error, len(srcs))
	parallel.For(len(srcs), runtime.GOMAXPROCS(0), func(i int) {
		t, err := parseWith(base, srcs[i])
		if err != nil {
			failed[i] = err
			return
		}
		parsed[i] = fileTrees(t, srcs[i].rel)
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

// parseWith parses src in a clone of base, as a template named after the
// file, and returns that template.
func parseWith(base *template.Template, src source) (*template.Template, error) {
	c, err := base.Clone()
	if err != nil {
		return nil, err
	}
	return c.New(src.rel).Parse(src.text)
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

// fileTrees returns the parse trees of one parsed file: its top-level
// template first, then its {{ define }}s by name.
func fileTrees(t *template.Template, rel string) []*parse.Tree {
	var defs []*parse.Tree
	for _, x := range t.Templates() {
		if x.Name() != rel && x.Tree != nil {
			defs = append(defs, x.Tree)
		}
	}
	sort.Slice(defs, func(i, j int) bool { return defs[i].Name < defs[j].Name })
	if t.Tree == nil {
		return defs
	}
	return append([]*parse.Tree{t.Tree}, defs...)
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
			exec: &entry{ns: newNamespace(nil, withFiles(s.commonFiles, src.rel)), name: src.rel}}
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
			exec: &entry{ns: newNamespace(nil, withFiles(s.commonFiles, base, src.rel)), name: base},
		}
	}
}

// withFiles returns files followed by more, in new memory.
func withFiles(files []string, more ...string) []string {
	return append(slices.Clip(files), more...)
}
