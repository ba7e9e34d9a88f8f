// Package themes holds the themes built into the sineng binary.
//
// A theme is a folder with layouts/ (templates), assets/ (files the build
// fingerprints, such as assets/css/style.css), static/ (files copied as
// they are) and i18n/ (one <lang>.toml of theme strings per language). The
// files are embedded read-only, so the package is safe for concurrent use.
package themes

import (
	"embed"
	"io/fs"
)

// files holds every theme folder; all: keeps files whose names start with
// "." or "_", such as layouts/_default.
//
//go:embed all:default
var files embed.FS

// Default returns the default theme, rooted at its folder: it holds
// layouts/, assets/, static/ and i18n/.
func Default() fs.FS {
	sub, err := fs.Sub(files, "default")
	if err != nil {
		// fs.Sub fails only for an invalid path, and "default" is valid.
		panic("themes: " + err.Error())
	}
	return sub
}
