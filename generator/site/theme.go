package site

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sineng/sineng/generator/config"
	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/frontmatter"
	"github.com/sineng/sineng/generator/highlight"
	"github.com/sineng/sineng/generator/layout"
	"github.com/sineng/sineng/generator/markdown"
	"github.com/sineng/sineng/generator/render"
	"github.com/sineng/sineng/themes"
)

// theme is the resolved theme of a build: its files and its name for
// messages.
type theme struct {
	fs   fs.FS  // root of the theme: layouts/, assets/, static/, i18n/
	name string // "themes/default" for messages
	// embedded is true for the theme built into sineng.
	embedded bool
}

// resolveTheme finds the theme folder in the site, else the embedded
// default theme.
func (b *builder) resolveTheme() (*theme, error) {
	name := b.cfg.Theme
	if name == "" {
		name = "default"
	}
	dir := filepath.Join(b.opts.Source, "themes", name)
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return &theme{fs: os.DirFS(dir), name: "themes/" + name}, nil
	}
	if name == "default" {
		return &theme{fs: themes.Default(), name: "themes/default", embedded: true}, nil
	}
	line, col := b.cfg.Position("theme")
	return nil, diag.Errorf(config.FileName, line, col, "theme %q not found in themes/%s", name, name)
}

// loadTemplates parses the site's and the theme's templates once, and sets
// up Markdown with its highlighter.
func (b *builder) loadTemplates(context.Context) error {
	th, err := b.resolveTheme()
	if err != nil {
		b.errs.Add(err)
		return nil
	}
	b.theme = th
	if s := b.cfg.Markup.HighlightStyle; !highlight.KnownStyle(s) {
		line, col := b.cfg.Position("markup.highlightStyle")
		b.errs.Errorf(config.FileName, line, col, "markup: highlightStyle %q is not a chroma style (%s)", s, strings.Join(highlight.StyleNames(), ", "))
	}
	hl := highlight.New(b.cfg.Markup.HighlightStyle)
	b.hl = hl
	b.md = markdown.New(markdown.Options{
		Unsafe:      b.cfg.Markup.Unsafe,
		Highlight:   hl,
		TOCMinLevel: b.cfg.Markup.TOCMinLevel,
		TOCMaxLevel: b.cfg.Markup.TOCMaxLevel,
	})
	var siteLayouts fs.FS
	if st, err := os.Stat(filepath.Join(b.opts.Source, "layouts")); err == nil && st.IsDir() {
		siteLayouts = os.DirFS(filepath.Join(b.opts.Source, "layouts"))
		b.ownTemplates = hasFiles(siteLayouts)
	}
	if !th.embedded {
		b.ownTemplates = true
	}
	set, err := layout.Load(layout.Options{
		SiteLayouts:     siteLayouts,
		SiteLayoutsName: "layouts",
		Theme:           th.fs,
		ThemeName:       th.name,
		Funcs:           template.FuncMap{"markdownify": b.markdownify},
		BaseURL:         b.cfg.BaseURL,
		Interpret:       b.opts.interpret,
	})
	if err != nil {
		b.errs.Add(err)
		return nil
	}
	b.layout = set
	return nil
}

// markdownify renders a short Markdown string (a field value) to HTML
// inside templates; links in it are left as written.
func (b *builder) markdownify(s string) (template.HTML, error) {
	res, err := b.md.Render([]byte(s), markdown.Context{File: "markdownify"})
	if err != nil {
		return "", err
	}
	h := strings.TrimSpace(string(res.HTML))
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && strings.Count(h, "<p>") == 1 {
		h = h[3 : len(h)-4]
	}
	return template.HTML(h), nil
}

