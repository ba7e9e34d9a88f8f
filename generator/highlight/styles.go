package highlight

//go:generate go test -run ^TestStyleTableMatchesChroma$ . -args -update

import (
	"slices"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// The highlighter needs one chroma style (and its dark counterpart) to write
// one stylesheet, but chroma's styles package parses every style it embeds
// (74 XML files) when the program starts, before main: `sineng version`
// took 17.6 ms with it and 13.0 ms without (medians of 40 runs).
// styleTable (styles_table.go) holds the same definitions as data that
// needs no start-up work, made from chroma's styles by
// TestStyleTableMatchesChroma -update; the test fails when chroma's styles
// and the table differ, so an upgrade of chroma cannot leave the table
// behind unnoticed, and cmd/sineng's TestBinaryLeavesOutSlowInits fails
// if the styles package is linked again. New builds the style it is given
// (and its counterpart) from the table's entries each time: once a build.

// styleDef is one chroma style as data: its registry key (the lowercase
// name), its name, the lowercase name of its opposite-mode counterpart, and
// its entries in token type order.
type styleDef struct {
	key, name, counterpart string
	entries                []styleEntry
}

// styleEntry is one entry of a style: a token type and chroma's description
// of how it looks ("bold #d73a49 bg:#ffffff").
type styleEntry struct {
	token chroma.TokenType
	style string
}

// findStyle returns the definition registered under key, or nil.
func findStyle(key string) *styleDef {
	i, ok := slices.BinarySearchFunc(styleTable, key, func(d styleDef, k string) int {
		return strings.Compare(d.key, k)
	})
	if !ok {
		return nil
	}
	return &styleTable[i]
}

// build makes the chroma style of d. The table's entries are chroma's own,
// checked by the test, so they always parse.
func (d *styleDef) build() *chroma.Style {
	b := chroma.NewStyleBuilder(d.name).Counterpart(d.counterpart)
	for _, e := range d.entries {
		b.Add(e.token, e.style)
	}
	s, err := b.Build()
	if err != nil {
		panic("highlight: style table entry of " + d.key + ": " + err.Error())
	}
	return s
}

// KnownStyle reports whether name (any case, spaces around it ignored)
// is a chroma style the highlighter has.
func KnownStyle(name string) bool {
	return findStyle(strings.ToLower(strings.TrimSpace(name))) != nil
}

// StyleNames returns the names of the styles, sorted.
func StyleNames() []string {
	names := make([]string, len(styleTable))
	for i, d := range styleTable {
		names[i] = d.key
	}
	return names
}

// lookupStyle returns the style called name (any case, spaces around it
// ignored), or DefaultStyle.
func lookupStyle(name string) *chroma.Style {
	if d := findStyle(strings.ToLower(strings.TrimSpace(name))); d != nil {
		return d.build()
	}
	return findStyle(DefaultStyle).build()
}

// darkStyle returns the dark counterpart of light, or darkFallback.
func darkStyle(light *chroma.Style) *chroma.Style {
	if d := findStyle(light.Counterpart); d != nil {
		if s := d.build(); s.Mode() == chroma.Dark {
			return s
		}
	}
	return findStyle(darkFallback).build()
}
