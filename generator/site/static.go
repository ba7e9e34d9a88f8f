package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/leak"
	"github.com/sineng/sineng/generator/photo"
)

// staticAction is how a file of a static/ folder (the site's or its
// theme's) is published. Nothing rewrites links to static files, so a
// file keeps its name: a picture is re-encoded only into its own format.
type staticAction int

const (
	copyAsIs    staticAction = iota // no picture with metadata to remove: copied
	reencode                        // JPEG or PNG: re-encoded under its own name, metadata gone
	copyIfClean                     // GIF or WebP: copied when it carries no metadata, an error otherwise
	refuse                          // a picture whose metadata cannot be removed here: an error
)

// staticActionOf decides by the file's name and what its leading bytes
// are.
func staticActionOf(rel string, id photo.Identity) staticAction {
	if refusedImage(rel) || id.Kind == photo.Uncleanable {
		return refuse
	}
	switch id.Format {
	case "jpeg", "png":
		return reencode
	case "gif", "webp":
		return copyIfClean
	case "tiff":
		return refuse // its tags hold EXIF and GPS, and browsers do not show it
	case "bmp":
		return copyAsIs
	}
	if photoFile(rel) {
		return reencode // named a JPEG or PNG, bytes unknown: Process says what is wrong
	}
	return copyAsIs
}

// photoFile reports names of JPEG and PNG files.
func photoFile(rel string) bool {
	switch strings.ToLower(path.Ext(rel)) {
	case ".jpg", ".jpeg", ".jfif", ".jpe", ".png":
		return true
	}
	return false
}

// staticProblem is the error of a static file that is not published as
// it is, or nil.
func staticProblem(action staticAction, rel string, id photo.Identity, data []byte) error {
	switch {
	case action == refuse && refusedImage(rel):
		return uncleanableError(path.Base(rel), "")
	case action == refuse && id.Format == "tiff":
		return fmt.Errorf("%s is a TIFF picture: its tags keep EXIF and GPS, static files keep their names and browsers do not show TIFF; convert it to JPEG or PNG", path.Base(rel))
	case action == refuse:
		return uncleanableError(path.Base(rel), id.Name)
	case action == copyIfClean && photo.HasMetadata(data):
		return fmt.Errorf("%s carries metadata (EXIF, XMP, comments): remove it, or convert the picture to PNG", path.Base(rel))
	}
	return nil
}

// versionControl reports the names of version control metadata.
func versionControl(name string) bool {
	switch name {
	case ".git", ".hg", ".svn":
		return true
	}
	return false
}

// publishStatic publishes the site's static/ folder in one walk, as
// staticActionOf decides: JPEG and PNG files re-encoded at full size
// under their own names (a photo dropped there loses its metadata too),
// GIF and WebP files copied when they carry no metadata, other files
// copied as they are (text files scanned for leaks first), and pictures
// whose metadata cannot be removed refused. A version control folder
// (.git, .hg, .svn, at any depth) is no part of the site and is left out:
// copied, it would also make the next build refuse the output folder. A
// folder that cannot be read is an error. It returns the files it
// published, by slash path, so the theme's static files do not overwrite
// them.
func (b *builder) publishStatic(dir string) map[string]bool {
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case err != nil && p == dir && errors.Is(err, fs.ErrNotExist):
			// no static/ folder: nothing to publish
		case err != nil:
			err = diag.PathCause(err)
			b.errs.Add(&diag.Error{File: "static/" + rel, Err: fmt.Errorf("read: %w", err)})
		case versionControl(d.Name()):
			if d.IsDir() {
				return filepath.SkipDir
			}
		case d.Type().IsRegular():
			files = append(files, rel)
		}
		return nil
	})
	published := make(map[string]bool, len(files))
	for _, rel := range files {
		published[rel] = true
	}
	proc := photo.New(photo.Options{Widths: []int{}})
	b.parallel(len(files), func(i int) {
		rel := files[i]
		src := filepath.Join(dir, filepath.FromSlash(rel))
		from := "static/" + rel
		head, err := readHead(src, photo.SniffLen)
		if err != nil {
			b.errs.Add(&diag.Error{File: from, Err: fmt.Errorf("read: %w", err)})
			return
		}
		id := photo.Identify(head)
		action := staticActionOf(rel, id)
		if action == copyAsIs {
			b.scanCopied(rel, src, from)
			if err := b.stage.CopyFile(rel, src, from); err != nil {
				b.errs.Add(err)
			}
			return
		}
		data, err := os.ReadFile(src)
		if err != nil {
			b.errs.Add(&diag.Error{File: from, Err: fmt.Errorf("read: %w", err)})
			return
		}
		b.writeStaticPicture(proc, action, id, rel, from, data)
	})
	return published
}

// writeStaticPicture publishes a static file that is a picture, or
// reports why it cannot be.
func (b *builder) writeStaticPicture(proc *photo.Processor, action staticAction, id photo.Identity, rel, from string, data []byte) {
	if err := staticProblem(action, rel, id, data); err != nil {
		b.errs.Add(&diag.Error{File: from, Err: err})
		return
	}
	if action == reencode {
		vs, err := proc.Process(path.Base(rel), data)
		if err != nil {
			b.errs.Add(&diag.Error{File: from, Err: fmt.Errorf("image: %w", err)})
			return
		}
		data = vs[0].Data
	}
	b.scanPath(rel, from)
	if err := b.stage.WriteFile(rel, data, from); err != nil {
		b.errs.Add(err)
	}
}

// publishThemeStatic publishes the theme's static/ files the site's
// static/ does not replace (siteFiles), as publishStatic does the site's.
func (b *builder) publishThemeStatic(siteFiles map[string]bool) {
	proc := photo.New(photo.Options{Widths: []int{}})
	_ = fs.WalkDir(b.theme.fs, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		rel := strings.TrimPrefix(p, "static/")
		if siteFiles[rel] {
			return nil
		}
		from := b.theme.name + "/" + p
		data, err := fs.ReadFile(b.theme.fs, p)
		if err != nil {
			b.errs.Add(fmt.Errorf("theme static %s: %w", p, err))
			return nil
		}
		id := photo.Identify(data[:min(len(data), photo.SniffLen)])
		if action := staticActionOf(rel, id); action != copyAsIs {
			b.writeStaticPicture(proc, action, id, rel, from, data)
			return nil
		}
		if leak.Text(p, data) {
			b.scanLeaks(rel, from, data)
		}
		if err := b.stage.WriteFile(rel, data, from); err != nil {
			b.errs.Add(err)
		}
		return nil
	})
}
