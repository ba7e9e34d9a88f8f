package site

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path"
	"strings"
	"unicode/utf8"
)

// documentBytes reports whether data, a bundle file named name for which
// documentFile holds, is the document its name says by its own bytes, with
// no picture in it: a PDF starts with its header and draws no image
// (pdfHasNoImage); an OOXML or OpenDocument file is the ZIP its format
// makes with no media or pictures folder (officeHasNoPicture); an older
// office file starts with OLE's signature; an RTF file with its group and
// without \pict; and a text file (.txt, .md, .csv, .json) is UTF-8 text
// that holds no drawing (an <svg> element, anywhere: an XML comment can
// push it far from the start) and no picture written into it (a data:
// URL). A portfolio without photo consent publishes a document only when
// this holds: a video or a drawing saved as "cv.pdf" or "notes.txt" is no
// document, a CV with the person's photo in it is no document without a
// picture, and when unsure the file is not published.
func documentBytes(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return bytes.HasPrefix(data, []byte("%PDF-")) && pdfHasNoImage(data)
	case ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp":
		return bytes.HasPrefix(data, []byte("PK\x03\x04")) && officeHasNoPicture(data)
	case ".doc", ".xls", ".ppt":
		// The older formats keep a picture's own bytes in their streams.
		return bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) && !holdsPictureBytes(data)
	case ".rtf":
		// An RTF file can carry a picture of its own (\pict).
		return bytes.HasPrefix(data, []byte(`{\rtf`)) && !bytes.Contains(data, []byte(`\pict`))
	case ".txt", ".md", ".csv", ".json":
		return plainText(data)
	}
	return false
}

// plainText reports whether data is UTF-8 text without control characters
// but tab, line breaks and form feed, holding neither an <svg> element nor
// a data: URL of a picture (ASCII letters in any case).
func plainText(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return false
		}
	}
	lower := bytes.ToLower(data)
	return !bytes.Contains(lower, []byte("<svg")) && !bytes.Contains(lower, []byte("data:image"))
}

// pdfHasNoImage reports whether a PDF draws no image: no image XObject
// (a stream whose dictionary says /Subtype /Image; streams are never
// compressed into object streams, so their dictionaries are in the file's
// bytes), no name written with # escapes where one could hide, no inline
// image (BI … ID) in a content stream, and no encryption, which would hide
// all of it. When a stream does not inflate, the file is taken to hold an
// image: when unsure, not published.
func pdfHasNoImage(data []byte) bool {
	if bytes.Contains(data, []byte("/Encrypt")) || pdfNameImage(data) || bytes.Contains(data, []byte("/Subtype#")) || bytes.Contains(data, []byte("/Im#")) {
		return false
	}
	budget := 64 << 20 // inflated bytes looked at, whatever the file says
	for rest := data; ; {
		i := bytes.Index(rest, []byte("stream"))
		if i < 0 {
			return true
		}
		head := rest[:i]
		body := rest[i+len("stream"):]
		rest = body
		if !bytes.HasSuffix(bytes.TrimRight(head, " \t\r\n"), []byte(">>")) {
			continue // "endstream", or the word in some text: no stream starts here
		}
		dict := head[max(len(head)-512, 0):]
		if !bytes.Contains(dict, []byte("/FlateDecode")) {
			if bytes.Contains(dict, []byte("/Filter")) {
				continue // another filter: images need /Image, found above
			}
			raw := body
			if end := bytes.Index(raw, []byte("endstream")); end >= 0 {
				raw = raw[:end]
			}
			if inlineImage(raw) {
				return false
			}
			continue
		}
		body = bytes.TrimLeft(body, "\r\n")
		zr, err := zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			return false
		}
		inflated, err := io.ReadAll(io.LimitReader(zr, int64(budget)))
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
			return false
		}
		budget -= len(inflated)
		if budget <= 0 || pdfNameImage(inflated) {
			return false // an image's dictionary in an object stream, or too much to look at
		}
		if !fontProgram(dict) && inlineImage(inflated) {
			return false
		}
	}
}

// fontProgram reports a stream dictionary of an embedded font, whose
// bytes are glyph programs, not content to read operators from.
func fontProgram(dict []byte) bool {
	return bytes.Contains(dict, []byte("/Length1")) || bytes.Contains(dict, []byte("/FontFile")) ||
		bytes.Contains(dict, []byte("/Type1C")) || bytes.Contains(dict, []byte("/CIDFontType0C")) || bytes.Contains(dict, []byte("/OpenType"))
}

// pdfNameImage reports whether data holds the PDF name /Image as a whole
// name (not /ImageB, /ImageC or /ImageI, the procedure sets every page may
// list).
func pdfNameImage(data []byte) bool {
	for rest := data; ; {
		i := bytes.Index(rest, []byte("/Image"))
		if i < 0 {
			return false
		}
		rest = rest[i+len("/Image"):]
		if len(rest) == 0 || strings.IndexByte(" \t\r\n\f/<>[]()%", rest[0]) >= 0 {
			return true
		}
	}
}

