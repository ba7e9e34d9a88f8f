package program

import (
	"slices"
	"testing"
)

func TestStages(t *testing.T) {
	stages := Stages()
	var ids []Stage
	for i, s := range stages {
		ids = append(ids, s.ID)
		if s.Order != i+1 || s.ID.Order() != i+1 {
			t.Errorf("%s: order %d, want %d", s.ID, s.Order, i+1)
		}
	}
	if want := []Stage{Activate, Empower, Showcase, Transmit}; !slices.Equal(ids, want) {
		t.Fatalf("stage ids %v, want %v", ids, want)
	}
	labels := map[Stage][2]string{
		Activate: {"Activate", "启能"}, Empower: {"Empower", "赋能"},
		Showcase: {"Showcase", "展能"}, Transmit: {"Transmit", "传能"},
	}
	for _, s := range stages {
		if got := [2]string{s.Label.In("en"), s.Label.In("zh-Hans")}; got != labels[s.ID] {
			t.Errorf("%s labels %v, want %v", s.ID, got, labels[s.ID])
		}
	}
	if len(stages[0].Steps) != 3 || len(stages[2].Steps) != 4 || stages[0].Phases != nil || stages[2].Phases != nil {
		t.Errorf("activate and showcase must have 3 and 4 steps and no phases: %+v %+v", stages[0], stages[2])
	}
	phaseIDs := func(s StageInfo) []Phase {
		var out []Phase
		for _, p := range s.Phases {
			out = append(out, p.ID)
		}
		return out
	}
	if got := phaseIDs(stages[1]); !slices.Equal(got, []Phase{Initial, Intermediate, Advanced}) {
		t.Errorf("empower phases %v", got)
	}
	if got := phaseIDs(stages[3]); !slices.Equal(got, []Phase{Thematic, Mobile, StudyVisit}) {
		t.Errorf("transmit phases %v", got)
	}
	if stages[1].Steps != nil || stages[3].Steps != nil {
		t.Errorf("empower and transmit have no steps")
	}

	// Every call returns fresh values.
	stages[0].Steps[0].Label.En = "changed"
	stages[1].Phases[0].Topics[0].En = "changed"
	again := Stages()
	if again[0].Steps[0].Label.En == "changed" || again[1].Phases[0].Topics[0].En == "changed" {
		t.Error("Stages shares its values between calls")
	}
}

func TestStageAndPhaseLookups(t *testing.T) {
	if Stage("activat").Valid() || Stage("").Order() != 0 || !Transmit.Valid() {
		t.Error("Valid/Order on non-stages")
	}
	if _, ok := Stage("x").Info(); ok {
		t.Error("Info of a non-stage")
	}
	for _, s := range StageIDs() {
		for i, p := range s.Phases() {
			if p.Stage() != s || p.Order() != i+1 {
				t.Errorf("phase %s: stage %s order %d", p, p.Stage(), p.Order())
			}
		}
	}
	if Phase("x").Stage() != "" || Phase("x").Order() != 0 {
		t.Error("lookups of a non-phase")
	}
}
