package program

import (
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
)

// AnonymousName is what DisplayName returns for a leader who may not be named
// and has no pseudonym. Themes translate it.
const AnonymousName = "a community leader"

// Leader is a community leader's profile (content/leaders/<id>/index.md).
type Leader struct {
	Page

	// ID is how other pages refer to the leader: the `id` field, else the
	// bundle folder name ("leaders/wang-fang/index" → "wang-fang").
	ID           string
	Community    string // district or community level only
	Stage        Stage  // current stage; "" when not given
	Joined       time.Time
	Skills       []string
	Photo        string // a file in the bundle
	Consent      Consent
	Pseudonym    string        // shown instead of the name when name is not in scope
	Milestones   []Milestone   // sorted by date, undated last, else as written
	Testimonials []Testimonial // shown only with quotes in scope
}

// Consent is what a leader agreed may be shown beyond the team.
type Consent struct {
	Publish   bool       // false: the leader exists only in the team build
	Date      time.Time  // when consent was given; required when Publish is true
	Scope     []Scope    // what may be shown beyond the team
	Withdrawn *time.Time // set: consent was withdrawn and the leader is unpublished
}

// Active reports whether the consent is in force: given and not withdrawn.
func (c Consent) Active() bool { return c.Publish && c.Withdrawn == nil }

// Milestone is one step of a leader's path through the stages.
type Milestone struct {
	Date  time.Time
	Stage Stage
	Note  string
}

// Testimonial is a quote from or about the leader.
type Testimonial struct {
	Quote  string
	Source string
}

// Base returns the page the leader was decoded from.
func (l *Leader) Base() Page { return l.Page }

// ItemKind returns KindLeader.
func (l *Leader) ItemKind() Kind { return KindLeader }

func (l *Leader) sealed() {}

// HasScope reports whether the leader's consent lets s be shown beyond the
// team now: consent is given, not withdrawn, and s is in its scope.
func (l *Leader) HasScope(s Scope) bool {
	return l.Consent.Active() && slices.Contains(l.Consent.Scope, s)
}

// DisplayName returns the name to print for the leader: the real name (the
// title) when nameAllowed is true and the consent scope has name, else the
// pseudonym, else AnonymousName. nameAllowed is the caller's own limit (false
// where no real name may appear at all); it never widens the consent.
func (l *Leader) DisplayName(nameAllowed bool) string {
	if nameAllowed && l.Title != "" && l.HasScope(ScopeName) {
		return l.Title
	}
	if l.Pseudonym != "" {
		return l.Pseudonym
	}
	return AnonymousName
}

// bundleID returns the leader id a content path implies: the bundle folder of
// an index page, else the file name.
func bundleID(p string) string {
	base := path.Base(p)
	if base == "index" || strings.HasPrefix(base, "index.") {
		return path.Base(path.Dir(p))
	}
	return base
}

func decodeLeader(page Page, f fields) *Leader {
	l := &Leader{
		Page:      page,
		ID:        f.str("id"),
		Community: f.str("community"),
		Stage:     f.stage("stage"),
		Skills:    f.strs("skills"),
		Photo:     f.str("photo"),
		Pseudonym: f.str("pseudonym"),
	}
	if l.ID == "" {
		l.ID = bundleID(page.Path)
	} else if strings.IndexFunc(l.ID, func(r rune) bool { return unicode.IsSpace(r) || r == '/' }) >= 0 {
		f.r.failf("id", "id %q must not contain spaces or slashes", l.ID)
	}
	l.Joined, _ = f.date("joined")

	c := f.table("consent")
	l.Consent.Publish = c.flag("publish")
	l.Consent.Date, _ = c.date("date")
	if l.Consent.Publish && l.Consent.Date.IsZero() {
		f.r.failf("consent.publish", "consent.date is required when consent.publish = true")
	}
	if w, ok := c.date("withdrawn"); ok {
		l.Consent.Withdrawn = &w
	}
	l.Consent.Scope = enums(c, "scope", Scopes())

	milestones := f.tables("milestones")
	if len(milestones) > 0 {
		l.Milestones = make([]Milestone, 0, len(milestones)) // kept to the end of a build: no spare room
	}
	for _, m := range milestones {
		ms := Milestone{Stage: m.stage("stage"), Note: m.str("note")}
		ms.Date, _ = m.date("date")
		l.Milestones = append(l.Milestones, ms)
	}
	slices.SortStableFunc(l.Milestones, func(a, b Milestone) int { return compareDates(a.Date, b.Date) })

	testimonials := f.tables("testimonials")
	if len(testimonials) > 0 {
		l.Testimonials = make([]Testimonial, 0, len(testimonials))
	}
	for _, t := range testimonials {
		q := Testimonial{Quote: t.str("quote"), Source: t.str("source")}
		if strings.TrimSpace(q.Quote) == "" {
			f.r.failf(t.prefix, "%s.quote is required", t.prefix)
		}
		l.Testimonials = append(l.Testimonials, q)
	}
	return l
}
