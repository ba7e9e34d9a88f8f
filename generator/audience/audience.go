// Package audience makes the one visibility decision for every page.
//
// Audiences are ordered: public < funders < team. A build for audience A
// publishes exactly the pages whose level is at most A. Decide is called once
// per page, before anything renders, and fails closed: leaders and cases
// follow the consent rules of the content model whatever their `audience`
// field says, and an unknown audience value is an error.
//
// The package holds no state; its functions are safe for concurrent use.
package audience

import (
	"fmt"
	"slices"
	"time"
)

// Level is an audience, ordered from the widest to the narrowest.
type Level int

// The audiences, in order. A page of Level L is in every build for an
// audience ≥ L.
const (
	Public Level = iota
	Funders
	Team
)

// String returns the audience's name as written in files.
func (l Level) String() string {
	switch l {
	case Public:
		return "public"
	case Funders:
		return "funders"
	case Team:
		return "team"
	}
	return fmt.Sprintf("audience(%d)", int(l))
}

// Parse reads an audience name.
func Parse(s string) (Level, error) {
	switch s {
	case "public":
		return Public, nil
	case "funders":
		return Funders, nil
	case "team":
		return Team, nil
	}
	return Team, fmt.Errorf("audience %q is not one of public, funders, team", s)
}

// Consent is what a leader or case file says about publishing.
type Consent struct {
	Publish    bool
	Date       time.Time
	Scope      []string
	Withdrawn  time.Time // zero when not withdrawn
	ReviewedBy string    // cases: disguise.reviewed_by
}

// HasScope reports whether s is in the consent scope.
func (c Consent) HasScope(s string) bool { return slices.Contains(c.Scope, s) }

// Input is what Decide needs to know of one page.
type Input struct {
	Kind     string // program kind: "leader", "case", or "" for any other page
	Field    string // the page's `audience` field, "" when absent
	Default  Level  // the site's default for the page's type
	Consent  Consent
	Inherits Level // the narrowest audience of the sections above the page
}

// Decision is the outcome for one page.
type Decision struct {
	Level  Level
	Reason string // why, for the publication log: "consent withdrawn", "field", …
}

// Decide returns the page's audience. The error reports an unknown
// audience value; the decision is then Team, so a mistake never widens.
func Decide(in Input) (Decision, error) {
	var field Level
	hasField := in.Field != ""
	if hasField {
		l, err := Parse(in.Field)
		if err != nil {
			return Decision{Level: Team, Reason: "unknown audience"}, err
		}
		field = l
	}
	d := Decision{Level: in.Default, Reason: "site default"}
	if hasField {
		d = Decision{Level: field, Reason: "audience field"}
	}
	switch in.Kind {
	case "leader":
		c := in.Consent
		switch {
		case !c.Withdrawn.IsZero():
			return Decision{Team, "consent withdrawn"}, nil
		case !c.Publish:
			return Decision{Team, "no consent to publish"}, nil
		case c.Date.IsZero():
			return Decision{Team, "consent has no date"}, nil
		case !c.HasScope("portfolio"):
			return Decision{Team, "portfolio not in consent scope"}, nil
		}
		// Consent lets the leader's page out of the team build; how far
		// is the page's field, else the site's default for leaders, as
		// for any page.
		if !hasField {
			d = Decision{in.Default, "consent; site default"}
		}
	case "case":
		c := in.Consent
		switch {
		case !c.Withdrawn.IsZero():
			return Decision{Team, "consent withdrawn"}, nil
		case !c.Publish:
			return Decision{Team, "case notes are confidential"}, nil
		case c.ReviewedBy == "":
			return Decision{Team, "case story not reviewed for disguise"}, nil
		}
		switch {
		case hasField && field == Public:
			d = Decision{Public, "de-identified, audience public"}
		case hasField && field == Team:
			d = Decision{Team, "audience field"}
		case !hasField && in.Default == Team:
			d = Decision{Team, "site default"}
		default:
			d = Decision{Funders, "de-identified case story"}
		}
	}
	if in.Inherits > d.Level {
		d = Decision{in.Inherits, "section audience"}
	}
	return d, nil
}
