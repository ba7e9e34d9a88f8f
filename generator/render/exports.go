package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
)

// ProjectRecord is one project in the machine-readable showcase exports.
type ProjectRecord struct {
	Title         string          `json:"title"`
	URL           string          `json:"url"`
	Status        string          `json:"status"`
	Scheme        string          `json:"scheme"`
	Funder        string          `json:"funder,omitempty"`
	Community     string          `json:"community,omitempty"`
	Stage         string          `json:"stage,omitempty"`
	Leaders       []string        `json:"leaders"`
	Beneficiaries int             `json:"beneficiaries"`
	Currency      string          `json:"currency,omitempty"`
	Requested     float64         `json:"requested"`
	Awarded       *float64        `json:"awarded"`
	Matched       float64         `json:"matched"`
	MatchedShare  float64         `json:"matched_share"`
	BudgetTotal   float64         `json:"budget_total"`
	PeriodStart   string          `json:"period_start,omitempty"`
	PeriodEnd     string          `json:"period_end,omitempty"`
	Outcomes      []OutcomeRecord `json:"outcomes"`
}

// OutcomeRecord is one outcome in the exports.
type OutcomeRecord struct {
	Indicator string   `json:"indicator"`
	Baseline  float64  `json:"baseline"`
	Target    float64  `json:"target"`
	Actual    *float64 `json:"actual"`
	Progress  float64  `json:"progress"`
}

// ProjectRecords converts project views into export records, in order.
func ProjectRecords(projects []*ProjectView) []ProjectRecord {
	out := make([]ProjectRecord, 0, len(projects))
	for _, p := range projects {
		r := ProjectRecord{
			Title: p.Page.Title, URL: p.Page.Permalink, Status: p.Status, Scheme: p.Scheme,
			Funder: p.Funder, Community: p.Community, Beneficiaries: p.Beneficiaries,
			Currency: p.Currency, Requested: p.Requested.Value, Matched: p.Matched.Value,
			MatchedShare: round4(p.MatchedShare), BudgetTotal: p.BudgetTotal.Value,
			Leaders: []string{}, Outcomes: []OutcomeRecord{},
		}
		if p.Stage != nil {
			r.Stage = p.Stage.ID
		}
		if p.Awarded.Set {
			v := p.Awarded.Value
			r.Awarded = &v
		}
		if !p.PeriodStart.IsZero() {
			r.PeriodStart = p.PeriodStart.Format("2006-01-02")
		}
		if !p.PeriodEnd.IsZero() {
			r.PeriodEnd = p.PeriodEnd.Format("2006-01-02")
		}
		for _, l := range p.Leaders {
			r.Leaders = append(r.Leaders, l.Name)
		}
		for _, o := range p.Outcomes {
			or := OutcomeRecord{Indicator: o.Indicator, Baseline: o.Baseline, Target: o.Target, Progress: round4(o.Progress)}
			if o.Measured {
				a := o.Actual
				or.Actual = &a
			}
			r.Outcomes = append(r.Outcomes, or)
		}
		out = append(out, r)
	}
	return out
}

func round4(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 4, 64), 64)
	return v
}

// ProjectsJSON encodes the records as an indented JSON document.
func ProjectsJSON(records []ProjectRecord) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Projects []ProjectRecord `json:"projects"`
	}{records})
	return b.Bytes(), err
}

// ProjectsCSV encodes the records as CSV with a header row; leaders are
// joined with "; ", outcomes are left to the JSON export.
func ProjectsCSV(records []ProjectRecord) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	header := []string{"title", "url", "status", "scheme", "funder", "community", "stage", "leaders",
		"beneficiaries", "currency", "requested", "awarded", "matched", "matched_share", "budget_total",
		"period_start", "period_end"}
	if err := w.Write(header); err != nil {
		return nil, err
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	for _, r := range records {
		awarded := ""
		if r.Awarded != nil {
			awarded = num(*r.Awarded)
		}
		row := []string{r.Title, r.URL, r.Status, r.Scheme, r.Funder, r.Community, r.Stage,
			strings.Join(r.Leaders, "; "), strconv.Itoa(r.Beneficiaries), r.Currency, num(r.Requested),
			awarded, num(r.Matched), num(r.MatchedShare), num(r.BudgetTotal), r.PeriodStart, r.PeriodEnd}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
