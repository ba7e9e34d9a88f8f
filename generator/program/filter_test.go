package program

import (
	"reflect"
	"slices"
	"testing"
)

func TestFilterRecomputesFacts(t *testing.T) {
	full := buildProgram(t)
	drop := map[string]bool{
		"curricula/empower/conflict": true, // a session wang-fang and li-lei attended
		"leaders/li-lei/index":       true, // a leader without consent
		"projects/library":           true, // the only HKD project
		"cases/later":                true,
	}
	m := full.Filter(func(path string) bool { return !drop[path] })

	ev := m.Evidence("wang-fang")
	if got := paths(ev.Sessions); !slices.Equal(got, []string{"curricula/empower/volunteer"}) {
		t.Errorf("wang-fang sessions after filter %q", got)
	}
	if got := paths(ev.Cases); !slices.Equal(got, []string{"cases/followup"}) {
		t.Errorf("wang-fang cases after filter %q", got)
	}
	if got := paths(m.Evidence("zhao").Projects); len(got) != 0 {
		t.Errorf("zhao keeps a removed project %q", got)
	}
	if _, ok := m.Leader("li-lei"); ok {
		t.Error("a removed leader is still in the model")
	}
	if m.Evidence("li-lei").Len() != 0 {
		t.Error("a removed leader still has evidence")
	}
	if _, ok := m.ByPath("curricula/empower/conflict"); ok {
		t.Error("a removed session is still found by path")
	}

	d := m.Dashboard()
	if d.Sessions != 3 || d.TrainingMinutes != 90+60+30 || d.Leaders != 3 || d.Projects != 2 || d.Cases != 2 {
		t.Errorf("counts after filter %+v", d)
	}
	if want := []StageCount{{Activate, 1}, {Empower, 1}, {Showcase, 0}, {Transmit, 0}}; !slices.Equal(d.LeadersByStage, want) {
		t.Errorf("leaders by stage %v, want %v", d.LeadersByStage, want)
	}
	if want := []CurrencyTotal{{Currency: "CNY", Projects: 2, Requested: 1000000, Awarded: 600000}}; !slices.Equal(d.Funding, want) {
		t.Errorf("funding %+v, want %+v", d.Funding, want)
	}
	if d.Beneficiaries != 150 {
		t.Errorf("beneficiaries %d", d.Beneficiaries)
	}

	// A kept project still names the removed leader: the reference resolves
	// to the pseudonym, never to the leader.
	elevator, _ := m.ByPath("projects/elevator")
	refs := m.Refs(elevator)
	if refs[0].Leader != nil || refs[0].Pseudonym != "Mr L" || refs[0].DisplayName(true) != "Mr L" {
		t.Errorf("reference to a removed leader %+v", refs[0])
	}
	if refs[1].Leader == nil {
		t.Errorf("reference to a kept leader is unresolved")
	}

	// Filtering twice keeps what the first filter knew.
	m2 := m.Filter(func(path string) bool { return path != "leaders/zhao/index" })
	if got := m2.LeaderRef("li-lei"); got.Pseudonym != "Mr L" {
		t.Errorf("second filter forgot a pseudonym: %+v", got)
	}
	if got := m2.LeaderRef("zhao"); got.Leader != nil || got.DisplayName(true) != AnonymousName {
		t.Errorf("leader without a pseudonym %+v", got)
	}

	// The full model is unchanged.
	if full.Dashboard().Sessions != 4 || len(full.Evidence("wang-fang").Sessions) != 2 {
		t.Error("Filter changed the model it was called on")
	}
}

func TestFilterKeepingEverythingMatches(t *testing.T) {
	full := buildProgram(t)
	m := full.Filter(func(string) bool { return true })
	if !slices.Equal(paths(m.Items()), paths(full.Items())) {
		t.Error("items differ")
	}
	a, b := m.Dashboard(), full.Dashboard()
	if !slices.Equal(a.LeadersByStage, b.LeadersByStage) || !slices.Equal(a.Funding, b.Funding) || a.TrainingMinutes != b.TrainingMinutes {
		t.Errorf("dashboards differ: %+v vs %+v", a, b)
	}
	for _, l := range full.Leaders() {
		if m.Evidence(l.ID).Len() != full.Evidence(l.ID).Len() {
			t.Errorf("%s evidence differs", l.ID)
		}
	}
}

func TestFilterKeepingEverythingIsTheModel(t *testing.T) {
	full := buildProgram(t)
	if full.Filter(func(string) bool { return true }) != full {
		t.Error("a filter keeping every item made a new model")
	}
	// What Filter would recompute for every item kept is the model itself,
	// for a built model and for a filtered one (with leaders outside).
	part := full.Filter(func(path string) bool { return path != "leaders/li-lei/index" })
	if part == full {
		t.Fatal("a filter dropping an item returned the model")
	}
	for name, m := range map[string]*Model{"built": full, "filtered": part} {
		again, _ := assemble(m.items, m.outside, false, nil)
		if !reflect.DeepEqual(again, m) {
			t.Errorf("%s: recomputing every item differs:\n%+v\n%+v", name, again, m)
		}
	}
}
