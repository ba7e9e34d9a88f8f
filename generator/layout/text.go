package layout

import (
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sineng/sineng/generator/text"
)

// stringFunc adapts a string → string function to any template text value.
func stringFunc(name string, f func(string) string) func(any) (string, error) {
	return func(v any) (string, error) {
		s, err := toString(v)
		if err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		return f(s), nil
	}
}

// title upper-cases the first letter of every word and leaves the other
// letters alone, so "NGO" and CJK text are kept as written.
func title(s string) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		if start && unicode.IsLetter(r) {
			b.WriteRune(unicode.ToTitle(r))
		} else {
			b.WriteRune(r)
		}
		start = unicode.IsSpace(r) || r == '-' || r == '_' || r == '/' || r == '('
	}
	return b.String()
}

// urlize makes a URL path segment from text: lower case, white space runs
// and "-", "_", "/" become one "-", letters (CJK included), digits and marks
// are kept, other punctuation is dropped, and "-" never starts or ends it.
func urlize(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '/' || r == '.':
			dash = true
		}
	}
	return b.String()
}

// plainify removes HTML tags and comments, decodes entities (so the text is
// escaped exactly once when it is printed) and collapses white space.
func plainify(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '<' && i+1 < len(s) {
			next := s[i+1]
			if strings.HasPrefix(s[i:], "<!--") {
				end := strings.Index(s[i+4:], "-->")
				if end < 0 {
					break
				}
				i += 4 + end + 3
				b.WriteByte(' ')
				continue
			}
			if next == '/' || next == '!' || next == '?' || isASCIILetter(next) {
				end := strings.IndexByte(s[i:], '>')
				if end < 0 {
					break
				}
				i += end + 1
				b.WriteByte(' ')
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return collapseSpace(html.UnescapeString(b.String()))
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// collapseSpace trims s and turns every run of white space into one space;
// a run between two CJK characters (left by a removed tag or a line break)
// is dropped instead, since Chinese puts no space between words.
func collapseSpace(s string) string {
	var b strings.Builder
	var prev rune
	pending := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			pending = b.Len() > 0
			continue
		}
		if pending && !(isCJK(prev) && isCJK(r)) {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// isCJK reports whether r is a Han, Hiragana, Katakana or Hangul letter
// (text.IsCJK), or CJK punctuation and full-width forms.
func isCJK(r rune) bool {
	return text.IsCJK(r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// truncate is the "truncate" template function: truncate N [ELLIPSIS] TEXT.
// It keeps at most N characters (runes, so CJK text is never cut inside a
// character), backs off to the last space when the cut would split a Latin
// word, and appends the ellipsis ("…" unless given).
func truncate(n any, args ...any) (string, error) {
	size, err := toInt(n)
	if err != nil || size < 0 {
		return "", fmt.Errorf("truncate: length must be a whole number ≥ 0, got %v", n)
	}
	ellipsis := "…"
	var arg any
	switch len(args) {
	case 1:
		arg = args[0]
	case 2:
		if ellipsis, err = toString(args[0]); err != nil {
			return "", fmt.Errorf("truncate: %w", err)
		}
		arg = args[1]
	default:
		return "", fmt.Errorf("truncate: want truncate LENGTH [ELLIPSIS] TEXT, got %d arguments after the length", len(args))
	}
	s, err := toString(arg)
	if err != nil {
		return "", fmt.Errorf("truncate: %w", err)
	}
	if utf8.RuneCountInString(s) <= size {
		return s, nil
	}
	runes := []rune(s)
	cut := runes[:size]
	if size > 0 && isWordRune(runes[size-1]) && isWordRune(runes[size]) {
		for i := len(cut) - 1; i > 0; i-- {
			if unicode.IsSpace(cut[i]) {
				cut = cut[:i]
				break
			}
		}
	}
	return strings.TrimRightFunc(string(cut), unicode.IsSpace) + ellipsis, nil
}

// isWordRune reports whether r belongs to a space-separated word (Latin,
// Cyrillic, digits...), where a cut in the middle would split the word.
func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isCJK(r)
}

// jsonify encodes v as JSON that is safe inside a <script> element (HTML
// special characters escaped), with map keys sorted.
func jsonify(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("jsonify: %w", err)
	}
	return template.JS(b), nil
}

// split cuts text at every sep.
func split(v any, sep string) ([]string, error) {
	s, err := toString(v)
	if err != nil {
		return nil, fmt.Errorf("split: %w", err)
	}
	if s == "" {
		return []string{}, nil
	}
	return strings.Split(s, sep), nil
}

// replace replaces every old in text with new.
func replace(v any, old, new string) (string, error) {
	s, err := toString(v)
	if err != nil {
		return "", fmt.Errorf("replace: %w", err)
	}
	return strings.ReplaceAll(s, old, new), nil
}

// contains reports whether sub is within text.
func contains(v, sub any) (bool, error) {
	s, err := toString(v)
	if err != nil {
		return false, fmt.Errorf("contains: %w", err)
	}
	t, err := toString(sub)
	if err != nil {
		return false, fmt.Errorf("contains: %w", err)
	}
	return strings.Contains(s, t), nil
}

// hasPrefix reports whether text starts with prefix.
func hasPrefix(v, prefix any) (bool, error) {
	s, err := toString(v)
	if err != nil {
		return false, fmt.Errorf("hasPrefix: %w", err)
	}
	p, err := toString(prefix)
	if err != nil {
		return false, fmt.Errorf("hasPrefix: %w", err)
	}
	return strings.HasPrefix(s, p), nil
}
