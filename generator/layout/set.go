package layout

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/sineng/sineng/generator/htmlesc"
)

// Set is every template of a site and its theme, parsed and composed once
// by Load. It is safe for concurrent use.
type Set struct {
	files      map[string]string       // template name (path under layouts/) → file path for messages
	pages      map[string]bool         // page templates → whether they are applied inside a baseof.html
	bases      map[string]bool         // baseof.html files that exist
	partials   map[string]bool         // "partials/…" names
	shortcodes map[string]bool         // shortcode names, without "shortcodes/" and ".html"
	composed   map[string]*composition // page template name → its compositions
	entries    map[string]*entry       // partials and shortcodes, by name
	shared     *namespace              // the partials' and shortcodes' namespace, the entries' own
	fragments  fragments               // outputs of keyed partial calls

	funcs       template.FuncMap         // every template function, as the templates see them
	fileTrees   map[string][]*parse.Tree // each file's parse trees as parsed, never executed
	commonFiles []string                 // the partials' and shortcodes' files, in the order they were added
	ownPartial  bool                     // "partial" is the Set's own, not one from Options.Funcs
	ownDict     bool                     // "dict" is the Set's own, not one from Options.Funcs
	interpret   bool                     // Options.Interpret: never compile
	// escapers is where compiled code finds html/template's escapers:
	// htmlesc.Lookup, or html/template's own in tests that check the
	// executor apart from htmlesc. An escaper it lacks keeps the
	// templates using it on html/template.
	escapers func(string) (htmlesc.Func, bool)
	// textEscapers gives the same escapers applied to text without boxing
	// it (htmlesc.LookupText), or is nil: compiled code calls them for a
	// value of a type htmlesc.ContentOf knows, where escapers has the name.
	textEscapers func(string) (htmlesc.TextFunc, bool)
	states       sync.Pool // *execState
	buffers      sync.Pool // *bytes.Buffer
}

// composition is what a page template file composes into: the file
// alone, or, for a file of {{ define }} blocks, the file applied inside
// each baseof.html it can be paired with, by the base's name.
type composition struct {
	alone  *Template
	inBase map[string]*Template
}

// Template is a page template ready to execute: a standalone file, or a file
// of {{ define }} blocks applied inside a baseof.html.
type Template struct {
	name  string // file the page template came from
	base  string // file of the baseof.html it is applied inside, or ""
	entry string // template to execute: the page's own name or the base's
	exec  *entry // how entry executes: compiled, or on html/template
}

// Name returns the file the template came from, as shown in messages, e.g.
// "layouts/_default/single.html" or
// "themes/default/layouts/_default/single.html".
func (t *Template) Name() string { return t.name }

// Base returns the file of the baseof.html the template is applied inside,
// or "" for a standalone template.
func (t *Template) Base() string { return t.base }

// Execute applies t to data and writes the output to w. An error is a
// *diag.Error at the innermost template position its message names (the
// callers of a failing partial follow as "via file:line:col"), else at the
// template's file.
func (s *Set) Execute(w io.Writer, t *Template, data any) error {
	if t == nil {
		return errors.New("execute template: nil template")
	}
	if err := s.run(w, t.exec, data); err != nil {
		return positioned(err, s.files, t.name)
	}
	return nil
}

// HasShortcode reports whether layouts/shortcodes/<name>.html exists in the
// site or the theme.
func (s *Set) HasShortcode(name string) bool { return s.shortcodes[name] }

// Shortcode executes layouts/shortcodes/<name>.html with data as dot and
// returns its output. Errors are positioned as in Execute.
func (s *Set) Shortcode(name string, data any) (string, error) {
	if !s.shortcodes[name] {
		return "", fmt.Errorf("shortcode %q not found", name)
	}
	rel := "shortcodes/" + name + ".html"
	b := s.buffer()
	defer s.recycle(b)
	if err := s.run(b, s.entries[rel], data); err != nil {
		return "", positioned(err, s.files, s.files[rel])
	}
	return b.String(), nil
}

// partial is the "partial" template function: partial NAME [CONTEXT
// [KEY...]] executes layouts/partials/<NAME> with CONTEXT as dot. The name
// may leave out ".html" and may start with "partials/". With keys, the
// output is made once per name and keys and reused by later calls with
// equal keys (see fragments): the keys must determine everything the
// partial prints.
func (s *Set) partial(name string, args ...any) (template.HTML, error) {
	return s.partialCall(nil, name, args)
}

// partialCall is partial called with its arguments in a slice, from
// compiled code (st is its execution) or from html/template (st is nil).
func (s *Set) partialCall(st *execState, name string, args []any) (template.HTML, error) {
	rel, ok := s.partialName(name)
	if !ok {
		return "", fmt.Errorf("partial %q not found", name)
	}
	return s.partialFile(st, nil, rel, name, args, false)
}

// partialFile is partialCall once the name is found to be the file rel.
// From compiled code, site (when not nil) remembers an output the call
// reused or kept (see fragmentSite), and stream writes the output to
// st.out instead of returning it.
func (s *Set) partialFile(st *execState, site *fragmentSite, rel, name string, args []any, stream bool) (template.HTML, error) {
	var data any
	if len(args) > 0 {
		data = args[0]
	}
	if len(args) < 2 {
		if stream {
			return "", s.streamPartial(st, rel, data)
		}
		return s.executePartial(st, rel, data)
	}
	k, err := newFragmentKey(rel, args[1:])
	if err != nil {
		return "", fmt.Errorf("partial %q: %w", name, err)
	}
	return s.keyedPartial(st, site, k, data, nil, reflect.Value{}, stream)
}

// keyedPartial is partialFile for a call with keys, k. The partial's dot
// is data or, when lazy is not nil, what lazy yields for dot, evaluated
// only when the output is not kept already.
func (s *Set) keyedPartial(st *execState, site *fragmentSite, k fragmentKey, data any, lazy evalFn, dot reflect.Value, stream bool) (template.HTML, error) {
	gen := s.fragments.gen.Load()
	h, ok := site.get(gen, k)
	if !ok {
		if h, ok = s.fragments.get(k); ok {
			site.fill(gen, k, h)
		}
	}
	if ok {
		if stream {
			st.out.WriteString(string(h))
			return "", nil
		}
		return h, nil
	}
	if lazy != nil {
		v, err := lazy(st, dot)
		if err != nil {
			return "", err
		}
		data = anyOf(v)
	}
	start := 0
	var err error
	if stream {
		// The output is read back from st.out: no spill may move it.
		start = st.out.Len()
		st.holding++
		err = s.streamPartial(st, k.rel, data)
		st.holding--
		if err != nil {
			return "", err
		}
		h = template.HTML(st.out.Bytes()[start:])
	} else if h, err = s.executePartial(st, k.rel, data); err != nil {
		return "", err
	}
	out, kept := s.fragments.put(k, h)
	if kept {
		site.fill(gen, k, out)
	}
	if stream {
		if out != h {
			// Another execution kept its output first: print that one.
			st.out.Truncate(start)
			st.out.WriteString(string(out))
		}
		return "", nil
	}
	return out, nil
}

func (s *Set) partialName(name string) (string, bool) {
	rel := name
	if !strings.HasPrefix(rel, "partials/") {
		rel = "partials/" + rel
	}
	if s.partials[rel] {
		return rel, true
	}
	if !strings.HasSuffix(rel, ".html") && s.partials[rel+".html"] {
		return rel + ".html", true
	}
	return "", false
}
