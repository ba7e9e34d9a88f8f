package watch

import (
	"path/filepath"
	"slices"
	"strings"
)

// ConfigFile is the name of the site's config file, at the site's root.
const ConfigFile = "site.toml"

// Changes says what one batch of changed paths touched. Every list holds
// slash paths relative to the site's root, sorted and without duplicates;
// Ignored also holds paths outside the root as they were given.
type Changes struct {
	Config    bool     // site.toml (or the site folder itself) changed
	Templates []string // layouts/, i18n/, and every theme file but its static/ and assets/
	Content   []string // content/
	Static    []string // static/ and themes/<name>/static/
	Data      []string // data/
	Assets    []string // assets/ and themes/<name>/assets/
	Ignored   []string // editor temp and swap files, hidden folders the build skips, other folders
}

// Empty reports whether the batch touched nothing a build reads.
func (c Changes) Empty() bool {
	return !c.Config && len(c.Templates)+len(c.Content)+len(c.Static)+len(c.Data)+len(c.Assets) == 0
}

// StylesOnly reports whether every change the batch made is to a .css file
// under assets/ or static/ (a theme's included), and there is at least one:
// the only case where the dev server may swap stylesheets in open pages
// instead of reloading them.
func (c Changes) StylesOnly() bool {
	if c.Config || len(c.Templates)+len(c.Content)+len(c.Data) > 0 {
		return false
	}
	n := 0
	for _, list := range [][]string{c.Static, c.Assets} {
		for _, p := range list {
			if !strings.HasSuffix(p, ".css") {
				return false
			}
			n++
		}
	}
	return n > 0
}

// kind is where a path belongs.
type kind int

const (
	kindIgnored kind = iota
	kindConfig
	kindTemplates
	kindContent
	kindStatic
	kindData
	kindAssets
)

// Classify says what the changed paths touched. Paths may be absolute or
// relative to root; root should be absolute and clean. Classify reads
// nothing from disk: a path that no longer exists is classified by its name
// like any other, so deletions and renames count where they happened.
func Classify(root string, paths []string) Changes {
	var c Changes
	for _, p := range paths {
		rel, ok := relative(root, p)
		if !ok {
			c.Ignored = append(c.Ignored, p)
			continue
		}
		switch classifyRel(rel) {
		case kindConfig:
			c.Config = true
		case kindTemplates:
			c.Templates = append(c.Templates, rel)
		case kindContent:
			c.Content = append(c.Content, rel)
		case kindStatic:
			c.Static = append(c.Static, rel)
		case kindData:
			c.Data = append(c.Data, rel)
		case kindAssets:
			c.Assets = append(c.Assets, rel)
		default:
			c.Ignored = append(c.Ignored, rel)
		}
	}
	for _, list := range []*[]string{&c.Templates, &c.Content, &c.Static, &c.Data, &c.Assets, &c.Ignored} {
		*list = sortedUnique(*list)
	}
	return c
}

// relative returns p as a clean slash path relative to root, and false
// when p lies outside root.
func relative(root, p string) (string, bool) {
	if !filepath.IsAbs(p) {
		p = filepath.Join(root, p)
	}
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false
	}
	return rel, true
}

// classifyRel classifies a clean slash path relative to the site's root.
func classifyRel(rel string) kind {
	if rel == "." || rel == ConfigFile {
		return kindConfig
	}
	segs := strings.Split(rel, "/")
	if !SourceFolder(segs[0]) {
		return kindIgnored
	}
	if IgnoredPath(rel) {
		return kindIgnored
	}
	switch segs[0] {
	case "content":
		return kindContent
	case "layouts", "i18n":
		return kindTemplates
	case "static":
		return kindStatic
	case "data":
		return kindData
	case "assets":
		return kindAssets
	}
	// themes/<name>/<part>/...
	if len(segs) >= 3 {
		switch segs[2] {
		case "static":
			return kindStatic
		case "assets":
			return kindAssets
		}
	}
	return kindTemplates
}

// SourceFolder reports whether name is one of the top-level folders of a
// site that a build reads.
func SourceFolder(name string) bool {
	folders := sourceFolders()
	return slices.Contains(folders[:], name)
}

// sourceFolders lists the top-level folders a build reads.
func sourceFolders() [7]string {
	return [...]string{"content", "layouts", "themes", "static", "data", "i18n", "assets"}
}

// IgnoredPath reports whether a change at rel (a slash path relative to the
// site's root) never matters: a segment is an editor or system file
// (IgnoredName), a staging folder of a build, or a hidden file or folder
// outside the static trees (the build skips those; static/ and
// themes/<name>/static/ are copied whole, hidden files included, so there
// only the editor patterns are ignored).
func IgnoredPath(rel string) bool {
	segs := strings.Split(rel, "/")
	inStatic := segs[0] == "static" || (segs[0] == "themes" && len(segs) >= 3 && segs[2] == "static")
	for _, s := range segs {
		if IgnoredName(s) || stagingName(s) {
			return true
		}
		if !inStatic && strings.HasPrefix(s, ".") && s != "." {
			return true
		}
	}
	return false
}

// IgnoredName reports whether a file or folder name is an editor's
// temporary, swap, backup or lock file, or a desktop system file: vim's
// .swp/.swo/.swx and 4913, backups ending in ~, Emacs' #autosave# and .#lock
// files, JetBrains' ___jb_tmp___ and ___jb_old___, *.tmp, .DS_Store and
// Thumbs.db.
func IgnoredName(name string) bool {
	switch {
	case name == "4913", name == ".DS_Store", name == "Thumbs.db":
		return true
	case strings.HasSuffix(name, "~"), strings.HasPrefix(name, ".#"):
		return true
	case len(name) >= 2 && name[0] == '#' && name[len(name)-1] == '#':
		return true
	}
	for _, suf := range []string{".swp", ".swo", ".swx", ".tmp", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return false
}

// stagingName reports a build's own folders beside its output folder:
// ".<base>.sineng-<random>" and ".<base>.sineng-old-<random>", and the
// ".<name>.sineng-tmp" files of in-place writes.
func stagingName(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, ".sineng-")
}

// sortedUnique sorts list in place and drops repeats.
func sortedUnique(list []string) []string {
	slices.Sort(list)
	return slices.Compact(list)
}
