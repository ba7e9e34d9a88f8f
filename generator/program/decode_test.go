package program

import (
	"slices"
	"testing"
)

func TestDecodeValidation(t *testing.T) {
	tests := []struct {
		name  string
		entry Entry
		want  []string // every problem, as printed, in order; nil means valid
	}{
		{
			name: "valid session with unknown keys",
			entry: page("content/curricula/intro.md", "curricula", table{
				"stage": "empower", "phase": "initial", "duration": "1h30m", "extra": "ignored",
				"activities": list(table{"name": "a", "minutes": int64(60)}, table{"name": "b", "minutes": int64(30)}),
			}, nil),
		},
		{
			name:  "stage not a stage id",
			entry: page("content/curricula/x.md", "curricula", table{"stage": "activat"}, map[string]int{"stage": 4}),
			want:  []string{`content/curricula/x.md:4:1: stage "activat" is not one of activate, empower, showcase, transmit`},
		},
		{
			name:  "stage of the wrong type",
			entry: page("content/curricula/x.md", "curricula", table{"stage": int64(2)}, map[string]int{"stage": 3}),
			want:  []string{`content/curricula/x.md:3:1: stage must be a string, not the number 2`},
		},
		{
			name:  "phase of another stage",
			entry: page("content/curricula/x.md", "curricula", table{"stage": "empower", "phase": "thematic"}, map[string]int{"phase": 5}),
			want:  []string{`content/curricula/x.md:5:1: phase "thematic" is not one of initial, intermediate, advanced for stage empower`},
		},
		{
			name:  "phase on a stage with steps",
			entry: page("content/curricula/x.md", "curricula", table{"stage": "activate", "phase": "initial"}, map[string]int{"phase": 5}),
			want:  []string{`content/curricula/x.md:5:1: phase "initial" does not fit stage activate, which has steps, not phases`},
		},
		{
			name:  "phase without a stage",
			entry: page("content/curricula/x.md", "curricula", table{"phase": "mobile"}, map[string]int{"phase": 2}),
			want:  []string{`content/curricula/x.md:2:1: phase "mobile" needs stage = "transmit"`},
		},
		{
			name:  "duration that does not parse",
			entry: page("content/curricula/x.md", "curricula", table{"duration": "ninety"}, map[string]int{"duration": 6}),
			want:  []string{`content/curricula/x.md:6:1: duration "ninety" is not a length like "90m", "1h30m" or "2h"`},
		},
		{
			name: "activities past the duration",
			entry: page("content/curricula/x.md", "curricula", table{
				"duration":   "90m",
				"activities": list(table{"minutes": int64(60)}, table{"minutes": int64(40)}),
			}, map[string]int{"activities": 8}),
			want: []string{`content/curricula/x.md:8:1: activities take 100 minutes, past the duration of 90 minutes`},
		},
		{
			name: "activity minutes of the wrong type",
			entry: page("content/curricula/x.md", "curricula", table{
				"activities": list(table{"minutes": int64(10)}, table{"minutes": "ten"}),
			}, map[string]int{"activities": 8, "activities[1].minutes": 12}),
			want: []string{`content/curricula/x.md:12:1: activities[1].minutes must be a whole number, not the string "ten"`},
		},
		{
			name: "position falls back to the enclosing key",
			entry: page("content/curricula/x.md", "curricula", table{
				"activities": list(table{"minutes": int64(10)}, table{"minutes": true}),
			}, map[string]int{"activities": 8, "activities[1]": 11}),
			want: []string{`content/curricula/x.md:11:1: activities[1].minutes must be a whole number, not true`},
		},
		{
			name: "attendee that is not a string",
			entry: page("content/curricula/x.md", "curricula", table{"attendees": list("a", int64(3))},
				map[string]int{"attendees[1]": 9}),
			want: []string{`content/curricula/x.md:9:1: attendees[1] must be a string, not the number 3`},
		},
		{
			name: "valid leader",
			entry: page("content/leaders/wang-fang/index.md", "leaders", table{
				"stage":        "showcase",
				"consent":      table{"publish": true, "date": day("2024-05-01"), "scope": list("name", "quotes")},
				"milestones":   list(table{"date": "2024-01-02", "stage": "activate", "note": "enrolled"}),
				"testimonials": list(table{"quote": "She listens.", "source": "a neighbour"}),
			}, nil),
		},
		{
			name:  "consent without a date",
			entry: page("content/leaders/a/index.md", "leaders", table{"consent": table{"publish": true}}, map[string]int{"consent": 7, "consent.publish": 8}),
			want:  []string{`content/leaders/a/index.md:8:1: consent.date is required when consent.publish = true`},
		},
		{
			name: "consent scope value not allowed",
			entry: page("content/leaders/a/index.md", "leaders", table{"consent": table{"scope": list("name", "address")}},
				map[string]int{"consent.scope[1]": 10}),
			want: []string{`content/leaders/a/index.md:10:1: consent.scope "address" is not one of portfolio, name, photo, quotes`},
		},
		{
			name: "consent withdrawn not a date",
			entry: page("content/leaders/a/index.md", "leaders", table{"consent": table{"withdrawn": "last week"}},
				map[string]int{"consent.withdrawn": 11}),
			want: []string{`content/leaders/a/index.md:11:1: consent.withdrawn "last week" is not a date; write YYYY-MM-DD`},
		},
		{
			name: "consent dates in every form the content model allows",
			entry: page("content/leaders/a/index.md", "leaders", table{"consent": table{"publish": true, "date": "2025-01-02 09:30", "withdrawn": " 2025-06-01T08:00:00+08:00 "}},
				map[string]int{"consent.date": 9, "consent.withdrawn": 11}),
		},
		{
			name: "milestone stage",
			entry: page("content/leaders/a/index.md", "leaders", table{"milestones": list(table{"stage": "showcasing"})},
				map[string]int{"milestones[0].stage": 14}),
			want: []string{`content/leaders/a/index.md:14:1: milestones[0].stage "showcasing" is not one of activate, empower, showcase, transmit`},
		},
		{
			name: "testimonial without a quote",
			entry: page("content/leaders/a/index.md", "leaders", table{"testimonials": list(table{"source": "x"})},
				map[string]int{"testimonials[0]": 15}),
			want: []string{`content/leaders/a/index.md:15:1: testimonials[0].quote is required`},
		},
		{
			name:  "leader id with a space",
			entry: page("content/leaders/a/index.md", "leaders", table{"id": "wang fang"}, map[string]int{"id": 2}),
			want:  []string{`content/leaders/a/index.md:2:1: id "wang fang" must not contain spaces or slashes`},
		},
		{
			name: "valid project",
			entry: page("content/projects/p.md", "projects", table{
				"status":  "funded",
				"funding": table{"scheme": "micro-venture", "requested": int64(1500), "awarded": 1500.0, "currency": "CNY"},
				"period":  table{"start": day("2024-03-01"), "end": day("2024-12-31")},
				"budget": list(
					table{"item": "tea", "quantity": int64(10), "unit_cost": 100.0, "total": int64(1000), "source": "requested"},
					table{"item": "room", "quantity": int64(1), "unit_cost": int64(500), "source": "requested"},
					table{"item": "chairs", "quantity": int64(20), "unit_cost": 12.5, "source": "in-kind"},
				),
				"outcomes": list(table{"indicator": "visits", "baseline": int64(0), "target": int64(10), "actual": 4.5}),
			}, nil),
		},
		{
			name: "project enums",
			entry: page("content/projects/p.md", "projects", table{
				"status":  "approved",
				"funding": table{"scheme": "lottery"},
				"budget":  list(table{"quantity": int64(1), "unit_cost": int64(1), "source": "gift"}),
			}, map[string]int{"status": 3, "funding.scheme": 6, "budget[0].source": 12}),
			want: []string{
				`content/projects/p.md:3:1: status "approved" is not one of drafting, submitted, funded, delivering, completed, declined`,
				`content/projects/p.md:6:1: funding.scheme "lottery" is not one of public-welfare-venture, micro-venture, other`,
				`content/projects/p.md:12:1: budget[0].source "gift" is not one of requested, self, in-kind, partner`,
			},
		},
		{
			name: "budget line total is not quantity times unit cost",
			entry: page("content/projects/p.md", "projects", table{
				"budget": list(
					table{"quantity": int64(2), "unit_cost": int64(50), "total": int64(100)},
					table{"quantity": 3.0, "unit_cost": 99.99, "total": 300.0},
				),
			}, map[string]int{"budget[1].total": 20}),
			want: []string{`content/projects/p.md:20:1: budget[1].total 300.00 is not quantity × unit_cost = 3 × 99.99 = 299.97`},
		},
		{
			name: "requested is not the sum of requested lines",
			entry: page("content/projects/p.md", "projects", table{
				"funding": table{"requested": int64(2000)},
				"budget": list(
					table{"quantity": int64(1), "unit_cost": int64(1200), "source": "requested"},
					table{"quantity": int64(1), "unit_cost": int64(800), "source": "self"},
				),
			}, map[string]int{"funding.requested": 7}),
			want: []string{`content/projects/p.md:7:1: funding.requested 2,000.00 does not equal 1,200.00, the sum of the budget lines with source "requested"`},
		},
		{
			name: "requested is not the sum of all lines when none names a source",
			entry: page("content/projects/p.md", "projects", table{
				"funding": table{"requested": int64(2000)},
				"budget": list(
					table{"quantity": int64(1), "unit_cost": int64(1200)},
					table{"quantity": int64(2), "unit_cost": int64(300)},
				),
			}, map[string]int{"funding.requested": 7}),
			want: []string{`content/projects/p.md:7:1: funding.requested 2,000.00 does not equal 1,800.00, the sum of the budget lines (no line names a source, so all lines count)`},
		},
		{
			name:  "requested without budget lines is not checked",
			entry: page("content/projects/p.md", "projects", table{"funding": table{"requested": int64(2000)}}, nil),
		},
		{
			name: "period end before start",
			entry: page("content/projects/p.md", "projects", table{
				"period": table{"start": "2024-06-01", "end": day("2024-05-31")},
			}, map[string]int{"period": 9, "period.end": 11}),
			want: []string{`content/projects/p.md:11:1: period.end 2024-05-31 is before period.start 2024-06-01`},
		},
		{
			name: "numbers of the wrong type or sign",
			entry: page("content/projects/p.md", "projects", table{
				"beneficiaries": "many",
				"funding":       table{"awarded": "1000", "matched": int64(-5), "requested": 10.125},
				"budget":        list(table{"quantity": int64(-1), "unit_cost": int64(5)}),
				"outcomes":      list(table{"target": "ten"}),
			}, map[string]int{"beneficiaries": 2, "funding.awarded": 4, "funding.matched": 5, "funding.requested": 6, "budget[0].quantity": 8, "outcomes[0].target": 9}),
			want: []string{
				`content/projects/p.md:2:1: beneficiaries must be a whole number, not the string "many"`,
				`content/projects/p.md:4:1: funding.awarded must be an amount (a number), not the string "1000"`,
				`content/projects/p.md:5:1: funding.matched must not be negative, not -5.00`,
				`content/projects/p.md:6:1: funding.requested 10.125 has more than two decimals`,
				`content/projects/p.md:8:1: budget[0].quantity must not be negative, not -1`,
				`content/projects/p.md:9:1: outcomes[0].target must be a number, not the string "ten"`,
			},
		},
		{
			name:  "funding not a table",
			entry: page("content/projects/p.md", "projects", table{"funding": "lots"}, map[string]int{"funding": 3}),
			want:  []string{`content/projects/p.md:3:1: funding must be a table, not the string "lots"`},
		},
		{
			name:  "exchange enums",
			entry: page("content/exchange/e.md", "exchange", table{"kind": "party", "topic": "fun"}, map[string]int{"kind": 2, "topic": 3}),
			want: []string{
				`content/exchange/e.md:2:1: kind "party" is not one of thematic, mobile, study-visit, sharing`,
				`content/exchange/e.md:3:1: topic "fun" is not one of project-design, project-application, communication, team-leadership, bottleneck`,
			},
		},
		{
			name: "valid case",
			entry: page("content/cases/c.md", "cases", table{
				"leader": "wang-fang", "stage": "showcase", "step": int64(4), "date": "2024-02-03",
				"consent": table{"publish": true}, "disguise": table{"reviewed_by": "Li"},
			}, nil),
		},
		{
			name:  "case step past the stage's steps",
			entry: page("content/cases/c.md", "cases", table{"stage": "activate", "step": int64(4)}, map[string]int{"step": 4}),
			want:  []string{`content/cases/c.md:4:1: step 4 is not a step of stage activate (1 to 3)`},
		},
		{
			name:  "case step on a stage with phases",
			entry: page("content/cases/c.md", "cases", table{"stage": "empower", "step": int64(1)}, map[string]int{"step": 4}),
			want:  []string{`content/cases/c.md:4:1: step 1 does not fit stage empower, which has phases, not steps`},
		},
		{
			name:  "case date",
			entry: page("content/cases/c.md", "case", table{"date": int64(2024)}, map[string]int{"date": 5}),
			want:  []string{`content/cases/c.md:5:1: date must be a date (YYYY-MM-DD), not the number 2024`},
		},
		{
			name: "no positions known",
			entry: Entry{File: "content/cases/c.md", Path: "cases/c", Type: "cases",
				Data: table{"worker": list("a")}},
			want: []string{`content/cases/c.md: worker must be a string, not a list`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it, err := Decode(tt.entry)
			if it == nil {
				t.Fatalf("Decode returned no item")
			}
			got := messages(t, err)
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestDecodeNotAProgramPage(t *testing.T) {
	it, err := Decode(page("content/about.md", "about", table{"stage": "nonsense"}, nil))
	if it != nil || err != nil {
		t.Fatalf("Decode(about) = %v, %v; want nil, nil", it, err)
	}
}

func TestKindOf(t *testing.T) {
	tests := map[string]Kind{
		"leaders": KindLeader, "leader": KindLeader, "cases": KindCase, "case": KindCase,
		"curricula": KindSession, "session": KindSession, "projects": KindProject,
		"project": KindProject, "exchange": KindExchange, "handbook": "", "": "",
	}
	for typ, want := range tests {
		got, ok := KindOf(typ)
		if got != want || ok != (want != "") {
			t.Errorf("KindOf(%q) = %q, %v; want %q", typ, got, ok, want)
		}
	}
}

func TestDecodeLeaderFields(t *testing.T) {
	it := mustDecode(t, page("content/leaders/wang-fang/index.md", "leader", table{
		"community": "Jinshan", "stage": "empower", "joined": "2023-09-01",
		"skills": list("mediation"), "photo": "me.jpg", "pseudonym": "Aunt W",
		"consent": table{"publish": true, "date": day("2024-01-01"), "scope": list("name", "portfolio"),
			"withdrawn": ""},
		"milestones": list(
			table{"date": "2024-06-01", "stage": "empower", "note": "group"},
			table{"stage": "transmit", "note": "planned"},
			table{"date": "2023-09-01", "stage": "activate", "note": "enrolled"},
		),
		"testimonials": list(table{"quote": "q", "source": "s"}),
	}, nil))
	l, ok := it.(*Leader)
	if !ok {
		t.Fatalf("item is %T, want *Leader", it)
	}
	if l.ID != "wang-fang" || l.Stage != Empower || l.Community != "Jinshan" || !l.Joined.Equal(day("2023-09-01")) {
		t.Errorf("leader = %+v", l)
	}
	if l.Consent.Withdrawn != nil || !l.Consent.Active() {
		t.Errorf("an empty withdrawn date must count as not given: %+v", l.Consent)
	}
	var notes []string
	for _, m := range l.Milestones {
		notes = append(notes, m.Note)
	}
	if want := []string{"enrolled", "group", "planned"}; !slices.Equal(notes, want) {
		t.Errorf("milestones in order %q, want %q (by date, undated last)", notes, want)
	}
	if !l.HasScope(ScopeName) || l.HasScope(ScopePhoto) {
		t.Errorf("HasScope: name %v photo %v", l.HasScope(ScopeName), l.HasScope(ScopePhoto))
	}

	named := mustDecode(t, page("content/leaders/x/index.md", "leaders", table{"id": "li-lei"}, nil)).(*Leader)
	if named.ID != "li-lei" {
		t.Errorf("id field: got %q", named.ID)
	}
	flat := mustDecode(t, page("content/leaders/zhao.md", "leaders", table{}, nil)).(*Leader)
	if flat.ID != "zhao" {
		t.Errorf("id of a non-bundle leader: got %q", flat.ID)
	}
}

func TestDisplayName(t *testing.T) {
	withdrawn := day("2024-06-01")
	tests := []struct {
		name        string
		leader      Leader
		nameAllowed bool
		want        string
	}{
		{"name in scope", Leader{Page: Page{Title: "Wang Fang"}, Pseudonym: "W", Consent: Consent{Publish: true, Scope: []Scope{ScopeName}}}, true, "Wang Fang"},
		{"caller allows no names", Leader{Page: Page{Title: "Wang Fang"}, Pseudonym: "W", Consent: Consent{Publish: true, Scope: []Scope{ScopeName}}}, false, "W"},
		{"name not in scope", Leader{Page: Page{Title: "Wang Fang"}, Pseudonym: "W", Consent: Consent{Publish: true, Scope: []Scope{ScopePhoto}}}, true, "W"},
		{"consent withdrawn", Leader{Page: Page{Title: "Wang Fang"}, Consent: Consent{Publish: true, Scope: []Scope{ScopeName}, Withdrawn: &withdrawn}}, true, AnonymousName},
		{"no consent, no pseudonym", Leader{Page: Page{Title: "Wang Fang"}}, true, AnonymousName},
	}
	for _, tt := range tests {
		if got := tt.leader.DisplayName(tt.nameAllowed); got != tt.want {
			t.Errorf("%s: DisplayName(%v) = %q, want %q", tt.name, tt.nameAllowed, got, tt.want)
		}
	}
}

func TestDecodeSessionFields(t *testing.T) {
	s := mustDecode(t, page("content/curricula/s.md", "session", table{
		"stage": "transmit", "phase": "study-visit", "duration": int64(120), "weight": int64(3),
		"objectives": list("o"), "materials": list("m"), "facilitators": list("f"),
		"attendees":  list("a", "b"),
		"activities": list(table{"name": "x", "minutes": int64(50), "method": "walk"}, table{"name": "y", "minutes": 20.0}),
	}, nil)).(*Session)
	if s.DurationMinutes != 120 || s.ActivityMinutes() != 70 || s.Weight != 3 || s.Phase != StudyVisit {
		t.Errorf("session = %+v, activity minutes %d", s, s.ActivityMinutes())
	}
	if !slices.Equal(s.Attendees, []string{"a", "b"}) || s.Activities[0].Method != "walk" {
		t.Errorf("session lists = %+v", s)
	}
}
