package leak

// mask hides most of a matched text so a report does not republish it. A
// roster name keeps its first character and gets one asterisk. Anything else
// keeps its first three and last two characters around eight asterisks, so
// the length is hidden too; text shorter than ten characters (a short e-mail
// address) keeps only its first and last character, and text of two or fewer
// only its first.
func mask(kind Kind, text string) string {
	runes := []rune(text)
	n := len(runes)
	switch {
	case n == 0:
		return "*"
	case kind == KindRosterName || n <= 2:
		return string(runes[0]) + "*"
	case n < 10:
		return string(runes[0]) + "********" + string(runes[n-1])
	}
	return string(runes[:3]) + "********" + string(runes[n-2:])
}
