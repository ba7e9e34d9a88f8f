package leak

// digitGroup is one run of ASCII digits in a chain of runs joined by single
// spaces or hyphens.
type digitGroup struct {
	start, end int  // byte span of the run
	sep        byte // the separator before the run; 0 for the first of a chain
}

func (g digitGroup) len() int { return g.end - g.start }

func isDigit(b byte) bool       { return b-'0' < 10 }
func isASCIILetter(b byte) bool { b |= 0x20; return b >= 'a' && b <= 'z' }
func isAlnum(b byte) bool       { return isDigit(b) || isASCIILetter(b) }
func isSep(b byte) bool         { return b == ' ' || b == '-' }

// scanDigits appends a hit for every ID number, mobile number and bank card
// in data. It reads each byte once to split the digits into chains and then
// matches the forms of each chain.
func scanDigits(data []byte, hits []hit) []hit {
	var buf [8]digitGroup
	n := len(data)
	for i := 0; i < n; {
		if !isDigit(data[i]) {
			i++
			continue
		}
		chain := buf[:0]
		var sep byte
		for p := i; ; {
			e := p + 1
			for e < n && isDigit(data[e]) {
				e++
			}
			chain = append(chain, digitGroup{start: p, end: e, sep: sep})
			if e+1 < n && isSep(data[e]) && isDigit(data[e+1]) {
				sep, p = data[e], e+1
				continue
			}
			i = e
			break
		}
		if mayMatch(chain) {
			hits = matchChain(data, chain, hits)
		}
	}
	return hits
}

// mayMatch is a quick test that rules out most chains (dates, prices, CSS
// lengths) before the forms are tried: every form has a run of 11 or more
// digits, or three groups shaped 3-4-4 or 4-4-4.
func mayMatch(g []digitGroup) bool {
	for i := range g {
		l := g[i].len()
		if l >= 11 {
			return true
		}
		if (l == 3 || l == 4) && i+2 < len(g) && g[i+1].len() == 4 && g[i+2].len() == 4 {
			return true
		}
	}
	return false
}

// chain holds one chain of digit groups with the verdict on its two ends.
type chain struct {
	data    []byte
	g       []digitGroup
	leftOK  bool // the first group may start a number
	rightOK bool // the last group may end a number
}

// matchChain appends the hits found in one chain, trying at each group the
// longest forms first and moving past the groups a hit used.
func matchChain(data []byte, g []digitGroup, hits []hit) []hit {
	c := chain{data: data, g: g, leftOK: true, rightOK: true}
	if s := g[0].start; s > 0 {
		b := data[s-1]
		c.leftOK = !isASCIILetter(b) && !(b == '.' && s > 1 && isDigit(data[s-2]))
	}
	if e := g[len(g)-1].end; e < len(data) {
		b := data[e]
		c.rightOK = !isASCIILetter(b) && !(b == '.' && e+1 < len(data) && isDigit(data[e+1]))
	}
	for i := 0; i < len(g); {
		h, used := c.matchAt(i)
		if used == 0 {
			i++
			continue
		}
		hits = append(hits, h)
		i += used
	}
	return hits
}

// matchAt tries every form starting at group i and returns the hit and the
// number of groups it used, or 0 groups when nothing matched.
func (c *chain) matchAt(i int) (hit, int) {
	if h, k := c.prefixedMobile(i); k > 0 {
		return h, k
	}
	if h, k := c.groupedCard(i); k > 0 {
		return h, k
	}
	if h, k := c.groupedMobile(i); k > 0 {
		return h, k
	}
	if h, ok := c.single(i); ok {
		return h, 1
	}
	return hit{}, 0
}

// leftBounded reports whether a match may begin at group i: at the start of
// the chain the chain's own verdict applies; inside it, a neighbour joined by
// sep (the separator the match itself uses there) makes the match part of a
// longer grouped number. A sep of 0 ignores the neighbour.
func (c *chain) leftBounded(i int, sep byte) bool {
	if i == 0 {
		return c.leftOK
	}
	return sep == 0 || c.g[i].sep != sep
}

// rightBounded is leftBounded for a match ending at group j.
func (c *chain) rightBounded(j int, sep byte) bool {
	if j == len(c.g)-1 {
		return c.rightOK
	}
	return sep == 0 || c.g[j+1].sep != sep
}

// text returns the digits of group i.
func (c *chain) text(i int) []byte { return c.data[c.g[i].start:c.g[i].end] }

// plusStart returns where a match beginning at group i starts: on a '+'
// directly before the chain, or at the group.
func (c *chain) plusStart(i int) int {
	s := c.g[i].start
	if i == 0 && s > 0 && c.data[s-1] == '+' {
		return s - 1
	}
	return s
}

// prefixedMobile matches 86 or 0086 (optionally after '+') as its own
// group, then a mobile number as one run or as 3-4-4 groups.
func (c *chain) prefixedMobile(i int) (hit, int) {
	g := c.g
	if i+1 >= len(g) {
		return hit{}, 0
	}
	if p := string(c.text(i)); p != "86" && p != "0086" {
		return hit{}, 0
	}
	for _, k := range [2]int{4, 2} {
		j := i + k - 1
		if j >= len(g) {
			continue
		}
		var ok bool
		if k == 2 {
			ok = isMobile(c.text(j))
		} else {
			ok = isMobile3_4_4(c, i+1) && g[i+2].sep == g[i+3].sep
		}
		if ok && c.leftBounded(i, g[i+1].sep) && c.rightBounded(j, g[j].sep) {
			return hit{kind: KindMobile, start: c.plusStart(i), end: g[j].end}, k
		}
	}
	return hit{}, 0
}

