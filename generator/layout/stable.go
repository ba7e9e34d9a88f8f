package layout

import (
	"reflect"
	"sync/atomic"
	"text/template/parse"
)

// StableText is implemented by a view whose text methods named by
// IsStableText, given only constant arguments ({{ .T "next" }}), return
// the same text on every view with an equal StableTextKey for as long as
// the Set keeps the outputs of keyed partial calls (until
// ClearFragments): a translation looked up in a site's strings, the same
// from any page of the site. Compiled code then calls such a method once
// per call site and key (a call site remembers the last few keys), and
// reuses its text. StableTextKey must return a
// comparable value.
type StableText interface {
	// StableTextKey returns what the stable methods' text depends on,
	// such as the site a page belongs to.
	StableTextKey() any
	// IsStableText reports whether the method named method is stable.
	IsStableText(method string) bool
}

var stableTextType = reflect.TypeFor[StableText]()

// isStable reports whether ptr, the pointer a method is called on,
// promises that its method name is stable.
func isStable(ptr reflect.Value, name string) bool {
	if !ptr.Type().Implements(stableTextType) || ptr.IsNil() {
		return false
	}
	st, ok := ptr.Interface().(StableText)
	return ok && st.IsStableText(name)
}

// constantArgs reports whether every argument is a constant: the
// arguments of a call a stable method's text may be reused for.
func constantArgs(args []parse.Node) bool {
	for _, a := range args {
		switch a.(type) {
		case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		default:
			return false
		}
	}
	return true
}

// stableMemo is a text a field site's stable method returned, for a key
// and a generation of the Set's fragments: as text (a printed call) or as
// the call's value. A site keeps the memos of the last few keys
// (maxStableKeys) of the current generation as a chain, newest first, so
// that pages of two languages taking turns at one call site both hit.
// A memo is never changed once stored.
type stableMemo struct {
	gen   uint64
	key   any
	text  bool // s holds a printed call's text, else v the call's value
	s     string
	v     reflect.Value
	next  *stableMemo // an older memo of the same generation, or nil
	depth int         // how many memos follow in the chain
}

// maxStableKeys is how many keys' memos a field site keeps at most: a
// build has one key per site (language), and a site with more languages
// than this still gets correct text, looked up afresh.
const maxStableKeys = 4

// memoFor returns the site's memo for the key of recv in the current
// generation, of a printed call when text is true, else of a call's value,
// and that key and generation; memo is nil on a miss.
func (f *fieldSite) memoFor(st *execState, recv reflect.Value, text bool) (memo *stableMemo, key any, gen uint64) {
	key = recv.Interface().(StableText).StableTextKey()
	gen = st.set.fragments.gen.Load()
	for p := f.memo.Load(); p != nil && p.gen == gen; p = p.next {
		if p.key == key && p.text == text {
			return p, key, gen
		}
	}
	return nil, key, gen
}

// remember makes m the site's newest memo, chained to the older ones of
// its generation unless the chain is full, when m starts a new one.
// Stores racing each other may lose a memo, which only costs a lookup.
func (f *fieldSite) remember(m *stableMemo) {
	if old := f.memo.Load(); old != nil && old.gen == m.gen && old.depth+1 < maxStableKeys {
		m.next, m.depth = old, old.depth+1
	}
	f.memo.Store(m)
}

// stableStore is where a field site keeps its memos.
type stableStore = atomic.Pointer[stableMemo]
