package program

import (
	"cmp"
	"maps"
	"slices"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/internal/stablesort"
)

// Model is the whole program of one site language: every decoded item, the
// references between them resolved, and the facts computed from them. It is
// built once by Build (or Filter) and never changed afterwards; all its
// methods return fresh slices, so callers may sort or trim what they get.
type Model struct {
	items     []Item // every item, by path
	byPath    map[string]Item
	leaders   []*Leader // one per id, by id
	byID      map[string]*Leader
	sessions  []*Session
	projects  []*Project
	exchanges []*Exchange
	cases     []*Case
	evidence  map[string]Evidence // by leader id
	dashboard Dashboard
	// outside holds the pseudonyms of leaders that Filter left out, by id, so
	// that a reference to them can still print a pseudonym.
	outside map[string]string
}

// Build puts the decoded items of one site language together: it resolves
// every leader reference (a case's leader, a session's attendees, the leaders
// of projects and exchanges) and computes evidence and dashboard facts. Nil
// items are skipped; the order of items does not matter.
//
// The error is a *diag.Errors listing every reference to an id no leader has
// (at the position of that list element), every leader id used twice (naming
// both files) and every content path given twice. The Model is returned even
// then, with unresolved references left out of evidence, so that a build can
// keep going and report more.
func Build(items []Item) (*Model, error) {
	return BuildAround(items, nil)
}

// BuildAround is Build for a site some of whose files could not be read:
// a reference to a leader id for which broken reports true (the id of a
// leader file with problems of its own) is left out without an error, so
// that one broken file does not turn every reference to it into another
// error. broken may be nil.
func BuildAround(items []Item, broken func(id string) bool) (*Model, error) {
	m, errs := assemble(items, nil, true, broken)
	if len(errs) == 0 {
		return m, nil
	}
	var l diag.List
	l.Cap = len(errs)
	for _, e := range errs {
		l.Add(e)
	}
	return m, l.Err()
}

// assemble builds a Model from items. With check set it reports reference and
// identity problems; Filter leaves check off, since references to leaders it
// removed are expected.
func assemble(items []Item, outside map[string]string, check bool, broken func(string) bool) (*Model, []error) {
	m := &Model{
		byPath:   make(map[string]Item, len(items)),
		byID:     make(map[string]*Leader),
		evidence: make(map[string]Evidence),
		outside:  outside,
	}
	m.items = make([]Item, 0, len(items))
	var errs []error
	fail := func(p Page, key, format string, args ...any) {
		if check {
			line, col := p.Position(key)
			errs = append(errs, diag.Errorf(p.File, line, col, format, args...))
		}
	}

	for _, it := range items {
		if it != nil {
			m.items = append(m.items, it)
		}
	}
	stablesort.Func(m.items, func(a, b Item) int {
		return cmp.Or(cmp.Compare(a.Base().Path, b.Base().Path), cmp.Compare(a.Base().File, b.Base().File))
	})

	for _, it := range m.items {
		p := it.Base()
		if first, dup := m.byPath[p.Path]; dup {
			fail(p, "", "content path %q is also the path of %s", p.Path, first.Base().File)
			continue
		}
		m.byPath[p.Path] = it
		switch x := it.(type) {
		case *Leader:
			if first, dup := m.byID[x.ID]; dup {
				fail(p, "id", "leader id %q is already used by %s", x.ID, first.File)
				continue
			}
			m.byID[x.ID] = x
			m.leaders = append(m.leaders, x)
		case *Session:
			m.sessions = append(m.sessions, x)
		case *Project:
			m.projects = append(m.projects, x)
		case *Exchange:
			m.exchanges = append(m.exchanges, x)
		case *Case:
			m.cases = append(m.cases, x)
		}
	}

	for _, it := range m.items {
		if m.byPath[it.Base().Path] != it {
			continue // a duplicate path, reported above
		}
		named := make(map[string]bool)
		for r := range itemRefs(it) {
			if _, ok := m.byID[r.id]; !ok {
				if broken == nil || !broken(r.id) {
					key := r.key()
					fail(it.Base(), key, "%s %q is not the id of any leader", key, r.id)
				}
				continue
			}
			if named[r.id] {
				continue
			}
			named[r.id] = true
			m.evidence[r.id] = m.evidence[r.id].with(it)
		}
	}
	for id, ev := range m.evidence {
		m.evidence[id] = ev.sorted()
	}

	slices.SortFunc(m.leaders, func(a, b *Leader) int { return cmp.Compare(a.ID, b.ID) })
	stablesort.Func(m.sessions, bySessionOrder)
	stablesort.Func(m.projects, byDateThenPath[*Project])
	stablesort.Func(m.exchanges, byDateThenPath[*Exchange])
	stablesort.Func(m.cases, byDateThenPath[*Case])
	m.dashboard = computeDashboard(m)
	return m, errs
}

