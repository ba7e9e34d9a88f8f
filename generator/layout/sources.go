package layout

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/sineng/sineng/generator/diag"
)

// source is one template file that takes part in the set: the site's file
// when there is one, else the theme's.
type source struct {
	rel  string // path under layouts/, e.g. "_default/single.html"; also the template's name
	file string // path shown in messages, e.g. "themes/default/layouts/_default/single.html"
	text string
}

// role says what a template file is for, from its path under layouts/.
type role int

const (
	rolePage      role = iota // a template Lookup can return
	roleBase                  // a baseof.html that page templates are applied inside
	rolePartial               // partials/**.html
	roleShortcode             // shortcodes/**.html
)

func roleOf(rel string) role {
	switch {
	case strings.HasPrefix(rel, "partials/"):
		return rolePartial
	case strings.HasPrefix(rel, "shortcodes/"):
		return roleShortcode
	case path.Base(rel) == "baseof.html":
		return roleBase
	}
	return rolePage
}

// readSources returns the effective template files, sorted by rel, with the
// site's files replacing the theme's. Read problems go to errs.
func readSources(opts Options, errs *diag.List) []source {
	byRel := map[string]source{}
	if opts.Theme != nil {
		prefix := opts.themeName() + "/layouts"
		if sub, err := fs.Sub(opts.Theme, "layouts"); err != nil {
			errs.Add(fmt.Errorf("%s: %w", prefix, err))
		} else {
			readTree(sub, prefix, byRel, errs)
		}
	}
	if opts.SiteLayouts != nil {
		readTree(opts.SiteLayouts, opts.siteName(), byRel, errs)
	}
	out := make([]source, 0, len(byRel))
	for _, s := range byRel {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out
}

// readTree adds every .html file of fsys to byRel, replacing entries with
// the same path. A missing root is an empty folder.
func readTree(fsys fs.FS, prefix string, byRel map[string]source, errs *diag.List) {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			errs.Add(&diag.Error{File: prefix + "/" + p, Err: err})
			return nil
		}
		name := d.Name()
		if p != "." && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(name, ".html") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs.Add(&diag.Error{File: prefix + "/" + p, Err: fmt.Errorf("read template: %w", err)})
			return nil
		}
		byRel[p] = source{rel: p, file: prefix + "/" + p, text: string(b)}
		return nil
	})
	if err != nil {
		errs.Add(fmt.Errorf("%s: %w", prefix, err))
	}
}

// definesOnly reports whether a template's text, after leading white space,
// template comments and HTML comments, starts with a {{ define }} action:
// such a template fills the blocks of a baseof.html instead of standing
// alone.
func definesOnly(text string) bool {
	s := text
	for {
		s = strings.TrimLeft(s, " \t\r\n\f\v\ufeff")
		switch {
		case strings.HasPrefix(s, "<!--"):
			end := strings.Index(s, "-->")
			if end < 0 {
				return false
			}
			s = s[end+len("-->"):]
		case strings.HasPrefix(s, "{{"):
			action := strings.TrimPrefix(s[2:], "-")
			action = strings.TrimLeft(action, " \t\r\n")
			if strings.HasPrefix(action, "/*") {
				end := strings.Index(action, "*/")
				if end < 0 {
					return false
				}
				rest := strings.TrimLeft(action[end+2:], " \t\r\n")
				rest = strings.TrimPrefix(rest, "-")
				if !strings.HasPrefix(rest, "}}") {
					return false
				}
				s = rest[2:]
				continue
			}
			word := action
			if i := strings.IndexAny(word, " \t\r\n"); i >= 0 {
				word = word[:i]
			}
			return word == "define"
		default:
			return false
		}
	}
}
