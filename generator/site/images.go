package site

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/sineng/sineng/generator/diag"
	"github.com/sineng/sineng/generator/photo"
	"github.com/sineng/sineng/generator/render"
)

// resourceJob is one file of a published bundle: what it is as a picture,
// and, for one photo can clean, its re-encoded variants.
type resourceJob struct {
	st       *pageState
	index    int // into st.view.Resources
	src      string
	from     string
	kind     photo.Kind
	variants []photo.Variant
	err      error
}

// refusedImage reports image formats that cannot be re-encoded, so their
// metadata cannot be removed: they are never published. Camera raw files
// are among them: the big ones carry EXIF like any photo.
func refusedImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".heic", ".heif", ".heics", ".hif", ".avif", ".avifs", ".jxl", ".jp2",
		".raw", ".dng", ".cr2", ".cr3", ".nef", ".nrw", ".arw", ".orf", ".rw2", ".raf", ".pef", ".srw":
		return true
	}
	return false
}

// processImages decides, on all cores and before templates run, how each
// file of each published bundle is published, by its name and by its
// bytes (photo.Sniff): a picture photo can clean is re-encoded, whatever
// its extension ("scan.jfif", a JPEG without one), so EXIF, GPS and every
// other metadata are gone, EXIF orientation is applied to the pixels and
// resized copies make its srcset (views learn the sizes); a picture whose
// metadata cannot be removed (HEIC, AVIF, camera raw…) is an error; a
// leader's portfolio without photo consent loses every picture, drawings
// (SVG, ICO) included. The files left in the views are copied as they are
// (copyResources).
func (b *builder) processImages() {
	var jobs []*resourceJob
	for _, st := range b.pages {
		if !st.page.Bundle || st.view == nil {
			continue
		}
		for i, r := range st.view.Resources {
			rel := st.page.Dir + "/" + r.Name
			jobs = append(jobs, &resourceJob{st: st, index: i, src: filepath.Join(b.opts.Source, "content", filepath.FromSlash(rel)), from: "content/" + rel})
		}
	}
	if len(jobs) == 0 {
		return
	}
	proc := photo.New(photo.Options{})
	b.parallel(len(jobs), func(i int) { jobs[i].run(proc) })
	dropped := map[*pageState]map[int]bool{}
	drop := func(j *resourceJob) {
		if dropped[j.st] == nil {
			dropped[j.st] = map[int]bool{}
		}
		dropped[j.st][j.index] = true
	}
	for _, j := range jobs {
		name := j.st.view.Resources[j.index].Name
		switch {
		case j.st.hidePictures && j.kind != photo.NotPicture:
			drop(j)
		case j.kind == photo.Uncleanable:
			b.errs.Add(&diag.Error{File: j.from, Err: fmt.Errorf("image format of %s cannot be cleaned of metadata: convert it to JPEG or PNG", name)})
			drop(j)
		case j.err != nil:
			b.errs.Add(&diag.Error{File: j.from, Err: fmt.Errorf("image: %w", j.err)})
			drop(j)
		case j.kind == photo.Cleanable:
			j.publish()
		}
	}
	for st, idx := range dropped {
		kept := st.view.Resources[:0]
		for i, r := range st.view.Resources {
			if !idx[i] {
				kept = append(kept, r)
			}
		}
		st.view.Resources = kept
	}
}

// run finds what the job's file is and re-encodes it when photo can clean
// it and it is to be published.
func (j *resourceJob) run(proc *photo.Processor) {
	name := j.st.view.Resources[j.index].Name
	switch {
	case refusedImage(name):
		j.kind = photo.Uncleanable
		return
	case photo.IsImage(name):
		j.kind = photo.Cleanable
	default:
		head, err := readHead(j.src, photo.SniffLen)
		if err != nil {
			j.err = err
			return
		}
		if j.kind = photo.Sniff(head); j.kind != photo.Cleanable {
			return
		}
	}
	if j.st.hidePictures {
		return // not published: nothing to re-encode
	}
	data, err := os.ReadFile(j.src)
	if err != nil {
		j.err = err
		return
	}
	j.variants, j.err = proc.Process(path.Base(j.src), data)
}

// publish puts the job's re-encoded variants in its page's view.
func (j *resourceJob) publish() {
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

// readHead returns up to n leading bytes of the file at path.
func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	m, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	return buf[:m], nil
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
	case ".jpg", ".jpeg", ".jfif", ".jpe", ".png":
		return true
	}
	return false
}

// staticKind says how publishStatic publishes the file at src: re-encoded
// (a JPEG or PNG by name, or a picture photo can clean whose name says no
// picture format, such as one without an extension), refused (a format
// whose metadata cannot be removed, by name or bytes), or copied.
func staticKind(rel, src string) (photo.Kind, error) {
	switch {
	case photoFile(rel):
		return photo.Cleanable, nil
	case refusedImage(rel):
		return photo.Uncleanable, nil
	case isImage(rel):
		// GIF, WebP, SVG…: copied as they are. Re-encoding would change
		// their format under a name that says otherwise.
		return photo.NotPicture, nil
	}
	head, err := readHead(src, photo.SniffLen)
	if err != nil {
		return photo.NotPicture, err
	}
	return photo.Sniff(head), nil
}

// publishStatic publishes the site's static/ folder in one walk: JPEG and
// PNG files re-encoded at full size under their own names (a photo dropped
// there loses its metadata too), as is a picture photo can clean that has
// no picture extension; formats whose metadata cannot be removed are
// errors; every other file is copied as it is, text files scanned for
// leaks first. It returns the files it published, by slash path, so the
// theme's static files do not overwrite them.
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
		kind, err := staticKind(rel, src)
		switch {
		case err != nil:
			b.errs.Add(&diag.Error{File: from, Err: err})
			return
		case kind == photo.Uncleanable:
			b.errs.Add(&diag.Error{File: from, Err: fmt.Errorf("image format of %s cannot be cleaned of metadata: convert it to JPEG or PNG", path.Base(rel))})
			return
		case kind != photo.Cleanable:
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
