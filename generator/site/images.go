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
	hidden   bool           // the page is a portfolio without photo consent (hidesPictures)
	id       photo.Identity // what the file is as a picture, by its name or else its bytes
	document bool           // hidden: the file is a document by its bytes too (documentBytes)
	active   string         // what in the file a browser runs (activeContent), "" for nothing
	drop     bool           // left out of the view: hidden, or refused
	variants []photo.Variant
	err      error
}

// refusedImage reports image formats that cannot be re-encoded, so their
// metadata cannot be removed: they are never published. Camera raw files
// are among them: the big ones carry EXIF like any photo.
func refusedImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".heic", ".heif", ".heics", ".hif", ".avif", ".avifs", ".jxl",
		".jp2", ".jpf", ".jpx", ".j2k", ".jxr", ".wdp", ".hdp", ".psd", ".psb", ".tga",
		".raw", ".dng", ".cr2", ".cr3", ".crw", ".nef", ".nrw", ".arw", ".orf", ".rw2", ".raf",
		".pef", ".srw", ".x3f", ".3fr", ".kdc", ".dcr", ".erf", ".mrw", ".iiq", ".sr2", ".srf":
		return true
	}
	return false
}

// processImages decides, on all cores and before templates run, how each
// file of each published bundle is published, by its name and by its
// bytes (photo.Identify): a picture photo can clean is re-encoded, whatever
// its extension ("scan.jfif", a JPEG without one), so EXIF, GPS and every
// other metadata are gone, EXIF orientation is applied to the pixels and
// resized copies make its srcset (views learn the sizes); a picture whose
// metadata cannot be removed (HEIC, AVIF, Photoshop, camera raw…) is an
// error; a leader's portfolio without photo consent keeps only documents
// (documentFile) whose bytes are no picture and are the document their
// name says (documentBytes). The files left in the views
// are copied as they are (copyResources).
func (b *builder) processImages() {
	var jobs []*resourceJob
	for _, st := range b.pages {
		if !st.page.Bundle || st.view == nil {
			continue
		}
		hidden := b.hidesPictures(st)
		for i, r := range st.view.Resources {
			rel := st.page.Dir + "/" + r.Name
			jobs = append(jobs, &resourceJob{st: st, index: i, hidden: hidden, src: filepath.Join(b.opts.Source, "content", filepath.FromSlash(rel)), from: "content/" + rel})
		}
	}
	if len(jobs) == 0 {
		return
	}
	proc := photo.New(photo.Options{})
	b.parallel(len(jobs), func(i int) { jobs[i].run(proc) })
	// A bundle's files are the resources of each of its translations:
	// one problem with a file is reported once.
	reported := map[string]bool{}
	report := func(j *resourceJob, err error) {
		if !reported[j.from] {
			reported[j.from] = true
			b.errs.Add(&diag.Error{File: j.from, Err: err})
		}
	}
	for _, j := range jobs {
		name := j.st.view.Resources[j.index].Name
		switch {
		case j.err != nil:
			report(j, fmt.Errorf("image: %w", j.err))
			j.drop = true
		case j.hidden && (j.id.Kind != photo.NotPicture || !documentFile(name) || !j.document):
			j.drop = true
		case j.active != "" && !b.cfg.Markup.Unsafe:
			b.errs.Warnf(j.from, 0, 0, "not published: %s, which a browser runs on the site's own origin, as raw HTML would ([markup] unsafe = true publishes it)", j.active)
			j.drop = true
		case j.id.Kind == photo.Uncleanable:
			report(j, uncleanableError(name, j.id.Name))
			j.drop = true
		case j.id.Kind == photo.Cleanable:
			j.publish()
		}
	}
	// Each view keeps the files not dropped, in order. A page's jobs are
	// consecutive and in its resources' order, so kept never overtakes
	// the resource being read.
	for i := 0; i < len(jobs); {
		st := jobs[i].st
		kept := st.view.Resources[:0]
		for ; i < len(jobs) && jobs[i].st == st; i++ {
			if !jobs[i].drop {
				kept = append(kept, st.view.Resources[jobs[i].index])
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
		j.id.Kind = photo.Uncleanable
		return
	case photo.IsImage(name):
		j.id.Kind = photo.Cleanable
	case j.hidden && !documentFile(name):
		return // left out whatever its bytes say
	case activeName(name):
		j.active = "a page or script file"
		return
	case j.hidden:
		// A document is read whole: the file is published only if its
		// bytes say document too, and a drawing can start anywhere in a
		// text file.
		data, err := os.ReadFile(j.src)
		if err != nil {
			j.err = err
			return
		}
		j.id = photo.Identify(data[:min(len(data), photo.SniffLen)])
		j.document = documentBytes(name, data)
		return
	default:
		head, err := readHead(j.src, photo.SniffLen)
		if err != nil {
			j.err = err
			return
		}
		if j.id = photo.Identify(head); j.id.Kind != photo.Cleanable {
			if j.id.Kind == photo.Drawing || strings.EqualFold(path.Ext(name), ".svg") {
				j.active = j.svgActive()
			}
			return
		}
	}
	if j.hidden {
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

// uncleanableError says that the picture name, in format (by its bytes,
// or "" when its name said it), cannot be published.
func uncleanableError(name, format string) error {
	if format != "" {
		return fmt.Errorf("%s is a %s picture, whose metadata cannot be removed: convert it to JPEG or PNG", name, strings.ToUpper(format))
	}
	return fmt.Errorf("image format of %s cannot be cleaned of metadata: convert it to JPEG or PNG", name)
}

// documentFile reports the documents a leader's portfolio without photo
// consent may still publish from its bundle (when their bytes are no
// picture either): everything else is left out, a video or a picture in a
// format nobody here knows included. When unsure, it is not published.
func documentFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf", ".txt", ".md", ".csv", ".json", ".rtf",
		".doc", ".docx", ".odt", ".ods", ".odp", ".xls", ".xlsx", ".ppt", ".pptx":
		return true
	}
	return false
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
// its page, in the bundle's subfolder the image is in ("gallery/a.jpg"):
// where its URL points.
func (b *builder) writeImages(st *pageState, dir string) {
	for name, vs := range st.images {
		from := "content/" + st.page.Dir + "/" + name
		sub := path.Join(dir, path.Dir(name))
		for _, v := range vs {
			b.scanPath(path.Join(sub, v.Name), from)
			if err := b.stage.WriteFile(path.Join(sub, v.Name), v.Data, from); err != nil {
				b.errs.Add(err)
			}
		}
	}
}

// imageView is a resource as a published picture.
func imageView(r render.Resource, alt string) *render.Image {
	return &render.Image{URL: r.RelPermalink, Alt: alt, Width: r.Width, Height: r.Height, SrcSet: r.SrcSet}
}