// Filter returns a new Model holding only the items whose path keep accepts,
// with every reference, evidence list and dashboard figure recomputed from the
// kept items alone, so nothing left out shows through a computed fact. A
// reference to a leader left out resolves to a LeaderRef with a nil Leader
// and the pseudonym this model knows. Filter never reports problems.
//
// When keep accepts every item, the Model would equal m in every fact, and
// Filter returns m itself: a build for the whole team then holds one model,
// not two.
func (m *Model) Filter(keep func(path string) bool) *Model {
	var kept []Item
	for _, it := range m.items {
		if keep(it.Base().Path) {
			kept = append(kept, it)
		}
	}
	if len(kept) == len(m.items) {
		return m
	}
	outside := maps.Clone(m.outside)
	if outside == nil {
		outside = make(map[string]string)
	}
	for _, l := range m.leaders {
		if !keep(l.Path) {
			outside[l.ID] = l.Pseudonym
		}
	}
	nm, _ := assemble(kept, outside, false, nil)
	return nm
}

// Items returns every item, ordered by content path.
func (m *Model) Items() []Item { return slices.Clone(m.items) }

// ByPath returns the item decoded from a content path ("projects/elevator").
func (m *Model) ByPath(path string) (Item, bool) {
	it, ok := m.byPath[path]
	return it, ok
}

// Leader returns the leader with an id.
func (m *Model) Leader(id string) (*Leader, bool) {
	l, ok := m.byID[id]
	return l, ok
}

// Leaders returns the leaders ordered by id.
func (m *Model) Leaders() []*Leader { return slices.Clone(m.leaders) }

// Sessions returns the sessions ordered by stage, phase, weight (unweighted
// last), date (undated last), then path.
func (m *Model) Sessions() []*Session { return slices.Clone(m.sessions) }

// Projects returns the projects ordered by date (the period start where no
// date is written; undated last), then path.
func (m *Model) Projects() []*Project { return slices.Clone(m.projects) }

// Exchanges returns the exchanges ordered by date (undated last), then path.
func (m *Model) Exchanges() []*Exchange { return slices.Clone(m.exchanges) }

// Cases returns the cases ordered by date (undated last), then path.
func (m *Model) Cases() []*Case { return slices.Clone(m.cases) }

// LeaderRef resolves a leader id in this model.
func (m *Model) LeaderRef(id string) LeaderRef {
	if l, ok := m.byID[id]; ok {
		return LeaderRef{ID: id, Leader: l}
	}
	return LeaderRef{ID: id, Pseudonym: m.outside[id]}
}

// Refs returns the leaders an item names (a case's leader, a session's
// attendees, a project's or exchange's leaders), resolved in this model, in
// the order written.
func (m *Model) Refs(it Item) []LeaderRef {
	n := 0
	for range itemRefs(it) {
		n++
	}
	out := make([]LeaderRef, 0, n)
	for r := range itemRefs(it) {
		out = append(out, m.LeaderRef(r.id))
	}
	return out
}

// Evidence returns what the model holds about a leader's work: the pages that
// name the leader, each list ordered by date (undated last), then path.
func (m *Model) Evidence(id string) Evidence { return m.evidence[id].clone() }

// Dashboard returns the program-wide figures of the model.
func (m *Model) Dashboard() Dashboard { return m.dashboard.clone() }
