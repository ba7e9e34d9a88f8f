package program

import (
	"cmp"
	"slices"
)

// Dashboard holds the program-wide figures of a Model. Every figure counts
// only the items in that Model, so a filtered Model's dashboard shows nothing
// that was left out.
type Dashboard struct {
	Leaders, Cases, Sessions, Projects, Exchanges int // items of each kind

	LeadersByStage      []StageCount // leaders by current stage, all four stages in order
	LeadersWithoutStage int          // leaders whose stage is not given
	// Funnel counts, for each stage in order, the leaders whose current stage
	// is that stage or a later one.
	Funnel []StageCount

	ProjectsByStatus []StatusCount   // all six statuses in order
	Funding          []CurrencyTotal // by currency, ordered by currency code
	// Beneficiaries is the sum of the beneficiaries of every project,
	// whatever its status.
	Beneficiaries int
	// TrainingMinutes is the sum of the durations of every session.
	TrainingMinutes int
}

// StageCount is a number of leaders at a stage.
type StageCount struct {
	Stage Stage
	Count int
}

// StatusCount is a number of projects with a status.
type StatusCount struct {
	Status Status
	Count  int
}

// CurrencyTotal is the funding of the projects in one currency. A project
// counts when it asks for money, has an award or names its currency.
type CurrencyTotal struct {
	Currency  string // as written; "" for projects that name none
	Projects  int
	Requested Money // sum of Project.RequestedTotal
	Awarded   Money // sum of funding.awarded where written
}

func computeDashboard(m *Model) Dashboard {
	d := Dashboard{
		Leaders:   len(m.leaders),
		Cases:     len(m.cases),
		Sessions:  len(m.sessions),
		Projects:  len(m.projects),
		Exchanges: len(m.exchanges),
	}
	byStage := make(map[Stage]int)
	for _, l := range m.leaders {
		if l.Stage.Valid() {
			byStage[l.Stage]++
		} else {
			d.LeadersWithoutStage++
		}
	}
	reached := 0
	stages := StageIDs()
	d.Funnel = make([]StageCount, len(stages))
	for i := len(stages) - 1; i >= 0; i-- {
		reached += byStage[stages[i]]
		d.Funnel[i] = StageCount{Stage: stages[i], Count: reached}
	}
	for _, s := range stages {
		d.LeadersByStage = append(d.LeadersByStage, StageCount{Stage: s, Count: byStage[s]})
	}

	byStatus := make(map[Status]int)
	byCurrency := make(map[string]*CurrencyTotal)
	for _, p := range m.projects {
		byStatus[p.Status]++
		d.Beneficiaries += p.Beneficiaries
		requested := p.RequestedTotal()
		if requested == 0 && p.Funding.Awarded == nil && p.Funding.Currency == "" {
			continue
		}
		t := byCurrency[p.Funding.Currency]
		if t == nil {
			t = &CurrencyTotal{Currency: p.Funding.Currency}
			byCurrency[p.Funding.Currency] = t
		}
		t.Projects++
		t.Requested += requested
		if p.Funding.Awarded != nil {
			t.Awarded += *p.Funding.Awarded
		}
	}
	for _, s := range Statuses() {
		d.ProjectsByStatus = append(d.ProjectsByStatus, StatusCount{Status: s, Count: byStatus[s]})
	}
	for _, t := range byCurrency {
		d.Funding = append(d.Funding, *t)
	}
	slices.SortFunc(d.Funding, func(a, b CurrencyTotal) int { return cmp.Compare(a.Currency, b.Currency) })

	for _, s := range m.sessions {
		d.TrainingMinutes += s.DurationMinutes
	}
	return d
}

func (d Dashboard) clone() Dashboard {
	d.LeadersByStage = slices.Clone(d.LeadersByStage)
	d.Funnel = slices.Clone(d.Funnel)
	d.ProjectsByStatus = slices.Clone(d.ProjectsByStatus)
	d.Funding = slices.Clone(d.Funding)
	return d
}
