package render

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// referenceProjectsJSON is what ProjectsJSON wrote before it wrote the
// document itself: encoding/json, indented, without HTML escaping.
func referenceProjectsJSON(t *testing.T, records []ProjectRecord) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(struct {
		Projects []ProjectRecord `json:"projects"`
	}{records}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestProjectsJSONIsEncodingJSONs(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	odd := "quote \" backslash \\ <tag> & amp \b\f\n\r\t \x00\x01\x1f \x7f é 加装电梯 \u2028\u2029 bad \xff\xfe end"
	full := ProjectRecord{
		Title: odd, URL: "https://example.org/projects/p/?a=1&b=2", Status: "delivering", Scheme: "micro-venture",
		Funder: "城市社区发展基金", Community: "东湖街道", Stage: "showcase", Leaders: []string{"何德明", odd, ""},
		Beneficiaries: -3, Currency: "CNY", Requested: 23541.5, Awarded: f(0), Matched: 1e21, MatchedShare: 1e-7,
		BudgetTotal: -0.000001, PeriodStart: "2026-10-31", PeriodEnd: "2027-07-02",
		Outcomes: []OutcomeRecord{
			{Indicator: odd, Baseline: 16, Target: 68, Progress: 0.1234},
			{Indicator: "满意度(%)", Baseline: 1e-6, Target: 123456789012345678, Actual: f(math.Copysign(0, -1)), Progress: 1},
		},
	}
	bare := ProjectRecord{Title: "t", URL: "u", Status: "s", Scheme: "x", Leaders: []string{}, Outcomes: []OutcomeRecord{}}
	nils := ProjectRecord{Title: "nil slices"}
	for name, recs := range map[string][]ProjectRecord{
		"none": nil, "empty": {}, "full": {full}, "bare": {bare}, "nil slices": {nils}, "several": {full, bare, nils, full},
	} {
		got, err := ProjectsJSON(recs)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := referenceProjectsJSON(t, recs); !bytes.Equal(got, want) {
			t.Errorf("%s: ProjectsJSON differs from encoding/json's\ngot:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

func TestProjectsJSONRefusesNaN(t *testing.T) {
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		recs := []ProjectRecord{{Title: "t", Outcomes: []OutcomeRecord{{Indicator: "i", Target: v}}}}
		if _, err := ProjectsJSON(recs); err == nil || !strings.Contains(err.Error(), "target") {
			t.Errorf("ProjectsJSON with target %v: err %v, want one naming the field", v, err)
		}
	}
}

// BenchmarkProjectsJSON encodes 1,100 projects, as many as the showcase of
// the 10k-page benchmark site holds.
func BenchmarkProjectsJSON(b *testing.B) {
	rec := ProjectRecord{
		Title: "桂花园社区四点半课堂", URL: "https://example.org/projects/project-0656/", Status: "submitted",
		Scheme: "public-welfare-venture", Funder: "城市社区发展基金", Community: "东湖街道桂花园社区", Stage: "showcase",
		Leaders: []string{"何德明", "何金凤", "马志强"}, Beneficiaries: 606, Currency: "CNY", Requested: 23541, BudgetTotal: 23541,
		PeriodStart: "2026-10-31", PeriodEnd: "2027-07-02",
		Outcomes: []OutcomeRecord{{Indicator: "参与居民人次", Baseline: 16, Target: 68}, {Indicator: "议事会召开次数", Baseline: 35, Target: 88}, {Indicator: "服务满意度(%)", Baseline: 13, Target: 71}},
	}
	recs := make([]ProjectRecord, 1100)
	for i := range recs {
		recs[i] = rec
	}
	b.ReportAllocs()
	for b.Loop() {
		js, err := ProjectsJSON(recs)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(js)))
	}
}
