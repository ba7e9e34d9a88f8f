package program

import (
	"strconv"
	"time"
)

// Project is a project proposal (content/projects/...).
type Project struct {
	Page

	Leaders       []string // leader ids of the team
	Community     string
	Stage         Stage  // "" when not given
	Status        Status // drafting when not given
	Beneficiaries int
	Funding       Funding
	Period        Period
	Budget        []BudgetLine
	Outcomes      []Outcome

	budget    budgetFacts
	leadersAt []int // see writtenAt
}

// Funding is what a project asks of a funder and what it brings itself.
// Amounts not written in the file are nil.
type Funding struct {
	Scheme    Scheme
	Funder    string
	Requested *Money // must equal the requested budget lines when the budget has lines
	Awarded   *Money
	Matched   *Money // funds the team raised itself
	Currency  string // as written, e.g. "CNY"; "" when not given
}

// Period is when a project runs; either end may be zero (not given).
type Period struct {
	Start time.Time
	End   time.Time
}

// BudgetLine is one line of a project budget.
type BudgetLine struct {
	Item     string
	Category string
	Quantity float64
	UnitCost Money
	Total    Money      // quantity × unit cost, rounded to the cent; checked when written
	Source   FundSource // SourceUnspecified when the line names none
}

// Outcome is one indicator a project promises to move.
type Outcome struct {
	Indicator string
	Baseline  float64
	Target    float64
	Actual    float64
	Measured  bool // actual was written
}

// Progress returns how far the actual value has gone from the baseline
// towards the target: (actual − baseline) / (target − baseline), 0 when not
// measured or when it went the other way, above 1 when past the target. It
// works for targets below the baseline (a fall is progress there). When the
// target equals the baseline, progress is 1 if the actual value reached the
// target (actual ≥ target) and 0 otherwise.
func (o Outcome) Progress() float64 {
	if !o.Measured {
		return 0
	}
	span := o.Target - o.Baseline
	if span == 0 {
		if o.Actual >= o.Target {
			return 1
		}
		return 0
	}
	p := (o.Actual - o.Baseline) / span
	if p < 0 {
		return 0
	}
	return p
}

// SourceTotal is the sum of the budget lines of one source.
type SourceTotal struct {
	Source FundSource
	Amount Money
}

// budgetFacts are computed once when the project is decoded.
type budgetFacts struct {
	total     Money
	bySource  []SourceTotal
	requested Money // from the lines
	matched   Money
	share     float64
}

// Base returns the page the project was decoded from.
func (p *Project) Base() Page { return p.Page }

// ItemKind returns KindProject.
func (p *Project) ItemKind() Kind { return KindProject }

func (p *Project) sealed() {}

// BudgetTotal returns the sum of all budget lines.
func (p *Project) BudgetTotal() Money { return p.budget.total }

// BySource returns the budget summed by source, in the order requested, self,
// in-kind, partner, then lines that name no source; only sources that some
// line names are listed. The slice is fresh.
func (p *Project) BySource() []SourceTotal {
	return append([]SourceTotal(nil), p.budget.bySource...)
}

// RequestedTotal returns the amount asked of the funder: funding.requested
// when written, else the sum of the budget lines whose source is requested,
// or of all lines when no line names a source. (When both are there Decode
// has checked that they agree.)
func (p *Project) RequestedTotal() Money {
	if p.Funding.Requested != nil {
		return *p.Funding.Requested
	}
	return p.budget.requested
}

// MatchedAmount returns the resources the project brings beyond the funder's
// grant: funding.matched when written, else the sum of the budget lines whose
// source is self, in-kind or partner.
func (p *Project) MatchedAmount() Money { return p.budget.matched }

// MatchedShare returns the share of the project's resources that is not asked
// of the funder: MatchedAmount / (RequestedTotal + MatchedAmount), from 0 to
// 1; 0 when both are zero. Using funding.matched instead of the self, in-kind
// and partner lines (not in addition to them) keeps money from being counted
// twice when a team declares both.
func (p *Project) MatchedShare() float64 { return p.budget.share }

