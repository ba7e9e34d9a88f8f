package leak

import "testing"

func TestRosterNames(t *testing.T) {
	s := NewScanner(Rules{Roster: []string{"张三", "李小明", " Ann Lee ", "Bo", "José", "王小", "小明", "张三丰", ""}})
	runScanCases(t, s, []scanCase{
		{"CJK substring", "张三来了", "roster-name@0"},
		{"CJK inside a sentence", "参与者：李小明、张三", "roster-name@12 roster-name@15 roster-name@24"},
		{"longest name at one offset", "张三丰", "roster-name@0"},
		{"overlapping names", "王小明", "roster-name@0 roster-name@3"},
		{"Latin exact", "Ann Lee spoke", "roster-name@0"},
		{"Latin lower case", "ann lee spoke", "roster-name@0"},
		{"Latin upper case", "ANN LEE", "roster-name@0"},
		{"Latin wrapped across lines", "met Ann\nLee", "roster-name@4"},
		{"Latin between CJK characters", "和Ann Lee一起", "roster-name@3"},
		{"Latin in HTML", "<b>Bo</b>", "roster-name@3"},
		{"Latin before punctuation", "Bo, and Bo.", "roster-name@0 roster-name@8"},
		{"accented name", "José y JOSÉ y josé", "roster-name@0 roster-name@8 roster-name@16"},

		{"substring of a longer Latin word", "Bob and Bonnie", ""},
		{"Latin prefix", "Ann Leeds", ""},
		{"Latin word ending in the name", "Jambo", ""},
		{"digit after", "Bo2", ""},
		{"underscore", "Bo_x", ""},
		{"accented letter after", "Boé", ""},
		{"combining mark after", "Jose\u0301", ""},
		{"two spaces", "Ann  Lee", ""},
		{"different CJK name", "张四和李小", ""},
	})
}

func TestRosterEmpty(t *testing.T) {
	if s := NewScanner(Rules{Roster: []string{"", "  "}}); s.roster != nil {
		t.Error("blank roster names built a matcher")
	}
	if got := NewScanner(Rules{}).Scan([]byte("张三 Ann")); got != nil {
		t.Errorf("scan without a roster found %v", got)
	}
}

func TestRosterManyNames(t *testing.T) {
	// Hundreds of names share prefixes and suffixes; every one must still be found.
	var names []string
	surnames := "王李张刘陈杨黄赵吴周"
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平")
	for _, a := range surnames {
		for _, b := range given {
			for _, c := range given[:3] {
				names = append(names, string([]rune{a, b, c}))
			}
		}
	}
	s := NewScanner(Rules{Roster: names})
	for _, name := range names {
		got := s.Scan([]byte("你好" + name + "！"))
		if len(got) != 1 || got[0].Offset != 6 {
			t.Fatalf("name %s: got %v", name, got)
		}
	}
}

// TestRosterNamesInEncodedURLs checks that a roster name written
// percent-encoded in a URL (a link's destination is printed so), or with
// + for its space in a query that holds an escape, is found, at the start
// of the run of URL characters that holds it.
func TestRosterNamesInEncodedURLs(t *testing.T) {
	s := NewScanner(Rules{Roster: []string{"王秀英", "Wang Fang"}})
	runScanCases(t, s, []scanCase{
		{"CJK path", `<a href="https://example.com/people/%E7%8E%8B%E7%A7%80%E8%8B%B1">x</a>`, "roster-name@36"},
		{"Latin query with %20", `<a href="/search/?q=Wang%20Fang">`, "roster-name@20"},
		{"Latin query with + beside an escape", `<a href="/s/?q=Wang+Fang%21&x=1">`, "roster-name@15"},
		{"other encoded text", `<a href="/tags/%E7%A4%BE%E5%8C%BA/">`, ""},
		{"no escape", `Wang-Fang`, ""},
	})
}
