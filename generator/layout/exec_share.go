package layout

import (
	"html/template"
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
// A partial called in HTML text escapes the same wherever it is called
// from, as long as the templates it calls are the same. This rests on
// three things html/template does (Go 1.26), not on its API: it names the
// escaped template for a call in any text context by the bare name
// (context.mangle) and escapes it once per namespace; every text context
// is the zero context (a tag, comment or special element left behind
// returns to it); and an entry escapes only if it ends in text
// (escapeTemplate). So when an entry calls a partial whose own entry
// compiled, and every template that entry's code runs resolves in the
// caller's namespace to the very tree it resolves to among the partials
// (no baseof.html or page file redefines it, however deep), the caller is
// escaped with an empty stand-in for the partial: an empty template called
// in text leaves the zero context as the partial does, so the caller's own
// templates escape exactly as before, and its code calls the partial's
// compiled entry. A partial called outside HTML text (in an attribute, a
// script, a title…) has html/template escape a copy named for the context
// ("partial$htmltemplate_…") and point the call at it; the caller then
// shares nothing and is copied whole, as before sharing (and as before,
// the compiler, which runs no such copies, leaves it on html/template).
//
// Partials share with each other the same way, except that a partial
// never waits for the code of one that reaches it back, directly or
// through others (namespace.reaches): each compilation waits only for
// entries that cannot wait for it, so no two compilations wait for each
// other. The built-in theme's templates and their first compilation
// (BenchmarkLoadPrepare): 138k → 96k allocations, 8.7 → 7.4 MB, ≈29 →
// ≈23 ms (paired runs, this machine).

// derivedMark separates a template's name from the context html/template
// escaped a derived copy of it for.
const derivedMark = "$htmltemplate_"

// sharing is one entry's sharing of the partials it calls: which of them
// it shares, decided as its escaping copy is made (stub).
type sharing struct {
	s      *Set
	ns     *namespace
	name   string              // the entry
	index  *ttemplate.Template // ns's parse trees
	shared map[string]*sharedEntry
}

// sharedEntry is the compiled entry of a shared partial and the escaped
// trees its code runs.
type sharedEntry struct {
	code  *tmplCode
	trees map[string]*parse.Tree
}

// newSharing returns the sharing of the entry name of ns, nothing shared yet.
func (ns *namespace) newSharing(s *Set, name string) *sharing {
	return &sharing{s: s, ns: ns, name: name, index: ns.trees(s), shared: map[string]*sharedEntry{}}
}

// stub reports whether the entry shares the partial n's code, deciding it
// the first time: n's entry compiled and every template its code runs
// resolves here to the same parse tree as among the partials. Among the
// partials themselves, the entry waits for n's code, so n must not reach
// the entry, directly or through others: then no two compilations can
// wait for each other.
func (sh *sharing) stub(n string) bool {
	se, decided := sh.shared[n]
	if !decided {
		e := sh.s.entries[n] // a partial's or a shortcode's, among the partials
		if e != nil && (sh.ns != sh.s.shared || !sh.ns.reaches(sh.s, n, sh.name)) {
			if code, trees := e.compiled(sh.s); code != nil && sameTrees(sh.index, e.ns.trees(sh.s), trees) {
				se = &sharedEntry{code: code, trees: trees}
			}
		}
		sh.shared[n] = se
	}
	return se != nil
}

// sharesAny reports whether the entry shares any partial's code.
func (sh *sharing) sharesAny() bool {
	for _, se := range sh.shared {
		if se != nil {
			return true
		}
	}
	return false
}

// compile escapes esc, the entry's escaping copy with a stand-in for each
// shared partial, and compiles own, its escaped trees, with the shared
// partials' code. It returns the code and the escaped trees the code runs
// (the entry's own and the shared entries'), or nil when a stand-in was
// escaped outside HTML text or anything else fails: the entry must then
// be copied whole.
func (sh *sharing) compile(esc *template.Template, own map[string]*parse.Tree) (*tmplCode, map[string]*parse.Tree) {
	if escape(esc, sh.name) != nil {
		return nil, nil
	}
	// html/template escapes a template called outside HTML text in a
	// copy named for the context, and points the call at it: a call to
	// such a copy of a stand-in would run an empty template.
	for _, tr := range own {
		for _, callee := range calledTemplates(tr.Root, nil) {
			if base, _, derived := strings.Cut(callee, derivedMark); derived && sh.shared[base] != nil {
				return nil, nil
			}
		}
	}
	trees := map[string]*parse.Tree{}
	c := &compiler{set: sh.s, trees: trees, pending: map[string]*tmplCode{}}
	for n, se := range sh.shared {
		if se == nil {
			continue
		}
		for tn, tr := range se.trees {
			trees[tn] = tr
		}
		c.pending[n] = se.code
	}
	for tn, tr := range own { // never a stand-in: escapingCopy leaves them out
		trees[tn] = tr
	}
	code, err := c.template(sh.name)
	if err != nil {
		return nil, nil
	}
	return code, trees
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
// directly or through others, in the namespace's parse trees (or is to:
// a template never shares its own code).
func (ns *namespace) reaches(s *Set, from, to string) bool {
	ns.reachMu.Lock()
	defer ns.reachMu.Unlock()
	if ns.reach == nil {
		ns.reach = map[string]map[string]bool{}
	}
	called := ns.reach[from]
	if called == nil {
		called = map[string]bool{}
		walkCalls(ns.trees(s), from, func(n string, tree *parse.Tree) *parse.Tree {
			called[n] = true
			return tree
		})
		ns.reach[from] = called
	}
	return called[to]
}
