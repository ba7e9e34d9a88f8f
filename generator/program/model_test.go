package program

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// programEntries is a small program: three leaders, sessions, projects, an
// exchange and cases naming them.
func programEntries() []Entry {
	consent := table{"publish": true, "date": "2024-01-01", "scope": list("name", "portfolio")}
	return []Entry{
		page("content/leaders/wang-fang/index.md", "leaders", table{"stage": "empower", "pseudonym": "Aunt W", "consent": consent}, nil),
		page("content/leaders/li-lei/index.md", "leaders", table{"stage": "showcase", "pseudonym": "Mr L"}, nil),
		page("content/leaders/zhao/index.md", "leaders", table{"stage": "activate"}, nil),
		page("content/leaders/new/index.md", "leaders", table{}, nil),

		page("content/curricula/empower/conflict.md", "curricula", table{"stage": "empower", "phase": "intermediate", "duration": "2h", "date": "2024-04-01", "attendees": list("wang-fang", "li-lei")}, nil),
		page("content/curricula/empower/volunteer.md", "curricula", table{"stage": "empower", "phase": "initial", "duration": "90m", "date": "2024-03-01", "attendees": list("wang-fang", "wang-fang")}, nil),
		page("content/curricula/transmit/design.md", "curricula", table{"stage": "transmit", "phase": "thematic", "duration": "60m", "date": "2024-02-01", "attendees": list("li-lei")}, nil),
		page("content/curricula/intro.md", "curricula", table{"duration": "30m"}, nil),

		page("content/projects/elevator.md", "projects", table{
			"leaders": list("li-lei", "wang-fang"), "status": "funded", "beneficiaries": int64(120),
			"funding": table{"currency": "CNY", "requested": int64(8000), "awarded": int64(6000)},
			"period":  table{"start": "2024-05-01"},
			"budget":  list(table{"quantity": int64(1), "unit_cost": int64(8000), "source": "requested"}),
		}, nil),
		page("content/projects/garden.md", "projects", table{
			"leaders": list("li-lei"), "status": "drafting", "beneficiaries": int64(30), "date": "2024-01-15",
			"funding": table{"currency": "CNY", "requested": int64(2000)},
		}, nil),
		page("content/projects/library.md", "projects", table{
			"leaders": list("zhao"), "status": "submitted", "beneficiaries": int64(5),
			"funding": table{"currency": "HKD", "requested": int64(100)},
		}, nil),

		page("content/exchange/visit.md", "exchange", table{"kind": "study-visit", "leaders": list("wang-fang"), "date": "2024-07-01"}, nil),

		page("content/cases/first-visit.md", "cases", table{"leader": "zhao", "stage": "activate", "step": int64(1), "date": "2023-12-01"}, nil),
		page("content/cases/followup.md", "cases", table{"leader": "wang-fang", "date": "2024-02-10"}, nil),
		page("content/cases/later.md", "cases", table{"leader": "wang-fang", "date": "2024-01-10"}, nil),

		page("content/about.md", "about", table{}, nil),
	}
}

func decodeAll(t *testing.T, entries []Entry) []Item {
	t.Helper()
	var items []Item
	for _, e := range entries {
		it, err := Decode(e)
		if err != nil {
			t.Fatalf("Decode(%s): %v", e.File, err)
		}
		if it != nil {
			items = append(items, it)
		}
	}
	return items
}

func buildProgram(t *testing.T) *Model {
	t.Helper()
	m, err := Build(decodeAll(t, programEntries()))
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return m
}

func paths[T Item](items []T) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Base().Path
	}
	return out
}

