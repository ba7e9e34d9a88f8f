package site

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/photo"
	"github.com/sineng/sineng/generator/render"
)

// imageJob is one published bundle image to re-encode.
type imageJob struct {
	st       *pageState
	index    int // into st.view.Resources
	src      string
	from     string
	variants []photo.Variant
	err      error
}

// refusedImage reports image formats that cannot be re-encoded, so their
// metadata cannot be removed: they are never published.
func refusedImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".heic", ".heif", ".avif", ".jxl", ".raw", ".dng", ".cr2", ".nef":
		return true
	}
	return false
}

// processImages re-encodes every image of every published bundle on all
// cores, before templates run: EXIF, GPS and every other metadata are gone
// from what is published, EXIF orientation is applied to the pixels, and
// resized copies make each image's srcset. Views learn the sizes.
func (b *builder) processImages() {
	var jobs []*imageJob
	for _, st := range b.pages {
		if !st.page.Bundle || st.view == nil {
			continue
		}
		for i, r := range st.view.Resources {
			rel := st.page.Dir + "/" + r.Name
			from := "content/" + rel
			if refusedImage(r.Name) {
				b.errs.Add(&diag.Error{File: from, Err: fmt.Errorf("image format of %s cannot be cleaned of metadata: convert it to JPEG or PNG", r.Name)})
				continue
			}
			if !photo.IsImage(r.Name) {
				continue
			}
			jobs = append(jobs, &imageJob{st: st, index: i, src: filepath.Join(b.opts.Source, "content", filepath.FromSlash(rel)), from: from})
		}
	}
	if len(jobs) == 0 {
		return
	}
	proc := photo.New(photo.Options{})
	b.parallel(len(jobs), func(i int) {
		j := jobs[i]
		data, err := os.ReadFile(j.src)
		if err != nil {
			j.err = err
			return
		}
		j.variants, j.err = proc.Process(path.Base(j.src), data)
	})
	for _, j := range jobs {
		if j.err != nil {
			b.errs.Add(&diag.Error{File: j.from, Err: fmt.Errorf("image: %w", j.err)})
			continue
		}
		if j.st.images == nil {
			j.st.images = map[string][]photo.Variant{}
		}
		r := &j.st.view.Resources[j.index]
		j.st.images[r.Name] = j.variants
		full := j.variants[0]
		dirURL := strings.TrimSuffix(r.RelPermalink, path.Base(r.RelPermalink))
		r.Width, r.Height, r.MediaType = full.Width, full.Height, full.MediaType
		if full.Name != r.Name {
			r.RelPermalink = dirURL + full.Name
		}
		if len(j.variants) > 1 {
			r.SrcSet = photo.SrcSet(strings.TrimSuffix(dirURL, "/"), j.variants)
		}
	}
}

// writeImages writes the re-encoded images of a published bundle beside
// its page.
func (b *builder) writeImages(st *pageState, dir string) {
	for name, vs := range st.images {
		from := "content/" + st.page.Dir + "/" + name
		for _, v := range vs {
			if err := b.stage.WriteFile(path.Join(dir, v.Name), v.Data, from); err != nil {
				b.errs.Add(err)
			}
		}
	}
}

// imageView is a resource as a published picture.
func imageView(r render.Resource, alt string) *render.Image {
	return &render.Image{URL: r.RelPermalink, Alt: alt, Width: r.Width, Height: r.Height, SrcSet: r.SrcSet}
}

// photoFile reports JPEG and PNG files, which static/ publishes re-encoded
// rather than copied: a photo dropped there loses its metadata too.
func photoFile(rel string) bool {
	switch strings.ToLower(path.Ext(rel)) {
	case ".jpg", ".jpeg", ".png":
		return true
	}
	return false
}

// publishStatic publishes the site's static/ folder in one walk: JPEG and
// PNG files re-encoded at full size under their own names (a photo dropped
// there loses its metadata too), every other file copied as it is, text
// files scanned for leaks first. It returns the files it published, by
// slash path, so the theme's static files do not overwrite them.
func (b *builder) publishStatic(dir string) map[string]bool {
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
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
		if !photoFile(rel) {
			b.scanCopied(rel, src, from)
			if err := b.stage.CopyFile(rel, src, from); err != nil {
				b.errs.Add(err)
			}
			return
		}
		data, err := os.ReadFile(src)
		if err == nil {
			var vs []photo.Variant
			if vs, err = proc.Process(path.Base(rel), data); err == nil {
				err = b.stage.WriteFile(rel, vs[0].Data, from)
			}
		}
		if err != nil {
			b.errs.Add(&diag.Error{File: from, Err: fmt.Errorf("image: %w", err)})
		}
	})
	return published
}
