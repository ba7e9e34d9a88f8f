package program

import "slices"

// Evidence is every page that names one leader, by kind. Team-only pages are
// listed too: the audience filter (Model.Filter) decides what a build shows.
type Evidence struct {
	Sessions  []*Session  // sessions the leader attended
	Projects  []*Project  // projects the leader leads or led, with their status, funding and outcomes
	Exchanges []*Exchange // peer-learning the leader contributed to
	Cases     []*Case     // case notes about the leader
}

// Len returns how many pages the evidence lists.
func (e Evidence) Len() int {
	return len(e.Sessions) + len(e.Projects) + len(e.Exchanges) + len(e.Cases)
}

func (e Evidence) with(it Item) Evidence {
	switch x := it.(type) {
	case *Session:
		e.Sessions = append(e.Sessions, x)
	case *Project:
		e.Projects = append(e.Projects, x)
	case *Exchange:
		e.Exchanges = append(e.Exchanges, x)
	case *Case:
		e.Cases = append(e.Cases, x)
	}
	return e
}

func (e Evidence) sorted() Evidence {
	slices.SortStableFunc(e.Sessions, byDateThenPath[*Session])
	slices.SortStableFunc(e.Projects, byDateThenPath[*Project])
	slices.SortStableFunc(e.Exchanges, byDateThenPath[*Exchange])
	slices.SortStableFunc(e.Cases, byDateThenPath[*Case])
	return e
}

func (e Evidence) clone() Evidence {
	return Evidence{
		Sessions:  slices.Clone(e.Sessions),
		Projects:  slices.Clone(e.Projects),
		Exchanges: slices.Clone(e.Exchanges),
		Cases:     slices.Clone(e.Cases),
	}
}