func TestEvidenceListsExactlyTheNamingPages(t *testing.T) {
	m := buildProgram(t)
	tests := []struct {
		id                                   string
		sessions, projects, exchanges, cases []string
	}{
		{
			id:        "wang-fang",
			sessions:  []string{"curricula/empower/volunteer", "curricula/empower/conflict"},
			projects:  []string{"projects/elevator"},
			exchanges: []string{"exchange/visit"},
			cases:     []string{"cases/later", "cases/followup"},
		},
		{
			id:       "li-lei",
			sessions: []string{"curricula/transmit/design", "curricula/empower/conflict"},
			projects: []string{"projects/garden", "projects/elevator"},
		},
		{id: "zhao", projects: []string{"projects/library"}, cases: []string{"cases/first-visit"}},
		{id: "new"},
		{id: "nobody"},
	}
	for _, tt := range tests {
		ev := m.Evidence(tt.id)
		got := [][]string{paths(ev.Sessions), paths(ev.Projects), paths(ev.Exchanges), paths(ev.Cases)}
		want := [][]string{tt.sessions, tt.projects, tt.exchanges, tt.cases}
		for i := range got {
			if !slices.Equal(got[i], want[i]) {
				t.Errorf("%s evidence %d: got %q, want %q", tt.id, i, got[i], want[i])
			}
		}
		if n := len(tt.sessions) + len(tt.projects) + len(tt.exchanges) + len(tt.cases); ev.Len() != n {
			t.Errorf("%s: Len %d, want %d", tt.id, ev.Len(), n)
		}
	}
}

func TestBuildReferenceErrors(t *testing.T) {
	entries := []Entry{
		page("content/leaders/wang-fang/index.md", "leaders", table{}, nil),
		page("content/leaders/other/index.md", "leaders", table{"id": "wang-fang"}, map[string]int{"id": 2}),
		page("content/curricula/s.md", "curricula", table{"attendees": list("wang-fang", "li-lei")}, map[string]int{"attendees": 5, "attendees[1]": 6}),
		page("content/projects/p.md", "projects", table{"leaders": list("ghost")}, map[string]int{"leaders[0]": 3}),
		page("content/exchange/e.md", "exchange", table{"leaders": list("wang-fang", "ghost")}, map[string]int{"leaders": 4}),
		page("content/cases/c.md", "cases", table{"leader": "ghost"}, map[string]int{"leader": 2}),
	}
	m, err := Build(decodeAll(t, entries))
	want := []string{
		`content/cases/c.md:2:1: leader "ghost" is not the id of any leader`,
		`content/curricula/s.md:6:1: attendees[1] "li-lei" is not the id of any leader`,
		`content/exchange/e.md:4:1: leaders[1] "ghost" is not the id of any leader`,
		`content/leaders/wang-fang/index.md: leader id "wang-fang" is already used by content/leaders/other/index.md`,
		`content/projects/p.md:3:1: leaders[0] "ghost" is not the id of any leader`,
	}
	if got := messages(t, err); !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
	if m == nil {
		t.Fatal("Build returned no model with its errors")
	}
	// The first leader by path keeps the id; the resolved references still count.
	if l, ok := m.Leader("wang-fang"); !ok || l.Path != "leaders/other/index" {
		t.Errorf("Leader(wang-fang) = %v, %v", l, ok)
	}
	if got := paths(m.Evidence("wang-fang").Sessions); !slices.Equal(got, []string{"curricula/s"}) {
		t.Errorf("evidence despite errors: %q", got)
	}
}