// isMobile3_4_4 reports whether groups i, i+1, i+2 read as a 3-4-4 mobile
// number (separators not compared).
func isMobile3_4_4(c *chain, i int) bool {
	g := c.g
	if i+2 >= len(g) || g[i].len() != 3 || g[i+1].len() != 4 || g[i+2].len() != 4 {
		return false
	}
	d := c.text(i)
	return d[0] == '1' && d[1] >= '3' && d[1] <= '9'
}

// groupedMobile matches a 3-4-4 mobile number joined by one separator.
func (c *chain) groupedMobile(i int) (hit, int) {
	g := c.g
	if !isMobile3_4_4(c, i) || g[i+1].sep != g[i+2].sep {
		return hit{}, 0
	}
	if sep := g[i+1].sep; !c.leftBounded(i, sep) || !c.rightBounded(i+2, sep) {
		return hit{}, 0
	}
	return hit{kind: KindMobile, start: g[i].start, end: g[i+2].end}, 3
}

// groupedCard matches four groups of four digits, and an optional last group
// of one to three, joined by one separator, passing the card checks.
func (c *chain) groupedCard(i int) (hit, int) {
	g := c.g
	if i+3 >= len(g) {
		return hit{}, 0
	}
	sep := g[i+1].sep
	for k := i; k <= i+3; k++ {
		if g[k].len() != 4 || (k > i && g[k].sep != sep) {
			return hit{}, 0
		}
	}
	j := i + 3
	if j+1 < len(g) && g[j+1].sep == sep {
		if l := g[j+1].len(); l > 3 {
			return hit{}, 0
		}
		j++
	}
	if !c.leftBounded(i, sep) || !c.rightBounded(j, sep) {
		return hit{}, 0
	}
	var digits [19]byte
	n := 0
	for k := i; k <= j; k++ {
		n += copy(digits[n:], c.text(k))
	}
	if !isCard(digits[:n]) {
		return hit{}, 0
	}
	return hit{kind: KindBankCard, start: g[i].start, end: g[j].end}, j - i + 1
}

// single matches group i as one run: an ID number (with a trailing X/x
// check character), a card, a mobile number with or without a 86/0086 prefix.
func (c *chain) single(i int) (hit, bool) {
	g := c.g[i]
	d := c.text(i)
	last := i == len(c.g)-1
	if i == 0 && !c.leftOK {
		return hit{}, false
	}
	if last && !c.rightOK {
		// The one letter allowed after a run is the X of an ID number.
		e := g.end
		if g.len() == 17 && (c.data[e]|0x20) == 'x' && (e+1 == len(c.data) || !isAlnum(c.data[e+1])) &&
			isIDNumber(c.data[g.start:e+1]) {
			return hit{kind: KindIDNumber, start: g.start, end: e + 1}, true
		}
		return hit{}, false
	}
	switch n := len(d); {
	case n == 18 && isIDNumber(d):
		return hit{kind: KindIDNumber, start: g.start, end: g.end}, true
	case n >= 16 && n <= 19 && isCard(d):
		return hit{kind: KindBankCard, start: g.start, end: g.end}, true
	case n == 11 && isMobile(d),
		n == 13 && string(d[:2]) == "86" && isMobile(d[2:]),
		n == 15 && string(d[:4]) == "0086" && isMobile(d[4:]):
		start := g.start
		if n > 11 {
			start = c.plusStart(i)
		}
		return hit{kind: KindMobile, start: start, end: g.end}, true
	}
	return hit{}, false
}

// isMobile reports whether d, eleven digits, is a mainland mobile number.
func isMobile(d []byte) bool {
	return len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9'
}

// isIDNumber reports whether b, 17 digits and a check character, is a
// resident ID number: region code starting 1–9, a real birth date from 1900
// to 2100 and the GB 11643 check character.
func isIDNumber(b []byte) bool {
	if len(b) != 18 || b[0] == '0' {
		return false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for k, w := range weights {
		if !isDigit(b[k]) {
			return false
		}
		sum += int(b[k]-'0') * w
	}
	check := b[17]
	if check == 'x' {
		check = 'X'
	}
	if "10X98765432"[sum%11] != check {
		return false
	}
	year := atoi(b[6:10])
	month := atoi(b[10:12])
	day := atoi(b[12:14])
	return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 &&
		day >= 1 && day <= daysIn(year, month)
}

// atoi reads a short run of ASCII digits.
func atoi(d []byte) int {
	n := 0
	for _, b := range d {
		n = n*10 + int(b-'0')
	}
	return n
}

// daysIn returns the number of days of a month in the Gregorian calendar.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// isCard reports whether d, 16 to 19 digits, is a bank card number: a first
// digit from 3 to 6 and a passing Luhn check.
func isCard(d []byte) bool {
	if len(d) < 16 || len(d) > 19 || d[0] < '3' || d[0] > '6' {
		return false
	}
	return luhn(d)
}

// luhn reports whether the digits d pass the Luhn check.
func luhn(d []byte) bool {
	sum := 0
	double := false
	for k := len(d) - 1; k >= 0; k-- {
		v := int(d[k] - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}
