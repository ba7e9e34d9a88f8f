package content

import (
	"unicode"

	"github.com/sineng/sineng/generator/frontmatter"
)

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func emptyMatter() frontmatter.Matter { return frontmatter.Matter{Data: map[string]any{}} }
