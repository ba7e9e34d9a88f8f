package layout

import "fmt"

// safeFunc marks text as trusted content of one html/template kind
// (template.HTML, CSS, URL, HTMLAttr), so it is printed without escaping.
// Only use it on text the site itself wrote.
func safeFunc[T ~string](name string) func(any) (T, error) {
	return func(v any) (T, error) {
		s, err := toString(v)
		if err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		return T(s), nil
	}
}
