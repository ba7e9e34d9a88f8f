package layout

import (
	"slices"
	"strings"
	ttemplate "text/template"
	"text/template/parse"
)

// Sharing the partials' code. Each page template is its own namespace
// (the partials and shortcodes, its baseof.html and its own file), so each
// escaped and compiled its own copy of every partial it places with
// {{ template }}: in the built-in theme 83% of the template nodes Prepare
// copied, escaped and compiled were the partials', each done again for
// each of the 21 page templates.
//
// A partial called in the default (HTML text) context escapes the same
// wherever it is called from, as long as the templates it calls are the
// same: html/template itself names the escaped template for any text
// context by the bare name and escapes it once per namespace. So when an
// entry calls a partial whose own entry compiled (the partial's
// templates, escaped and compiled on their own, starting and ending in
// text), and every template of that entry resolves in the caller's
// namespace to the very tree it resolves to among the partials (no
// baseof.html or page file redefines it), compileSharing escapes the
// caller with an empty stand-in for the partial: an empty template called
// in text context leaves the context as it found it, as the partial does,
// so the caller's own templates escape exactly as before. The caller's
// code then calls the partial's compiled entry. If html/template escaped a
// stand-in in any other context (it then derives a copy named
// "partial$htmltemplate_…"), or anything else fails, the caller is
// escaped and compiled whole, as before.
//
// Partials share with each other the same way, except that a partial
// never waits for the code of one that calls it back (namespace.reaches):
// each compilation waits only for entries that cannot wait for it, so two
// compilations never wait for each other. The built-in theme's templates
// and their first compilation (BenchmarkLoadPrepare): 138k → 96k
// allocations, 8.7 → 7.4 MB, ≈29 → ≈23 ms (paired runs, this machine).

// derivedMark separates a template's name from the context html/template
// escaped a derived copy of it for.
const derivedMark = "$htmltemplate_"

// compileSharing escapes and compiles the entry name with the compiled
// entries of the partials it shares, and returns its code, the escaped
// trees the code runs (its own and the shared entries') and the names of
// the partials it shares, or nil code when it shares none or cannot.
func (ns *namespace) compileSharing(s *Set, name string) (*tmplCode, map[string]*parse.Tree, []string) {
	index := ns.trees(s)
	type sharedEntry struct {
		code  *tmplCode
		trees map[string]*parse.Tree
	}
	shared := map[string]*sharedEntry{} // by template name; nil: not shared
	stub := func(n string) bool {
		se, decided := shared[n]
		if !decided {
			// Among the partials, the entry name waits for n's code:
			// n must not call name, or two compilations could wait
			// for each other.
			if e := s.entries[n]; e != nil && e.ns == s.shared && (ns != s.shared || !ns.reaches(s, n, name)) {
				if code, trees := e.compiled(s); code != nil && sameTrees(index, e.ns.trees(s), trees) {
					se = &sharedEntry{code: code, trees: trees}
				}
			}
			shared[n] = se
		}
		return se != nil
	}
	esc, own, err := ns.escapingCopy(s, name, stub)
	if err != nil {
		return nil, nil, nil
	}
	var names []string
	for n, se := range shared {
		if se != nil {
			names = append(names, n)
		}
	}
	if len(names) == 0 || escape(esc, name) != nil {
		return nil, nil, nil
	}
	for _, t := range esc.Templates() {
		if base, _, derived := strings.Cut(t.Name(), derivedMark); derived && shared[base] != nil {
			return nil, nil, nil // a stand-in was called outside text
		}
	}
	trees := map[string]*parse.Tree{}
	c := &compiler{set: s, trees: trees, pending: map[string]*tmplCode{}}
	for n, se := range shared {
		if se == nil {
			continue
		}
		for tn, tr := range se.trees {
			trees[tn] = tr
		}
		c.pending[n] = se.code
	}
	for tn, tr := range own {
		if shared[tn] == nil {
			trees[tn] = tr // the page's own escaped trees, not the stand-ins
		}
	}
	code, err := c.template(name)
	if err != nil {
		return nil, nil, nil
	}
	slices.Sort(names)
	return code, trees, names
}

// sameTrees reports whether every template of trees resolves in index to
// the same parse tree as in shared (the partials' index of parse trees).
func sameTrees(index, shared *ttemplate.Template, trees map[string]*parse.Tree) bool {
	for n := range trees {
		a, b := index.Lookup(n), shared.Lookup(n)
		if a == nil || b == nil || a.Tree == nil || a.Tree != b.Tree {
			return false
		}
	}
	return true
}

// emptyTree returns a template tree named name with an empty body.
func emptyTree(name string) *parse.Tree {
	return &parse.Tree{Name: name, ParseName: name, Root: &parse.ListNode{NodeType: parse.NodeList}}
}

// reaches reports whether the template from calls the template to,
// directly or through others, in the namespace's parse trees.
func (ns *namespace) reaches(s *Set, from, to string) bool {
	ns.reachMu.Lock()
	defer ns.reachMu.Unlock()
	if ns.reach == nil {
		ns.reach = map[string]map[string]bool{}
	}
	seen := ns.reach[from]
	if seen == nil {
		index := ns.trees(s)
		seen = map[string]bool{}
		queue := []string{from}
		for len(queue) > 0 {
			n := queue[0]
			queue = queue[1:]
			if x := index.Lookup(n); x != nil && x.Tree != nil {
				for _, callee := range calledTemplates(x.Tree.Root, nil) {
					if !seen[callee] {
						seen[callee] = true
						queue = append(queue, callee)
					}
				}
			}
		}
		ns.reach[from] = seen
	}
	return seen[to]
}
