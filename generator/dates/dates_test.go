package dates

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	utc := func(y int, m time.Month, d, h, mi, s int) time.Time { return time.Date(y, m, d, h, mi, s, 0, time.UTC) }
	tests := []struct {
		in   any
		want time.Time
		ok   bool
	}{
		{"2025-03-08", utc(2025, 3, 8, 0, 0, 0), true},
		{" 2025-03-08 ", utc(2025, 3, 8, 0, 0, 0), true},
		{"2025-03-08 09:30", utc(2025, 3, 8, 9, 30, 0), true},
		{"2025-03-08 09:30:15", utc(2025, 3, 8, 9, 30, 15), true},
		{"2025-03-08T09:30:15", utc(2025, 3, 8, 9, 30, 15), true},
		{"2025-03-08T09:30:15Z", utc(2025, 3, 8, 9, 30, 15), true},
		{"2025-03-08T09:30:15.25+08:00", time.Date(2025, 3, 8, 9, 30, 15, 25e7, time.FixedZone("", 8*3600)), true},
		{time.Date(2025, 3, 8, 9, 30, 0, 0, time.FixedZone("date-local", 8*3600)), utc(2025, 3, 8, 9, 30, 0), true},
		{time.Date(2025, 3, 8, 9, 30, 0, 0, time.FixedZone("CST", 8*3600)), time.Date(2025, 3, 8, 9, 30, 0, 0, time.FixedZone("CST", 8*3600)), true},
		{"2025/03/08", time.Time{}, false},
		{"", time.Time{}, false},
		{"08-03-2025", time.Time{}, false},
		{20250308, time.Time{}, false},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("Parse(%#v): error %v, want ok=%v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && !got.Equal(tt.want) {
			t.Errorf("Parse(%#v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
