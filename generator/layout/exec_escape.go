package layout

import (
	"errors"
	"html/template"
	"sync"
	ttemplate "text/template"
	"text/template/parse"
)

// Escaping for the compiler. html/template escapes a template only when
// it executes it, and the compiler needs the escaped trees before the
// first execution. So for each entry it makes an escaping copy: the
// templates the entry calls, copied from the parse trees of the files, in
// a namespace of their own with none of the Set's functions. Executing
// the entry there with no data, into a writer that stops at the first
// output, has html/template escape the copy in place and has no other
// effect: escaping looks at the trees only, and the execution after it
// ends at its first output or its first call of a function, which the
// namespace does not define. (Until 2026-11-30 each copy was a clone of a
// namespace defining every function's name as one that does nothing; the
// clone copied ≈150 functions twice for each copy, and BenchmarkLoadPrepare
// allocated 5.85 MB an op instead of 4.91.)

// namespace is one html/template namespace of a Set (the partials and
// shortcodes, or one composed page template) and the files it was made
// of, in the order they were added. It only executes for Sets that
// interpret, for entries the compiler leaves, and to run a failed
// compiled execution again.
type namespace struct {
	files []string

	// tmpl is html/template's namespace of files, built on first need
	// (the compiled executor needs it only when an entry stays on
	// html/template or a compiled run fails, so most builds never build
	// it; a Set that interprets builds each namespace it executes once).
	htmlOnce sync.Once
	tmpl     *template.Template
	tmplErr  error

	indexOnce sync.Once
	index     *ttemplate.Template // the files' trees as parsed, by the names tmpl gives them

	reachMu sync.Mutex
	reach   map[string]map[string]bool // reaches' answers: the templates each calls, by its name
}

// newNamespace returns the namespace of files.
func newNamespace(files []string) *namespace {
	return &namespace{files: files}
}

// html returns html/template's namespace of the files, built the first
// time from fresh copies of their trees.
func (ns *namespace) html(s *Set) (*template.Template, error) {
	ns.htmlOnce.Do(func() {
		t := template.New("").Funcs(s.funcs)
		for _, rel := range ns.files {
			if err := addTrees(t, s.fileTrees[rel]); err != nil {
				ns.tmplErr = err
				return
			}
		}
		ns.tmpl = t
	})
	return ns.tmpl, ns.tmplErr
}

// trees returns the parse trees of the namespace's files, named as in
// tmpl (a later file's template replaces an earlier one of the same name,
// unless it is empty), made the first time. The trees are shared and
// never executed or changed.
func (ns *namespace) trees(s *Set) *ttemplate.Template {
	ns.indexOnce.Do(func() {
		t := ttemplate.New("")
		for _, rel := range ns.files {
			for _, tr := range s.fileTrees[rel] {
				// html/template's AddParseTree names trees with
				// text/template's, which never fails.
				_, _ = t.AddParseTree(tr.Name, tr)
			}
		}
		ns.index = t
	})
	return ns.index
}

// compile escapes and compiles the entry name, and returns its code and
// the escaped trees it was compiled from. An entry shares the code of the
// partials it calls where it can (exec_share.go).
func (ns *namespace) compile(s *Set, name string) (code *tmplCode, trees map[string]*parse.Tree, err error) {
	defer func() {
		if r := recover(); r != nil {
			code, trees, err = nil, nil, unsupported("compiler panic: %v", r)
		}
	}()
	sh := ns.newSharing(s, name)
	esc, trees := ns.escapingCopy(s, name, sh.stub)
	if sh.sharesAny() {
		if code, trees := sh.compile(esc, trees); code != nil {
			return code, trees, nil
		}
		esc, trees = ns.escapingCopy(s, name, nil) // whole, as before sharing
	}
	if err := escape(esc, name); err != nil {
		return nil, nil, err
	}
	c := &compiler{set: s, trees: trees, pending: map[string]*tmplCode{}}
	code, err = c.template(name)
	return code, trees, err
}

// escapingCopy copies the template name and those it calls, as far as they
// exist, into a new namespace without functions, and returns it
// with the copied trees by name. A template stub reports is added with an
// empty body and without the templates it calls (exec_share.go).
func (ns *namespace) escapingCopy(s *Set, name string, stub func(string) bool) (*template.Template, map[string]*parse.Tree) {
	index := ns.trees(s)
	esc := template.New("")
	trees := map[string]*parse.Tree{}
	walkCalls(index, name, func(n string, tree *parse.Tree) *parse.Tree {
		if stub != nil && n != name && stub(n) {
			_, _ = esc.AddParseTree(n, emptyTree(n)) // a failure shows when escaping
			return nil
		}
		if tree == nil {
			return nil // html/template reports it when escaping
		}
		tr := tree.Copy()
		if _, err := esc.AddParseTree(n, tr); err != nil {
			return nil
		}
		trees[n] = tr
		return tr
	})
	return esc, trees
}

// walkCalls visits the template from and every template it calls,
// directly or through others, once each, breadth first. visit gets each
// name and its parse tree in index (nil when index has none) and returns
// the tree whose calls to follow, or nil to follow none.
func walkCalls(index *ttemplate.Template, from string, visit func(name string, tree *parse.Tree) *parse.Tree) {
	queue := []string{from}
	seen := map[string]bool{}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if seen[n] {
			continue
		}
		seen[n] = true
		var tree *parse.Tree
		if x := index.Lookup(n); x != nil {
			tree = x.Tree
		}
		if follow := visit(n, tree); follow != nil {
			queue = append(queue, calledTemplates(follow.Root, nil)...)
		}
	}
}

// calledTemplates appends the names of the templates n calls to names.
func calledTemplates(n parse.Node, names []string) []string {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				names = calledTemplates(c, names)
			}
		}
	case *parse.TemplateNode:
		names = append(names, n.Name)
	case *parse.IfNode:
		names = calledTemplates(n.ElseList, calledTemplates(n.List, names))
	case *parse.RangeNode:
		names = calledTemplates(n.ElseList, calledTemplates(n.List, names))
	case *parse.WithNode:
		names = calledTemplates(n.ElseList, calledTemplates(n.List, names))
	}
	return names
}

// escape has html/template escape the entry name of an escaping copy. The
// execution that does it gets no data and stops at its first output or
// function call; its outcome does not matter once html/template has
// escaped, as an execution error tells.
func escape(esc *template.Template, name string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = unsupported("escaping copy panicked: %v", r)
		}
	}()
	err = esc.ExecuteTemplate(stopWriter{}, name, nil)
	var execErr ttemplate.ExecError
	if err == nil || err == errStopped || errors.As(err, &execErr) {
		return nil
	}
	return unsupported("escaping: %v", err)
}

// errStopped is what stopWriter fails with.
var errStopped = errors.New("stopped at the first output")

// stopWriter fails every write: an execution into it ends where it would
// first write, after html/template has escaped the template.
type stopWriter struct{}

func (stopWriter) Write([]byte) (int, error) { return 0, errStopped }
