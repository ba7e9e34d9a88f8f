package render

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sineng/sineng/internal/jsonenc"
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

// ProjectsJSON encodes the records as an indented JSON document, byte for
// byte what encoding/json's Encoder writes for {"projects": records} with
// SetIndent("", "  ") and SetEscapeHTML(false) (TestProjectsJSONIsEncodingJSONs),
// written directly: for the 1,100 projects of the 10k benchmark site
// (BenchmarkProjectsJSON) the Encoder took ≈26 ms and 8 MB (reflection, a
// second pass to indent, copies), the direct writer ≈4 ms and the document
// itself. A number JSON cannot hold (NaN, ±Inf) is an error, as it is for
// encoding/json.
func ProjectsJSON(records []ProjectRecord) ([]byte, error) {
	w := jsonWriter{b: make([]byte, 0, 1280*(len(records)+1))} // ≈1.2 KB a project
	w.b = append(w.b, "{\n  \"projects\": "...)
	w.array(records == nil, len(records), "\n  ]", func(i int) { w.project(&records[i]) })
	w.b = append(w.b, "\n}\n"...)
	if w.err != nil {
		return nil, w.err
	}
	return w.b, nil
}

// jsonWriter appends the indented JSON of the exports to b; err is the
// first number JSON cannot hold.
type jsonWriter struct {
	b   []byte
	err error
}

// project writes one record as an element of the projects array.
func (w *jsonWriter) project(r *ProjectRecord) {
	const in = "\n      " // a field of a project
	w.b = append(w.b, "\n    {"...)
	w.str(in, "title", r.Title, false)
	w.str(in, "url", r.URL, false)
	w.str(in, "status", r.Status, false)
	w.str(in, "scheme", r.Scheme, false)
	w.str(in, "funder", r.Funder, true)
	w.str(in, "community", r.Community, true)
	w.str(in, "stage", r.Stage, true)
	w.key(in, "leaders")
	w.array(r.Leaders == nil, len(r.Leaders), "\n      ]", func(i int) {
		w.b = append(w.b, "\n        "...)
		w.b = jsonenc.AppendString(w.b, r.Leaders[i])
	})
	w.b = append(w.b, ',')
	w.key(in, "beneficiaries")
	w.b = strconv.AppendInt(w.b, int64(r.Beneficiaries), 10)
	w.b = append(w.b, ',')
	w.str(in, "currency", r.Currency, true)
	w.num(in, "requested", &r.Requested)
	w.num(in, "awarded", r.Awarded)
	w.num(in, "matched", &r.Matched)
	w.num(in, "matched_share", &r.MatchedShare)
	w.num(in, "budget_total", &r.BudgetTotal)
	w.str(in, "period_start", r.PeriodStart, true)
	w.str(in, "period_end", r.PeriodEnd, true)
	w.key(in, "outcomes")
	const oin = "\n          " // a field of an outcome
	w.array(r.Outcomes == nil, len(r.Outcomes), "\n      ]", func(i int) {
		o := &r.Outcomes[i]
		w.b = append(w.b, "\n        {"...)
		w.str(oin, "indicator", o.Indicator, false)
		w.num(oin, "baseline", &o.Baseline)
		w.num(oin, "target", &o.Target)
		w.num(oin, "actual", o.Actual)
		w.num(oin, "progress", &o.Progress)
		w.b = append(w.b[:len(w.b)-1], "\n        }"...) // no comma after the last field
	})
	w.b = append(w.b, "\n    }"...)
}

// array writes null for a nil slice, [] for an empty one, or '[', each of
// its n elements by elem (comma-separated) and close, the bracket that ends
// it on a line of its own.
func (w *jsonWriter) array(isNil bool, n int, close string, elem func(i int)) {
	switch {
	case isNil:
		w.b = append(w.b, "null"...)
	case n == 0:
		w.b = append(w.b, "[]"...)
	default:
		w.b = append(w.b, '[')
		for i := range n {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			elem(i)
		}
		w.b = append(w.b, close...)
	}
}

// key writes a field's indent and name.
func (w *jsonWriter) key(indent, name string) {
	w.b = append(w.b, indent...)
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, "\": "...)
}

// str writes a string field and its comma, or nothing when omitEmpty and
// s is empty.
func (w *jsonWriter) str(indent, name, s string, omitEmpty bool) {
	if omitEmpty && s == "" {
		return
	}
	w.key(indent, name)
	w.b = jsonenc.AppendString(w.b, s)
	w.b = append(w.b, ',')
}

// num writes a number field (null when f is nil) and its comma.
func (w *jsonWriter) num(indent, name string, f *float64) {
	w.key(indent, name)
	if f == nil {
		w.b = append(w.b, "null,"...)
		return
	}
	if math.IsNaN(*f) || math.IsInf(*f, 0) {
		if w.err == nil {
			w.err = fmt.Errorf("json: unsupported value: %s in %s", strconv.FormatFloat(*f, 'g', -1, 64), name)
		}
		w.b = append(w.b, "null,"...)
		return
	}
	w.b = jsonenc.AppendFloat(w.b, *f)
	w.b = append(w.b, ',')
}

// ProjectsCSV encodes the records as CSV with a header row; leaders are
// joined with "; ", outcomes are left to the JSON export. Text cells go
// through cell, so none is a spreadsheet formula; numbers and URLs are
// the build's own.
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
		row := []string{cell(r.Title), r.URL, cell(r.Status), cell(r.Scheme), cell(r.Funder), cell(r.Community), cell(r.Stage),
			cell(strings.Join(r.Leaders, "; ")), strconv.Itoa(r.Beneficiaries), cell(r.Currency), num(r.Requested),
			awarded, num(r.Matched), num(r.MatchedShare), num(r.BudgetTotal), r.PeriodStart, r.PeriodEnd}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// cell returns a text cell of a CSV export that a spreadsheet shows as
// text: a cell starting with =, +, -, @, a tab or a carriage return is a
// formula to Excel and LibreOffice (=HYPERLINK(…) sends data away when a
// funder opens the file), so it gets a leading apostrophe, which they take
// as "text" and do not show.
func cell(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}