func decodeProject(page Page, f fields) *Project {
	p := &Project{
		Page:      page,
		Community: f.str("community"),
		Stage:     f.stage("stage"),
		Status:    StatusDrafting,
	}
	if f.str("status") != "" {
		p.Status = enum(f, "status", Statuses())
	}
	p.Beneficiaries, _ = f.count("beneficiaries")
	leaders := f.list("leaders")
	p.Leaders = elementValues(leaders)
	p.leadersAt = writtenAt(leaders)

	fund := f.table("funding")
	p.Funding.Scheme = enum(fund, "scheme", Schemes())
	p.Funding.Funder = fund.str("funder")
	p.Funding.Currency = fund.str("currency")
	p.Funding.Requested = optionalMoney(fund, "requested")
	p.Funding.Awarded = optionalMoney(fund, "awarded")
	p.Funding.Matched = optionalMoney(fund, "matched")

	per := f.table("period")
	p.Period.Start, _ = per.date("start")
	p.Period.End, _ = per.date("end")
	if !p.Period.Start.IsZero() && !p.Period.End.IsZero() && p.Period.End.Before(p.Period.Start) {
		f.r.failf("period.end", "period.end %s is before period.start %s",
			p.Period.End.Format(time.DateOnly), p.Period.Start.Format(time.DateOnly))
	}

	budget := f.tables("budget")
	if len(budget) > 0 {
		p.Budget = make([]BudgetLine, 0, len(budget)) // kept to the end of a build: no spare room
	}
	for _, b := range budget {
		p.Budget = append(p.Budget, decodeBudgetLine(b))
	}
	p.budget = computeBudget(p.Budget, p.Funding)
	checkRequested(f, p)

	outcomes := f.tables("outcomes")
	if len(outcomes) > 0 {
		p.Outcomes = make([]Outcome, 0, len(outcomes))
	}
	for _, o := range outcomes {
		out := Outcome{Indicator: o.str("indicator")}
		out.Baseline, _ = o.number("baseline")
		out.Target, _ = o.number("target")
		out.Actual, out.Measured = o.number("actual")
		p.Outcomes = append(p.Outcomes, out)
	}
	return p
}

func optionalMoney(f fields, k string) *Money {
	m, ok := f.money(k)
	if !ok {
		return nil
	}
	return &m
}

func decodeBudgetLine(b fields) BudgetLine {
	line := BudgetLine{
		Item:     b.str("item"),
		Category: b.str("category"),
		Source:   enum(b, "source", FundSources()),
	}
	if q, ok := b.number("quantity"); ok {
		if q < 0 {
			b.r.failf(b.key("quantity"), "%s must not be negative, not %v", b.key("quantity"), q)
		} else {
			line.Quantity = q
		}
	}
	line.UnitCost, _ = b.money("unit_cost")
	line.Total = line.UnitCost.times(line.Quantity)
	if given, ok := b.money("total"); ok && given != line.Total {
		b.r.failf(b.key("total"), "%s %s is not quantity × unit_cost = %s × %s = %s",
			b.key("total"), given, strconv.FormatFloat(line.Quantity, 'f', -1, 64), line.UnitCost, line.Total)
	}
	return line
}

// computeBudget sums the budget lines; see the Project methods for the rules.
func computeBudget(lines []BudgetLine, fund Funding) budgetFacts {
	var facts budgetFacts
	sums := make(map[FundSource]Money, 5)
	named := false
	for _, l := range lines {
		facts.total += l.Total
		sums[l.Source] += l.Total
		named = named || l.Source != SourceUnspecified
	}
	for _, s := range append(FundSources(), SourceUnspecified) {
		if amount, ok := sums[s]; ok {
			facts.bySource = append(facts.bySource, SourceTotal{Source: s, Amount: amount})
		}
	}
	if named {
		facts.requested = sums[SourceRequested]
	} else {
		facts.requested = facts.total
	}
	if fund.Matched != nil {
		facts.matched = *fund.Matched
	} else {
		facts.matched = sums[SourceSelf] + sums[SourceInKind] + sums[SourcePartner]
	}
	requested := facts.requested
	if fund.Requested != nil {
		requested = *fund.Requested
	}
	if whole := requested + facts.matched; whole > 0 {
		facts.share = facts.matched.Units() / whole.Units()
	}
	return facts
}

// checkRequested checks funding.requested against the budget lines. A project
// without budget lines has nothing to check against.
func checkRequested(f fields, p *Project) {
	if p.Funding.Requested == nil || len(p.Budget) == 0 {
		return
	}
	if *p.Funding.Requested == p.budget.requested {
		return
	}
	which := `with source "requested"`
	if p.budget.requested == p.budget.total && !anySource(p.Budget) {
		which = "(no line names a source, so all lines count)"
	}
	f.r.failf("funding.requested", "funding.requested %s does not equal %s, the sum of the budget lines %s",
		*p.Funding.Requested, p.budget.requested, which)
}

func anySource(lines []BudgetLine) bool {
	for _, l := range lines {
		if l.Source != SourceUnspecified {
			return true
		}
	}
	return false
}
