package text

import "strings"

// GroupDigits puts "," between groups of three digits in the whole part of
// a decimal number written as strconv writes it ("-1234567.50" gives
// "-1,234,567.50"); the sign and the fraction are kept as they are.
func GroupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.Grow(len(sign) + len(s) + len(whole)/3)
	b.WriteString(sign)
	for i := 0; i < len(whole); i++ {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[i])
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
