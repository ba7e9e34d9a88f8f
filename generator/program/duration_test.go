package program

import "testing"

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr bool
	}{
		{"90m", 90, false},
		{"1h30m", 90, false},
		{"1h 30m", 90, false},
		{"2h", 120, false},
		{"1.5h", 90, false},
		{"0.1h", 6, false},
		{" 45m ", 45, false},
		{"", 0, true},
		{"90", 0, true},
		{"ninety", 0, true},
		{"30m1h", 0, true},
		{"1h1h", 0, true},
		{"1.5m", 0, true},
		{"0m", 0, true},
		{"2d", 0, true},
		{"1..5h", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseDuration(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