// inlineImage reports whether a content stream holds the inline image
// operators BI and then ID, each a token of its own outside strings and
// comments (text showing "BI dashboards" or "ID card" is none).
func inlineImage(content []byte) bool {
	delim := func(c byte) bool { return strings.IndexByte("()<>[]{}/%", c) >= 0 }
	space := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0 }
	sawBI := false
	for i := 0; i < len(content); {
		c := content[i]
		switch {
		case space(c):
			i++
		case c == '%': // a comment, to the end of the line
			for i < len(content) && content[i] != '\n' && content[i] != '\r' {
				i++
			}
		case c == '(': // a string, with nested parentheses and escapes
			depth := 0
			for ; i < len(content); i++ {
				switch content[i] {
				case '\\':
					i++
				case '(':
					depth++
				case ')':
					depth--
				}
				if depth == 0 {
					i++
					break
				}
			}
		case c == '<' && i+1 < len(content) && content[i+1] != '<': // a hex string
			for i < len(content) && content[i] != '>' {
				i++
			}
			i++
		case delim(c):
			i++
		default:
			start := i
			for i < len(content) && !space(content[i]) && !delim(content[i]) {
				i++
			}
			switch string(content[start:i]) {
			case "BI":
				sawBI = true
			case "ID":
				if sawBI {
					return true
				}
			}
		}
	}
	return false
}

// officeHasNoPicture reports whether data is an OOXML or OpenDocument file
// (a ZIP holding [Content_Types].xml or mimetype) with no picture, video
// or embedded object in it: nothing under a media, Pictures, embeddings or
// ObjectReplacements folder, and no file named as a picture or video but
// the first-page thumbnail both formats may keep (a rendering of the text
// when the document holds no picture).
func officeHasNoPicture(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	typed := false
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		switch {
		case name == "[content_types].xml" || name == "mimetype":
			typed = true
		case strings.Contains(name, "media/"), strings.HasPrefix(name, "pictures/"), strings.Contains(name, "embeddings/"),
			strings.HasPrefix(name, "objectreplacements/"):
			return false
		case strings.HasPrefix(name, "docprops/thumbnail.") || name == "thumbnails/thumbnail.png":
		case pictureOrVideoName(name):
			return false
		}
	}
	return typed
}

// pictureOrVideoName reports file names of pictures and videos: what
// isImage calls a picture, what the media type table calls a video, and
// the office formats' own vector pictures and videos it does not list.
func pictureOrVideoName(name string) bool {
	if isImage(name) || strings.HasPrefix(mediaType(name), "video/") {
		return true
	}
	switch path.Ext(name) {
	case ".emf", ".wmf", ".m4v", ".avi", ".wmv", ".mkv", ".3gp":
		return true
	}
	return false
}

// holdsPictureBytes reports whether data holds the signature of a JPEG,
// PNG or GIF picture anywhere: where an older office file keeps one.
func holdsPictureBytes(data []byte) bool {
	return bytes.Contains(data, []byte("\xFF\xD8\xFF")) || bytes.Contains(data, []byte("\x89PNG\r\n\x1a\n")) ||
		bytes.Contains(data, []byte("GIF89a")) || bytes.Contains(data, []byte("GIF87a"))
}

// activeName reports the bundle files a browser runs as a page or a script
// when opened on the site: HTML, XHTML, XML (which may carry XHTML and
// script) and JavaScript. Without raw HTML ([markup] unsafe) they are not
// published: an author could otherwise run script on the site's origin.
func activeName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".xht", ".xml", ".xsl", ".xslt", ".js", ".mjs":
		return true
	}
	return false
}

// svgActive returns what in the job's SVG drawing a browser would run
// when the drawing is opened on the site, or "" for none, which is
// published as it is. The drawing is read as XML, so character references
// and namespace prefixes hide nothing: a document type (whose entities
// could write markup), an HTML element, a script, iframe, handler or
// foreignObject in any namespace, an on… attribute, or a link or
// animation value with a scheme other than http, https or mailto
// (javascript:) is active; so is anything that does not parse. Metadata
// in other namespaces (Inkscape's, RDF) is none of that.
func (j *resourceJob) svgActive() string {
	data, err := os.ReadFile(j.src)
	if err != nil {
		j.err = err
		return ""
	}
	return svgActiveContent(data)
}

// svgActiveContent is svgActive on the bytes of a drawing.
func svgActiveContent(data []byte) string {
	const htmlNS = "http://www.w3.org/1999/xhtml"
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return ""
		}
		if err != nil {
			return "a drawing that does not parse as XML"
		}
		switch t := tok.(type) {
		case xml.Directive:
			return "a drawing with a document type"
		case xml.StartElement:
			if t.Name.Space == htmlNS {
				return "a drawing with HTML in it"
			}
			switch strings.ToLower(t.Name.Local) {
			case "script", "foreignobject", "iframe", "handler":
				return "a drawing with script in it"
			}
			for _, a := range t.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					return "a drawing with an event handler in it"
				}
				switch strings.ToLower(a.Name.Local) {
				case "href", "src", "values", "to", "from", "by":
					if scriptURL(a.Value) {
						return "a drawing with a script URL in it"
					}
				}
			}
		}
	}
}

// scriptURL reports a value that starts with a URL scheme other than
// http, https and mailto (javascript:, data:, vbscript:), once spaces and
// control characters are dropped, as browsers drop them.
func scriptURL(v string) bool {
	v = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, v))
	if !hasScheme(v) {
		return false
	}
	switch scheme, _, _ := strings.Cut(v, ":"); scheme {
	case "http", "https", "mailto":
		return false
	}
	return true
}
