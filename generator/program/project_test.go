package program

import (
	"math"
	"slices"
	"testing"
)

func TestProjectBudgetFacts(t *testing.T) {
	tests := []struct {
		name          string
		funding       table
		budget        []any
		wantTotal     Money
		wantRequested Money
		wantMatched   Money
		wantShare     float64
		wantBySource  []SourceTotal
	}{
		{
			name: "sources named, matched from the lines",
			budget: list(
				table{"quantity": int64(10), "unit_cost": int64(100), "source": "requested"},
				table{"quantity": int64(1), "unit_cost": 500.5, "source": "self"},
				table{"quantity": int64(20), "unit_cost": 12.5, "source": "in-kind"},
				table{"quantity": int64(1), "unit_cost": int64(249), "source": "partner"},
				table{"quantity": 1.5, "unit_cost": int64(100), "source": "requested"},
			),
			wantTotal:     214950, // 1,000 + 500.50 + 250 + 249 + 150
			wantRequested: 115000,
			wantMatched:   99950,
			wantShare:     99950.0 / 214950.0,
			wantBySource: []SourceTotal{
				{SourceRequested, 115000}, {SourceSelf, 50050}, {SourceInKind, 25000}, {SourcePartner, 24900},
			},
		},
		{
			name:    "funding.matched replaces the lines",
			funding: table{"matched": int64(300), "requested": int64(1000)},
			budget: list(
				table{"quantity": int64(1), "unit_cost": int64(1000), "source": "requested"},
				table{"quantity": int64(1), "unit_cost": int64(200), "source": "self"},
			),
			wantTotal:     120000,
			wantRequested: 100000,
			wantMatched:   30000,
			wantShare:     0.23076923076923078, // 300 / 1300
			wantBySource:  []SourceTotal{{SourceRequested, 100000}, {SourceSelf, 20000}},
		},
		{
			name: "no line names a source: all lines are requested",
			budget: list(
				table{"quantity": int64(2), "unit_cost": int64(300)},
				table{"quantity": int64(1), "unit_cost": int64(400)},
			),
			wantTotal:     100000,
			wantRequested: 100000,
			wantBySource:  []SourceTotal{{SourceUnspecified, 100000}},
		},
		{
			name:          "no budget",
			funding:       table{"requested": int64(5000)},
			wantRequested: 500000,
		},
		{
			name: "unnamed line in a budget that names sources",
			budget: list(
				table{"quantity": int64(1), "unit_cost": int64(100), "source": "requested"},
				table{"quantity": int64(1), "unit_cost": int64(50)},
			),
			wantTotal:     15000,
			wantRequested: 10000,
			wantBySource:  []SourceTotal{{SourceRequested, 10000}, {SourceUnspecified, 5000}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := table{"budget": tt.budget}
			if tt.funding != nil {
				data["funding"] = tt.funding
			}
			p := mustDecode(t, page("content/projects/p.md", "projects", data, nil)).(*Project)
			if p.BudgetTotal() != tt.wantTotal || p.RequestedTotal() != tt.wantRequested || p.MatchedAmount() != tt.wantMatched {
				t.Errorf("total %s requested %s matched %s; want %s %s %s",
					p.BudgetTotal(), p.RequestedTotal(), p.MatchedAmount(), tt.wantTotal, tt.wantRequested, tt.wantMatched)
			}
			if math.Abs(p.MatchedShare()-tt.wantShare) > 1e-12 {
				t.Errorf("matched share %v, want %v", p.MatchedShare(), tt.wantShare)
			}
			if got := p.BySource(); !slices.Equal(got, tt.wantBySource) {
				t.Errorf("by source %v, want %v", got, tt.wantBySource)
			}
		})
	}
}

func TestBudgetLineTotals(t *testing.T) {
	p := mustDecode(t, page("content/projects/p.md", "projects", table{"budget": list(
		table{"item": "a", "quantity": int64(3), "unit_cost": 99.99},
		table{"item": "b", "quantity": int64(2), "unit_cost": int64(50), "total": 100.0},
	)}, nil)).(*Project)
	if p.Budget[0].Total != 29997 || p.Budget[1].Total != 10000 {
		t.Errorf("line totals %s, %s", p.Budget[0].Total, p.Budget[1].Total)
	}
	if p.Status != StatusDrafting {
		t.Errorf("status without a value is %q, want drafting", p.Status)
	}
}

func TestOutcomeProgress(t *testing.T) {
	tests := []struct {
		name string
		o    Outcome
		want float64
	}{
		{"half way", Outcome{Baseline: 10, Target: 30, Actual: 20, Measured: true}, 0.5},
		{"past the target", Outcome{Baseline: 0, Target: 10, Actual: 15, Measured: true}, 1.5},
		{"went the other way", Outcome{Baseline: 10, Target: 20, Actual: 5, Measured: true}, 0},
		{"falling target", Outcome{Baseline: 40, Target: 20, Actual: 30, Measured: true}, 0.5},
		{"target equals baseline, reached", Outcome{Baseline: 5, Target: 5, Actual: 5, Measured: true}, 1},
		{"target equals baseline, below", Outcome{Baseline: 5, Target: 5, Actual: 4, Measured: true}, 0},
		{"not measured", Outcome{Baseline: 0, Target: 10}, 0},
	}
	for _, tt := range tests {
		if got := tt.o.Progress(); got != tt.want {
			t.Errorf("%s: progress %v, want %v", tt.name, got, tt.want)
		}
	}
}
