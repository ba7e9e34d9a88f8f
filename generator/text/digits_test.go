package text

import "testing"

func TestGroupDigits(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"0", "0"}, {"12", "12"}, {"123", "123"}, {"1234", "1,234"},
		{"1234567", "1,234,567"}, {"-1234567.50", "-1,234,567.50"},
		{"123456.789", "123,456.789"}, {"-12", "-12"}, {"-0.00", "-0.00"},
	} {
		if got := GroupDigits(tt.in); got != tt.want {
			t.Errorf("GroupDigits(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