func TestBuildDuplicatePath(t *testing.T) {
	a := page("content/projects/p.md", "projects", table{}, nil)
	b := page("content/projects/p.zh.md", "projects", table{}, nil)
	b.Path = a.Path
	_, err := Build(decodeAll(t, []Entry{a, b}))
	want := []string{`content/projects/p.zh.md: content path "projects/p" is also the path of content/projects/p.md`}
	if got := messages(t, err); !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

func TestModelOrderingIsDeterministic(t *testing.T) {
	items := decodeAll(t, programEntries())
	ref, err := Build(items)
	if err != nil {
		t.Fatal(err)
	}
	wantSessions := []string{
		"curricula/empower/volunteer", // empower, initial
		"curricula/empower/conflict",  // empower, intermediate
		"curricula/transmit/design",   // transmit
		"curricula/intro",             // no stage: last
	}
	if got := paths(ref.Sessions()); !slices.Equal(got, wantSessions) {
		t.Errorf("sessions %q, want %q", got, wantSessions)
	}
	var ids []string
	for _, l := range ref.Leaders() {
		ids = append(ids, l.ID)
	}
	if want := []string{"li-lei", "new", "wang-fang", "zhao"}; !slices.Equal(ids, want) {
		t.Errorf("leaders %q, want %q", ids, want)
	}
	// garden has a date, elevator only a period start, library neither.
	if got, want := paths(ref.Projects()), []string{"projects/garden", "projects/elevator", "projects/library"}; !slices.Equal(got, want) {
		t.Errorf("projects %q, want %q", got, want)
	}
	if got, want := paths(ref.Cases()), []string{"cases/first-visit", "cases/later", "cases/followup"}; !slices.Equal(got, want) {
		t.Errorf("cases %q, want %q", got, want)
	}

	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := slices.Clone(items)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		m, err := Build(shuffled)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(paths(m.Items()), paths(ref.Items())) ||
			!slices.Equal(paths(m.Sessions()), paths(ref.Sessions())) ||
			!slices.Equal(paths(m.Projects()), paths(ref.Projects())) ||
			!slices.Equal(paths(m.Evidence("wang-fang").Cases), paths(ref.Evidence("wang-fang").Cases)) ||
			!slices.Equal(m.Dashboard().Funding, ref.Dashboard().Funding) {
			t.Fatal("order depends on the input order")
		}
	}
}

func TestSessionOrderWeightsAndDates(t *testing.T) {
	entries := []Entry{
		page("content/curricula/c.md", "curricula", table{"stage": "empower", "phase": "advanced"}, nil),
		page("content/curricula/b.md", "curricula", table{"stage": "empower", "phase": "advanced", "weight": int64(2)}, nil),
		page("content/curricula/a.md", "curricula", table{"stage": "empower", "phase": "advanced", "weight": int64(2), "date": "2024-01-01"}, nil),
		page("content/curricula/d.md", "curricula", table{"stage": "empower", "phase": "advanced", "weight": int64(1)}, nil),
		page("content/curricula/e.md", "curricula", table{"stage": "empower"}, nil),
		page("content/curricula/f.md", "curricula", table{"stage": "activate"}, nil),
	}
	m, err := Build(decodeAll(t, entries))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"curricula/f", "curricula/d", "curricula/a", "curricula/b", "curricula/c", "curricula/e"}
	if got := paths(m.Sessions()); !slices.Equal(got, want) {
		t.Errorf("sessions %q, want %q", got, want)
	}
}

func TestDashboard(t *testing.T) {
	d := buildProgram(t).Dashboard()
	if d.Leaders != 4 || d.Sessions != 4 || d.Projects != 3 || d.Exchanges != 1 || d.Cases != 3 {
		t.Errorf("counts %+v", d)
	}
	wantStages := []StageCount{{Activate, 1}, {Empower, 1}, {Showcase, 1}, {Transmit, 0}}
	if !slices.Equal(d.LeadersByStage, wantStages) || d.LeadersWithoutStage != 1 {
		t.Errorf("leaders by stage %v, without %d", d.LeadersByStage, d.LeadersWithoutStage)
	}
	if want := []StageCount{{Activate, 3}, {Empower, 2}, {Showcase, 1}, {Transmit, 0}}; !slices.Equal(d.Funnel, want) {
		t.Errorf("funnel %v, want %v", d.Funnel, want)
	}
	wantStatus := []StatusCount{{StatusDrafting, 1}, {StatusSubmitted, 1}, {StatusFunded, 1}, {StatusDelivering, 0}, {StatusCompleted, 0}, {StatusDeclined, 0}}
	if !slices.Equal(d.ProjectsByStatus, wantStatus) {
		t.Errorf("projects by status %v", d.ProjectsByStatus)
	}
	wantFunding := []CurrencyTotal{
		{Currency: "CNY", Projects: 2, Requested: 1000000, Awarded: 600000},
		{Currency: "HKD", Projects: 1, Requested: 10000},
	}
	if !slices.Equal(d.Funding, wantFunding) {
		t.Errorf("funding %+v, want %+v", d.Funding, wantFunding)
	}
	if d.Beneficiaries != 155 || d.TrainingMinutes != 120+90+60+30 {
		t.Errorf("beneficiaries %d, training minutes %d", d.Beneficiaries, d.TrainingMinutes)
	}
}

