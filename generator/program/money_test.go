package program

import "testing"

func TestMoneyString(t *testing.T) {
	tests := []struct {
		m    Money
		want string
	}{
		{0, "0.00"},
		{5, "0.05"},
		{-350, "-3.50"},
		{99999, "999.99"},
		{100000, "1,000.00"},
		{1234500, "12,345.00"},
		{123456789012, "1,234,567,890.12"},
		{-100000000, "-1,000,000.00"},
	}
	for _, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("Money(%d).String() = %q, want %q", int64(tt.m), got, tt.want)
		}
	}
}

func TestMoneyFromFloat(t *testing.T) {
	tests := []struct {
		in      float64
		want    Money
		wantErr bool
	}{
		{12.5, 1250, false},
		{0.1, 10, false},
		{99.99, 9999, false},
		{1234.56, 123456, false},
		{10.125, 0, true},
		{1e300, 0, true},
	}
	for _, tt := range tests {
		got, err := moneyFromFloat(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("moneyFromFloat(%v) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestMoneyTimes(t *testing.T) {
	tests := []struct {
		unit Money
		q    float64
		want Money
	}{
		{9999, 3, 29997},
		{1250, 20, 25000},
		{333, 0.5, 167}, // 1.665 rounds half away from zero to 1.67
		{100, 0, 0},
	}
	for _, tt := range tests {
		if got := tt.unit.times(tt.q); got != tt.want {
			t.Errorf("%d × %v = %d, want %d", tt.unit, tt.q, got, tt.want)
		}
	}
}
