package leak

import (
	"fmt"
	"strings"
	"testing"
)

// idNumber completes 17 digits with their GB 11643 check character.
func idNumber(t testing.TB, first17 string) string {
	t.Helper()
	if len(first17) != 17 {
		t.Fatalf("idNumber: %q is not 17 digits", first17)
	}
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(first17[i]-'0') * w
	}
	return first17 + string("10X98765432"[sum%11])
}

// idNumberEnding returns a valid ID number for the given region and birth
// date whose check character is check, by trying sequence numbers.
func idNumberEnding(t testing.TB, region, birth string, check byte) string {
	t.Helper()
	for seq := 0; seq < 1000; seq++ {
		id := idNumber(t, fmt.Sprintf("%s%s%03d", region, birth, seq))
		if id[17] == check {
			return id
		}
	}
	t.Fatalf("no ID number ends in %c", check)
	return ""
}

// cardNumber completes a number with its Luhn check digit.
func cardNumber(t testing.TB, body string) string {
	t.Helper()
	for d := byte('0'); d <= '9'; d++ {
		if n := body + string(d); luhnOK(n) {
			return n
		}
	}
	t.Fatalf("no Luhn digit for %s", body)
	return ""
}

// luhnOK is an independent Luhn check for building fixtures.
func luhnOK(n string) bool {
	sum := 0
	for i := 0; i < len(n); i++ {
		d := int(n[len(n)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// group writes digits in groups of four joined by sep.
func group(digits, sep string) string {
	var parts []string
	for len(digits) > 4 {
		parts = append(parts, digits[:4])
		digits = digits[4:]
	}
	return strings.Join(append(parts, digits), sep)
}

// brief renders findings as "kind@offset" words for compact assertions.
func brief(fs []Finding) string {
	words := make([]string, len(fs))
	for i, f := range fs {
		words[i] = fmt.Sprintf("%s@%d", f.Kind, f.Offset)
	}
	return strings.Join(words, " ")
}

// scanCase is one row of a detection table.
type scanCase struct {
	name string
	in   string
	want string // brief of the findings
}

// runScanCases scans every case with s and compares the brief.
func runScanCases(t *testing.T, s *Scanner, cases []scanCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := brief(s.Scan([]byte(c.in))); got != c.want {
				t.Errorf("Scan(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}