func TestModelLookups(t *testing.T) {
	m := buildProgram(t)
	it, ok := m.ByPath("projects/elevator")
	if !ok || it.ItemKind() != KindProject || it.Base().URL != "/projects/elevator/" {
		t.Fatalf("ByPath = %v, %v", it, ok)
	}
	refs := m.Refs(it)
	if len(refs) != 2 || refs[0].Leader == nil || refs[0].ID != "li-lei" || refs[1].Leader.ID != "wang-fang" {
		t.Errorf("refs %+v", refs)
	}
	if got := m.LeaderRef("nobody"); got.Leader != nil || got.DisplayName(true) != AnonymousName {
		t.Errorf("unknown ref %+v", got)
	}
	if got := m.LeaderRef("wang-fang").DisplayName(true); got != "Title of leaders/wang-fang/index" {
		t.Errorf("name of a consenting leader %q", got)
	}
	if got := m.LeaderRef("li-lei").DisplayName(true); got != "Mr L" {
		t.Errorf("name of a leader without consent %q", got)
	}
	if _, ok := m.ByPath("about"); ok {
		t.Error("a non-program page is in the model")
	}

	// Returned slices are the caller's own.
	ls := m.Leaders()
	ls[0] = nil
	ev := m.Evidence("wang-fang")
	ev.Cases[0] = nil
	if m.Leaders()[0] == nil || m.Evidence("wang-fang").Cases[0] == nil {
		t.Error("a returned slice shares the model's memory")
	}
	if !strings.HasPrefix(m.Dashboard().LeadersByStage[0].Stage.Label().Zh, "启") {
		t.Error("dashboard stage label")
	}
}

func TestReferencesKeepTheirWrittenIndex(t *testing.T) {
	// An element that is not a string is reported by Decode and left out;
	// the references after it are still reported at the index written.
	entries := []Entry{
		page("content/leaders/li-lei/index.md", "leaders", table{}, nil),
		page("content/curricula/s.md", "curricula", table{"attendees": list("li-lei", int64(7), "ghost")}, map[string]int{"attendees[1]": 5, "attendees[2]": 6}),
		page("content/projects/p.md", "projects", table{"leaders": list(true, "ghost", "li-lei")}, map[string]int{"leaders[1]": 3}),
		page("content/exchange/e.md", "exchange", table{"leaders": list("ghost")}, map[string]int{"leaders[0]": 4}),
	}
	var items []Item
	var decodeErrs []string
	for _, e := range entries {
		it, err := Decode(e)
		items = append(items, it)
		decodeErrs = append(decodeErrs, messages(t, err)...)
	}
	wantDecode := []string{
		`content/curricula/s.md:5:1: attendees[1] must be a string, not the number 7`,
		`content/projects/p.md: leaders[0] must be a string, not true`,
	}
	if !slices.Equal(decodeErrs, wantDecode) {
		t.Errorf("Decode problems:\n got %q\nwant %q", decodeErrs, wantDecode)
	}
	m, err := Build(items)
	want := []string{
		`content/curricula/s.md:6:1: attendees[2] "ghost" is not the id of any leader`,
		`content/exchange/e.md:4:1: leaders[0] "ghost" is not the id of any leader`,
		`content/projects/p.md:3:1: leaders[1] "ghost" is not the id of any leader`,
	}
	if got := messages(t, err); !slices.Equal(got, want) {
		t.Errorf("Build problems:\n got %q\nwant %q", got, want)
	}
	s, _ := m.ByPath("curricula/s")
	refs := m.Refs(s)
	if len(refs) != 2 || refs[0].Leader == nil || refs[0].ID != "li-lei" || refs[1].Leader != nil || refs[1].ID != "ghost" {
		t.Errorf("Refs(curricula/s) = %+v", refs)
	}
	if l, _ := m.ByPath("leaders/li-lei/index"); len(m.Refs(l)) != 0 || m.Refs(l) == nil {
		t.Errorf("Refs of a leader = %#v, want an empty list", m.Refs(l))
	}
}
