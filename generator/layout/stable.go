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
// per call site and key, and reuses its text. StableTextKey must return a
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

// stableMemo is the last text a field site's stable method returned, for
// a key and a generation of the Set's fragments: as text (a printed
// call) or as the call's value.
type stableMemo struct {
	gen uint64
	key any
	s   string
	v   reflect.Value
}

// memoFor returns the site's memo for the key of recv in the current
// generation, and that key and generation; memo is nil on a miss.
func (f *fieldSite) memoFor(st *execState, recv reflect.Value) (memo *stableMemo, key any, gen uint64) {
	key = recv.Interface().(StableText).StableTextKey()
	gen = st.set.fragments.gen.Load()
	if p := f.memo.Load(); p != nil && p.gen == gen && p.key == key {
		return p, key, gen
	}
	return nil, key, gen
}

// stableStore is where a field site keeps its memo.
type stableStore = atomic.Pointer[stableMemo]
