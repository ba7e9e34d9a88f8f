package program

import "fmt"

// Skeleton returns the TOML front matter, between +++ lines, of a new page of
// a kind ("leader", "case", "session", "project", "exchange", or a page type
// KindOf accepts) for `sineng new`. Every field of the kind is there with a
// comment saying what it holds. Fields with a neutral value are set; dates,
// amounts whose presence changes a check, and list-of-table examples are
// commented out, ready to fill in. The title is empty for the caller to set.
// The skeleton decodes without problems.
func Skeleton(kind string) (string, error) {
	k, ok := KindOf(kind)
	if !ok {
		return "", fmt.Errorf("no skeleton for %q: want one of %s", kind, join(Kinds()))
	}
	switch k {
	case KindLeader:
		return leaderSkeleton, nil
	case KindCase:
		return caseSkeleton, nil
	case KindSession:
		return sessionSkeleton, nil
	case KindProject:
		return projectSkeleton, nil
	default:
		return exchangeSkeleton, nil
	}
}

const leaderSkeleton = `+++
title = ""              # the leader's real name; shown only where consent.scope has "name"
# id = "wang-fang"      # how other pages refer to the leader; defaults to this folder's name
community = ""          # district or community, never a street address
stage = "activate"      # current stage: activate, empower, showcase, transmit
# joined = 2025-01-31   # when the leader joined the program
skills = []             # skills, listed as a taxonomy, e.g. ["elder care", "mediation"]
photo = ""              # an image file in this folder, shown only with "photo" in consent.scope
pseudonym = ""          # shown instead of the name when "name" is not in consent.scope

[consent]
publish = false         # false: the leader appears only in the team build
# date = 2025-01-31     # when consent was given; required when publish = true
scope = []              # what may be shown beyond the team: portfolio, name, photo, quotes
# withdrawn = 2025-06-30  # set when consent is withdrawn: unpublished from the next build on

# The leader's path through the stages: one block per milestone.
# [[milestones]]
# date = 2025-01-31     # when it happened
# stage = "activate"    # activate, empower, showcase, transmit
# note = ""             # what happened

# Quotes, shown only with "quotes" in consent.scope: one block per quote.
# [[testimonials]]
# quote = ""            # the words, required
# source = ""           # who said it
+++
`

const caseSkeleton = `+++
title = ""              # a title that names no one
leader = ""             # the id of the leader the case is about (their folder under content/leaders)
stage = "activate"      # activate, empower, showcase, transmit
step = 1                # activate: 1 find & enrol, 2 assess strengths, 3 stimulate potential; showcase: 1 to 4
# date = 2025-01-31     # when the case work happened
worker = ""             # the social worker who wrote the note
# audience = "public"   # cases are team-only unless consent.publish and disguise.reviewed_by are set, and then at most funders unless this says public

[consent]
publish = false         # true: the leader agreed that a de-identified story may be shown
# withdrawn = 2025-06-30  # set when the leader takes the agreement back: unpublished from the next build on

[disguise]
reviewed_by = ""        # who checked that the story identifies no one
+++
`

const sessionSkeleton = `+++
title = ""              # the session's name
stage = "empower"       # activate, empower, showcase, transmit
phase = "initial"       # empower: initial, intermediate, advanced; transmit: thematic, mobile, study-visit
duration = "90m"        # the length, e.g. "90m", "1h30m", "2h"
# date = 2025-01-31     # when it was held, if it was
# weight = 1            # order among the sessions of the same phase
objectives = []         # what participants will be able to do
materials = []          # what to prepare
attendees = []          # leader ids; the session becomes evidence on their portfolios
facilitators = []       # who runs it

# The plan: one block per activity; minutes must not add up past the duration.
# [[activities]]
# name = ""             # what happens
# minutes = 15          # how long
# method = ""           # e.g. "role play", "brainstorming"
+++
`

const projectSkeleton = `+++
title = ""              # the project's name
leaders = []            # leader ids of the team
community = ""          # where it serves
stage = "showcase"      # activate, empower, showcase, transmit
status = "drafting"     # drafting, submitted, funded, delivering, completed, declined
beneficiaries = 0       # how many people it serves

[funding]
scheme = "micro-venture"  # public-welfare-venture, micro-venture, other
funder = ""             # who is asked for the money
currency = "CNY"        # the currency of every amount
# requested = 0         # the sum of the budget lines with source "requested" (of all lines where none names a source)
# awarded = 0           # what the funder granted
# matched = 0           # funds the team raised itself

[period]
# start = 2025-03-01    # first day
# end = 2025-12-31      # last day, not before start

# The budget: one block per line.
# [[budget]]
# item = ""             # what is bought or paid
# category = ""         # e.g. "materials", "venue"
# quantity = 1          # how many
# unit_cost = 0         # the price of one
# total = 0             # optional; must equal quantity × unit_cost
# source = "requested"  # requested, self, in-kind, partner

# What the project will change: one block per indicator.
# [[outcomes]]
# indicator = ""        # what is measured
# baseline = 0          # the value before
# target = 0            # the value promised
# actual = 0            # the value reached; leave out until measured
+++
`

const exchangeSkeleton = `+++
title = ""              # the material's name
kind = "thematic"       # thematic, mobile, study-visit, sharing
topic = "project-design"  # project-design, project-application, communication, team-leadership, bottleneck
stage = "transmit"      # activate, empower, showcase, transmit
leaders = []            # ids of the leaders who contributed
# date = 2025-01-31     # when it took place
+++
`
