package render

import (
	"fmt"
	"strconv"
)

// sprintf is fmt.Sprintf(format, args...) for the theme strings' own
// verbs: when format has only %d verbs taking ints, %s verbs taking
// strings and %% escapes, one for each argument, it fills them in
// without fmt's machinery (what fmt prints for an int under %d and for a
// string under %s is exactly strconv.Itoa and the string); anything else
// goes to fmt.Sprintf.
func sprintf(format string, args []any) string {
	if s, ok := fillVerbs(format, args); ok {
		return s
	}
	return fmt.Sprintf(format, args...)
}

// fillVerbs is sprintf's fast path; ok is false when format or args are
// not of the shapes it fills in.
func fillVerbs(format string, args []any) (s string, ok bool) {
	var buf [128]byte
	out := buf[:0]
	next := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			out = append(out, c)
			continue
		}
		i++
		if i == len(format) {
			return "", false
		}
		switch format[i] {
		case '%':
			out = append(out, '%')
		case 'd':
			if next == len(args) {
				return "", false
			}
			n, isInt := args[next].(int)
			if !isInt {
				return "", false
			}
			out = strconv.AppendInt(out, int64(n), 10)
			next++
		case 's':
			if next == len(args) {
				return "", false
			}
			str, isStr := args[next].(string)
			if !isStr {
				return "", false
			}
			out = append(out, str...)
			next++
		default:
			return "", false
		}
	}
	if next != len(args) {
		return "", false
	}
	return string(out), true
}
