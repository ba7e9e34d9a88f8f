package program

import "time"

// Case is a social worker's case note (content/cases/...). Its audience is
// team whatever the file says, unless Consent.Publish is true, consent is
// not withdrawn and Disguise.ReviewedBy is set; the audience package
// applies that rule.
type Case struct {
	Page

	Leader   string // id of the leader the case is about; "" when not given
	Stage    Stage
	Step     int // the step within Stage, from 1; 0 when not given
	Worker   string
	Consent  CaseConsent
	Disguise Disguise
}

// CaseConsent is the consent recorded on a case note.
type CaseConsent struct {
	Publish   bool       // the leader agreed that a de-identified story may be shown
	Withdrawn *time.Time // set: the agreement was withdrawn and the story is unpublished
}

// Disguise records the de-identification review of a case story.
type Disguise struct {
	ReviewedBy string // who checked that the story identifies no one; "" when not reviewed
}

// Base returns the page the case was decoded from.
func (c *Case) Base() Page { return c.Page }

// ItemKind returns KindCase.
func (c *Case) ItemKind() Kind { return KindCase }

func (c *Case) sealed() {}

func decodeCase(page Page, f fields) *Case {
	c := &Case{
		Page:   page,
		Leader: f.str("leader"),
		Stage:  f.stage("stage"),
		Worker: f.str("worker"),
	}
	if n, ok := f.integer("step"); ok {
		c.Step = checkStep(f, c.Stage, n)
	}
	consent := f.table("consent")
	c.Consent.Publish = consent.flag("publish")
	if w, ok := consent.date("withdrawn"); ok {
		c.Consent.Withdrawn = &w
	}
	c.Disguise.ReviewedBy = f.table("disguise").str("reviewed_by")
	return c
}

// checkStep validates a step number against the stage's steps.
func checkStep(f fields, s Stage, n int64) int {
	last := int64(s.Steps())
	switch {
	case s != "" && last == 0:
		f.r.failf(f.key("step"), "step %d does not fit stage %s, which has phases, not steps", n, s)
	case n < 1 || (last > 0 && n > last):
		if last > 0 {
			f.r.failf(f.key("step"), "step %d is not a step of stage %s (1 to %d)", n, s, last)
		} else {
			f.r.failf(f.key("step"), "step %d must be 1 or more", n)
		}
	default:
		return int(n)
	}
	return 0
}
