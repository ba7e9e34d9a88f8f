package site

import (
	"path/filepath"
	"testing"

	"github.com/sineng/sineng/generator/corpus"
	"github.com/sineng/sineng/generator/render"
)

// TestStreamPlanMatchesItsRule checks what the stream plan keeps in each
// page against the rule it replaces a map with, for the program fixture's
// jobs and a small generated site's: a page whose job reads only itself
// runs that job (the last such) after it converts, and its HTML waits for
// that job and every early job printing it.
func TestStreamPlanMatchesItsRule(t *testing.T) {
	gen := filepath.Join(scratchDir(t), "generated")
	if _, err := corpus.Generate(gen, corpus.Options{Pages: 60, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	owners, printed := 0, 0
	for _, src := range []string{filepath.Join("testdata", "sites", "program"), gen} {
		o, p := checkStreamPlan(t, src)
		owners, printed = owners+o, printed+p
	}
	if owners < 10 || printed == 0 {
		t.Fatalf("%d pages with their own job, %d printed by early jobs: the plan has nothing to check", owners, printed)
	}
}

// checkStreamPlan checks the stream plan of one site's build and returns
// how many pages have their own job and how many early jobs print.
func checkStreamPlan(t *testing.T, src string) (owners, printed int) {
	t.Helper()
	b := teamBuild(t, src)
	if b.layout == nil || b.ownTemplates {
		t.Logf("%s: the build does not stream", src)
		return 0, 0
	}
	jobs := b.planJobs()
	for _, st := range b.pages {
		st.ownJob, st.htmlRefs = 0, nil
	}
	sp := b.planStream(jobs)

	own := map[*pageState]int{}
	converts := map[*render.Page]bool{}
	for _, st := range b.pages {
		if st.page.File != "" && st.view != nil {
			converts[st.view] = true
		}
	}
	printers := map[*render.Page]int32{}
	for i, j := range jobs {
		if j.page != nil && len(j.reads) == 1 && j.reads[0] == j.page.view {
			own[j.page] = i
			continue
		}
		if len(j.prints) > 0 && len(distinct(j.reads, converts)) > 0 {
			for _, p := range distinct(j.prints, converts) {
				printers[p]++
			}
		}
	}
	for _, st := range b.pages {
		k, ok := own[st]
		if got := int(st.ownJob) - 1; ok != (st.ownJob > 0) || ok && got != k {
			t.Errorf("%s: own job %d, want %d (%v)", st.page.File, got, k, ok)
		}
		if !ok {
			if st.htmlRefs != nil {
				t.Errorf("%s: has no own job but counts its HTML's jobs", st.page.File)
			}
			continue
		}
		if st.htmlRefs == nil || st.htmlRefs.Load() != 1+printers[st.view] {
			t.Errorf("%s: HTML counter %v, want %d", st.page.File, st.htmlRefs, 1+printers[st.view])
		}
		if r, ok := sp.refs[st.view]; printers[st.view] > 0 && r != st.htmlRefs || !ok && printers[st.view] > 0 {
			t.Errorf("%s: printed by early jobs, but their counter is not the page's", st.page.File)
		}
	}
	return len(own), len(printers)
}
