package frontmatter

import "testing"

func TestTOMLPositions(t *testing.T) {
	src := `title = "Clean river"   # line 1
"quoted key" = 1
'literal.key' = 2
site."dotted name".x = 3
tags = ["a", "b",
  # a comment inside
  "c"]
period = { start = 2024-03-01, end = 2024-09-30 }
note = """
a = "not a key"
[not.a.table]
"""
lit = '''
x = 1 '''
date = 1979-05-27 07:32:00Z
esc = "say \"hi\" [x]"

[funding]
scheme = "micro-venture"
  requested = 12000

[[budget]]
item = "tea"
total = 10

[[budget]]
item = "chairs"
[budget.note]
text = "x"

[[budget]]
item = "room"
lines = [ { what = "a" }, { what = "b", n = [1, 2] } ]

[[budget.parts]]
name = "p0"

[[outcomes]]
indicator = "trained"

[a . b]
c = 1
`
	want := map[string]Position{
		"title":                   {1, 1},
		"quoted key":              {2, 1},
		"literal.key":             {3, 1},
		"site":                    {4, 1},
		"site.dotted name":        {4, 6},
		"site.dotted name.x":      {4, 20},
		"tags":                    {5, 1},
		"tags[0]":                 {5, 9},
		"tags[1]":                 {5, 14},
		"tags[2]":                 {7, 3},
		"period":                  {8, 1},
		"period.start":            {8, 12},
		"period.end":              {8, 32},
		"note":                    {9, 1},
		"lit":                     {13, 1},
		"date":                    {15, 1},
		"esc":                     {16, 1},
		"funding":                 {18, 2},
		"funding.scheme":          {19, 1},
		"funding.requested":       {20, 3},
		"budget":                  {22, 3},
		"budget[0]":               {22, 3},
		"budget[0].item":          {23, 1},
		"budget[0].total":         {24, 1},
		"budget[1]":               {26, 3},
		"budget[1].item":          {27, 1},
		"budget[1].note":          {28, 9},
		"budget[1].note.text":     {29, 1},
		"budget[2]":               {31, 3},
		"budget[2].lines":         {33, 1},
		"budget[2].lines[0]":      {33, 11},
		"budget[2].lines[0].what": {33, 13},
		"budget[2].lines[1]":      {33, 27},
		"budget[2].lines[1].n":    {33, 41},
		"budget[2].lines[1].n[1]": {33, 49},
		"budget[2].parts":         {35, 10},
		"budget[2].parts[0]":      {35, 10},
		"budget[2].parts[0].name": {36, 1},
		"outcomes[0].indicator":   {39, 1},
		"a":                       {41, 2},
		"a.b":                     {41, 6},
		"a.b.c":                   {42, 1},
	}
	got := TOMLPositions([]byte(src), 1)
	for path, p := range want {
		if got[path] != p {
			t.Errorf("%s at %v, want %v", path, got[path], p)
		}
	}
	for _, absent := range []string{"a = \"not a key\"", "not", "not.a.table", "x", "budget[3]", "tags[3]"} {
		if p, ok := got[absent]; ok {
			t.Errorf("%q recorded at %v, but it is inside a string or absent", absent, p)
		}
	}
}

func TestTOMLPositionsFirstLineAndCRLF(t *testing.T) {
	got := TOMLPositions([]byte("a = 1\r\n\r\n[t]\r\nb = 'x'\r\n"), 2)
	want := map[string]Position{"a": {2, 1}, "t": {4, 2}, "t.b": {5, 1}}
	for path, p := range want {
		if got[path] != p {
			t.Errorf("%s at %v, want %v", path, got[path], p)
		}
	}
}

func TestTOMLPositionsOddInput(t *testing.T) {
	tests := []string{
		"", "[", "[[", "[]", "= 1", "a =", "a = [", "a = {", "a = \"", "a = '''", `a = """x""""`,
		"a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]",
		"a = {b = {c = {d = ", "\"unterminated = 1", "a.b. = 1", "[a.]", "a = [1 2 3]", "a = 'x\\'",
	}
	for _, src := range tests {
		_ = TOMLPositions([]byte(src), 1) // must not panic or hang
	}
	got := TOMLPositions([]byte("x = [1 2]\ny = 2\n"), 1)
	if got["y"] != (Position{2, 1}) {
		t.Errorf("after a bad line, y at %v, want 2:1", got["y"])
	}
}
