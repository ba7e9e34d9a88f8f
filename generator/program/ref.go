package program

// ref is one reference from an item to a leader id, with the key path it was
// written at ("leader", "attendees[2]").
type ref struct {
	key string
	id  string
}

// refsOf returns the leader references in the list of ids at k.
func refsOf(f fields, k string, elems []element) []ref {
	out := make([]ref, 0, len(elems))
	for _, e := range elems {
		out = append(out, ref{key: f.index(k, e.Index), id: e.Value})
	}
	return out
}

// itemRefs returns the leader references an item makes, in written order.
func itemRefs(it Item) []ref {
	switch x := it.(type) {
	case *Case:
		return x.refs
	case *Session:
		return x.refs
	case *Project:
		return x.refs
	case *Exchange:
		return x.refs
	}
	return nil
}

// LeaderRef is a reference to a leader as a Model resolves it. Leader is nil
// when the id names no leader in the model: one filtered out of it (then
// Pseudonym holds the pseudonym the full model knew, if any) or one that does
// not exist. Never print the ID of an unresolved reference: it may be the
// person's name.
type LeaderRef struct {
	ID        string
	Leader    *Leader // nil when the leader is not in this model
	Pseudonym string  // for an unresolved reference: the pseudonym known for the id, if any
}

// DisplayName returns the name to print for the reference: the leader's
// DisplayName when the leader is in the model, else the pseudonym, else
// AnonymousName.
func (r LeaderRef) DisplayName(nameAllowed bool) string {
	if r.Leader != nil {
		return r.Leader.DisplayName(nameAllowed)
	}
	if r.Pseudonym != "" {
		return r.Pseudonym
	}
	return AnonymousName
}
