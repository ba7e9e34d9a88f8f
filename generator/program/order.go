package program

import (
	"cmp"
	"time"
)

// compareDates orders dates ascending with zero (undated) last.
func compareDates(a, b time.Time) int {
	switch az, bz := a.IsZero(), b.IsZero(); {
	case az && bz:
		return 0
	case az:
		return 1
	case bz:
		return -1
	}
	return a.Compare(b)
}

// compareWeights orders weights ascending with 0 (unweighted) last, as users
// of other generators expect.
func compareWeights(a, b int) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	}
	return cmp.Compare(a, b)
}

// compareRanks orders 1-based ranks ascending with 0 (none) last.
func compareRanks(a, b int) int { return compareWeights(a, b) }

// sortDate is the date an item is listed by: its `date`, and for a project
// without one the start of its period.
func sortDate(it Item) time.Time {
	if p, ok := it.(*Project); ok && p.Date.IsZero() {
		return p.Period.Start
	}
	return it.Base().Date
}

// byDateThenPath orders items by sortDate (undated last), then path.
func byDateThenPath[T Item](a, b T) int {
	if c := compareDates(sortDate(a), sortDate(b)); c != 0 {
		return c
	}
	return cmp.Compare(a.Base().Path, b.Base().Path)
}

// bySessionOrder orders sessions by stage, phase, weight, date, then path;
// a missing stage or phase sorts after the present ones.
func bySessionOrder(a, b *Session) int {
	if c := compareRanks(a.Stage.Order(), b.Stage.Order()); c != 0 {
		return c
	}
	if c := compareRanks(a.Phase.Order(), b.Phase.Order()); c != 0 {
		return c
	}
	if c := compareWeights(a.Weight, b.Weight); c != 0 {
		return c
	}
	if c := compareDates(a.Date, b.Date); c != 0 {
		return c
	}
	return cmp.Compare(a.Path, b.Path)
}
