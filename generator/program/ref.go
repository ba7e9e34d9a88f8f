package program

import "iter"

// ref is one reference from an item to a leader id and where it is written:
// element index of the list named list ("attendees[2]"), or the key list
// itself when index is -1 ("leader").
type ref struct {
	list  string
	index int
	id    string
}

// key returns the key path the reference is written at.
func (r ref) key() string {
	if r.index < 0 {
		return r.list
	}
	return indexPath(r.list, r.index)
}

// writtenAt returns the index each element of a list was written at, or nil
// when element i was written at i: only a list with an element left out
// (not a string) needs them.
func writtenAt(elems []element) []int {
	for i, e := range elems {
		if e.Index != i {
			at := make([]int, len(elems))
			for j, e := range elems {
				at[j] = e.Index
			}
			return at
		}
	}
	return nil
}

// itemRefs returns the leader references an item makes, in written order.
// They are made from the item's own fields each time, so an item keeps its
// leader ids once.
func itemRefs(it Item) iter.Seq[ref] {
	return func(yield func(ref) bool) {
		switch x := it.(type) {
		case *Case:
			if x.Leader != "" {
				yield(ref{list: "leader", index: -1, id: x.Leader})
			}
		case *Session:
			listRefs("attendees", x.Attendees, x.attendeesAt, yield)
		case *Project:
			listRefs("leaders", x.Leaders, x.leadersAt, yield)
		case *Exchange:
			listRefs("leaders", x.Leaders, x.leadersAt, yield)
		}
	}
}

// listRefs yields the references of the ids of the list named list; at is
// as writtenAt returns it.
func listRefs(list string, ids []string, at []int, yield func(ref) bool) {
	for i, id := range ids {
		index := i
		if at != nil {
			index = at[i]
		}
		if !yield(ref{list: list, index: index, id: id}) {
			return
		}
	}
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