// strings loads the theme strings of a language: the theme's
// i18n/<lang>.toml overridden key by key by the site's. A file that exists
// but cannot be read or decoded, or holds a value that is no string, is an
// error at its position: the build would otherwise go on with the theme's
// words in place of the site's.
func (b *builder) loadStrings(key, code string) map[string]string {
	out := map[string]string{}
	candidates := []string{key, code, strings.ToLower(code)}
	if i := strings.IndexByte(code, '-'); i > 0 {
		candidates = append(candidates, code[:i])
	}
	read := func(fsys fs.FS, label string) {
		if fsys == nil {
			return
		}
		for _, c := range candidates {
			if c == "" {
				continue
			}
			file := path.Join(label, "i18n", c+".toml")
			data, err := fs.ReadFile(fsys, "i18n/"+c+".toml")
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				err = diag.PathCause(err)
				b.errs.Add(&diag.Error{File: file, Err: fmt.Errorf("cannot read theme strings: %w", err)})
				return
			}
			m, err := frontmatter.DecodeTOML(file, data)
			if err != nil {
				b.errs.Add(err)
				return
			}
			for k, v := range m.Data {
				s, ok := v.(string)
				if !ok {
					at := m.Pos[k]
					b.errs.Errorf(file, at.Line, at.Col, "theme string %q is a %s, not text", k, typeName(v))
					continue
				}
				out[k] = s
			}
			return
		}
	}
	if b.theme != nil {
		read(b.theme.fs, b.theme.name)
	}
	read(os.DirFS(b.opts.Source), ".")
	return out
}

// assets fingerprints the stylesheets: the theme's assets/css/*.css
// overridden file by file by the site's (style.css first, then by name),
// then the generated syntax highlighting stylesheet. Each is written as css/<name>.<hash>.css.
func (b *builder) assets() []render.Asset {
	files := map[string][]byte{}
	collect := func(fsys fs.FS) {
		entries, err := fs.ReadDir(fsys, "assets/css")
		if err != nil {
			return
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".css") {
				continue
			}
			data, err := fs.ReadFile(fsys, "assets/css/"+e.Name())
			if err != nil {
				b.errs.Add(fmt.Errorf("assets: %w", err))
				continue
			}
			files[e.Name()] = data
		}
	}
	if b.theme != nil {
		collect(b.theme.fs)
	}
	collect(os.DirFS(b.opts.Source))
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	// style.css, the theme's base, comes first; the others follow by name.
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == "style.css") != (names[j] == "style.css") {
			return names[i] == "style.css"
		}
		return names[i] < names[j]
	})
	var out []render.Asset
	add := func(name string, data []byte) {
		sum := sha256.Sum256(data)
		rel := "css/" + strings.TrimSuffix(name, ".css") + "." + hex.EncodeToString(sum[:])[:10] + ".css"
		if err := b.stage.WriteFile(rel, data, "assets/css/"+name); err != nil {
			b.errs.Add(err)
			return
		}
		out = append(out, render.Asset{
			URL:       b.relURL(rel),
			Integrity: "sha256-" + base64.StdEncoding.EncodeToString(sum[:]),
		})
	}
	for _, n := range names {
		add(n, files[n])
	}
	add("syntax.css", b.hl.CSS())
	return out
}

// copyStatic copies the theme's static/ then the site's static/ (the site's
// file wins where both have one) and the content folder's non-Markdown
// files outside bundles are reported, never copied.
func (b *builder) copyStatic() {
	siteStatic := filepath.Join(b.opts.Source, "static")
	siteFiles := b.publishStatic(siteStatic)
	if b.theme != nil {
		b.publishThemeStatic(siteFiles)
	}
	// Loose files in content/ outside page bundles are never published: a
	// scanned form in cases/ must not reach the site by being there.
	for _, rel := range b.tree.Files {
		b.errs.Warnf("content/"+rel, 0, 0, "not published: files in content/ are published only inside a page bundle (move it beside an index.md, or into static/)")
	}
}

// hasFiles reports whether a folder holds any regular file.
func hasFiles(fsys fs.FS) bool {
	found := false
	_ = fs.WalkDir(fsys, ".", func(_ string, e fs.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// typeName names the type of a decoded TOML value for messages.
func typeName(v any) string {
	switch v.(type) {
	case bool:
		return "boolean"
	case int64, float64:
		return "number"
	case map[string]any:
		return "table"
	case []any:
		return "list"
	}
	return fmt.Sprintf("%T", v)
}
