package leak

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func TestMask(t *testing.T) {
	id := idNumber(t, "11010519491231002")
	for _, c := range []struct {
		kind Kind
		in   string
		want string
	}{
		{KindIDNumber, "110105194912310023", "110********23"},
		{KindIDNumber, id, "110********2X"},
		{KindMobile, "13800138000", "138********00"},
		{KindMobile, "+86 138 0013 8000", "+86********00"},
		{KindEmail, "jane.doe@example.org", "jan********rg"},
		{KindEmail, "a@b.org", "a********g"},
		{KindRosterName, "张三", "张*"},
		{KindRosterName, "Ann Lee", "A*"},
		{KindEmail, "ab", "a*"},
		{KindEmail, "", "*"},
	} {
		if got := mask(c.kind, c.in); got != c.want {
			t.Errorf("mask(%s, %q) = %q, want %q", c.kind, c.in, got, c.want)
		}
	}
}

func TestScanMatchIsMasked(t *testing.T) {
	id := idNumberEnding(t, "440305", "19900307", '7')
	s := NewScanner(Rules{Roster: []string{"张三"}})
	got := s.Scan([]byte("张三 " + id + " mailto:jane%40example.org"))
	want := []string{"张*", id[:3] + "********" + id[16:], "jan********rg"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, f := range got {
		if f.Match != want[i] {
			t.Errorf("finding %d: Match %q, want %q", i, f.Match, want[i])
		}
		if strings.Contains(f.Match, id[3:16]) {
			t.Errorf("finding %d shows the unmasked number", i)
		}
	}
}

func TestScanPositions(t *testing.T) {
	in := "first line\n  13800138000\r\n张三 x@example.org\n\n<p>6222020012345671</p>"
	s := NewScanner(Rules{Roster: []string{"张三"}})
	got := s.Scan([]byte(in))
	want := []Finding{
		{Kind: KindMobile, Match: "138********00", Offset: 13, Line: 2, Col: 3},
		{Kind: KindRosterName, Match: "张*", Offset: 26, Line: 3, Col: 1},
		{Kind: KindEmail, Match: "x@e********rg", Offset: 33, Line: 3, Col: 8},
		{Kind: KindBankCard, Match: "622********71", Offset: 51, Line: 5, Col: 4},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Scan positions\n got %+v\nwant %+v", got, want)
	}
}

func TestScanNothing(t *testing.T) {
	s := NewScanner(Rules{Roster: []string{"张三"}})
	for _, in := range []string{"", "2024-05-01 共 12 人参加，预算 3,500 元。", "<p style=\"margin:0 12px\">Hello</p>"} {
		if got := s.Scan([]byte(in)); got != nil {
			t.Errorf("Scan(%q) = %v, want nil", in, got)
		}
	}
}

func TestScanConcurrent(t *testing.T) {
	s := NewScanner(Rules{Roster: []string{"张三", "Ann Lee"}, AllowEmails: []string{"@site.org"}})
	inputs := make([][]byte, 32)
	want := make([][]Finding, len(inputs))
	for i := range inputs {
		id := idNumber(t, fmt.Sprintf("440305199003%02d%03d", i%28+1, i))
		inputs[i] = fmt.Appendf(nil, "第%d页 张三 %s 1380013%04d a%d@example.org team@site.org Ann Lee", i, id, i, i)
		want[i] = s.Scan(inputs[i])
		if len(want[i]) != 5 {
			t.Fatalf("input %d: %d findings, want 5: %v", i, len(want[i]), want[i])
		}
	}
	got := make([][]Finding, len(inputs))
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := w; i < len(inputs); i += 8 {
				for range 20 {
					got[i] = s.Scan(inputs[i])
				}
			}
		})
	}
	wg.Wait()
	if !reflect.DeepEqual(got, want) {
		t.Error("concurrent scans differ from sequential ones")
	}
}
