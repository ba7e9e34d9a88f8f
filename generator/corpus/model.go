package corpus

import (
	"slices"
	"strconv"
	"time"
)

// audience is who may see an item: public < funders < team.
type audience int

const (
	public audience = iota
	funders
	team
)

// String returns the content-model spelling of a.
func (a audience) String() string {
	switch a {
	case funders:
		return "funders"
	case team:
		return "team"
	default:
		return "public"
	}
}

// kind is the content type of a planned item.
type kind int

const (
	kindSection kind = iota
	kindLeader
	kindCase
	kindSession
	kindProject
	kindExchange
	kindPlain
)

// stageIDs returns the four stage ids in order.
func stageIDs() []string { return []string{"activate", "empower", "showcase", "transmit"} }

// stageLabel returns the Chinese label of a stage id.
func stageLabel(id string) string {
	switch id {
	case "activate":
		return "启能"
	case "empower":
		return "赋能"
	case "showcase":
		return "展能"
	case "transmit":
		return "传能"
	}
	return id
}

// day counts days from 2022-01-01, the first date a corpus uses.
type day int

// epoch is the first corpus date.
func epoch() time.Time { return time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC) }

// lastDay is 2026-10-31, the last corpus date.
func lastDay() day {
	return day(time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC).Sub(epoch()).Hours() / 24)
}

// time returns d as a UTC midnight.
func (d day) time() time.Time { return epoch().AddDate(0, 0, int(d)) }

// String formats d as YYYY-MM-DD.
func (d day) String() string { return d.time().Format("2006-01-02") }

// year returns d's year as text.
func (d day) year() string { return strconv.Itoa(d.time().Year()) }

// leader is a planned leader profile.
type leader struct {
	id, name, pseudonym, community, stage string
	joined, consentDate, withdrawn        day
	publish, hasWithdrawn, photo          bool
	scope                                 []string
	skills                                []string
	quoteMarker                           string // a team marker on a hidden quote, when planted
}

// inScope reports whether the leader's consent scope holds s.
func (l *leader) inScope(s string) bool { return slices.Contains(l.scope, s) }

// audience returns who may see the leader's profile.
func (l *leader) audience() audience {
	if !l.publish || l.hasWithdrawn {
		return team
	}
	return public
}

// shownName is the name a page visible to a may show for the leader.
func (l *leader) shownName(a audience) string {
	if a == team || l.inScope("name") {
		return l.name
	}
	return l.pseudonym
}

// item is one planned content file.
type item struct {
	kind      kind
	path      string // relative to content/, slash-separated
	title     string // the title written to the file (markers included)
	link      string // safe link text for pages allowed to link here
	aud       audience
	draft     bool
	date      day
	marker    string // set when the item must not reach public and markers are on
	yaml      bool
	stage     string
	phase     string
	seq       int
	leader    *leader
	section   string // sections: the section's folder ("" for the home page)
	community string // projects: the community the project serves
}

// marker is one planted marker and the lowest audience allowed to see it.
type marker struct {
	text string
	aud  audience
}
