package site

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"fmt"
	"testing"
)

// zipOf returns a ZIP holding the named files.
func zipOf(t *testing.T, files ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, name := range files {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "content of %s", name)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pdfWith returns a small PDF whose one content stream, Flate-compressed,
// is content, with extra objects written as they are.
func pdfWith(t *testing.T, content, extra string) []byte {
	t.Helper()
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte(content))
	zw.Close()
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n1 0 obj << /Type /Page /Resources << /ProcSet [/PDF /Text /ImageB /ImageC /ImageI] >> >> endobj\n")
	fmt.Fprintf(&b, "2 0 obj << /Length %d /Filter /FlateDecode >>\nstream\n", z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream\nendobj\n")
	b.WriteString(extra)
	b.WriteString("trailer << >>\n%%EOF\n")
	return b.Bytes()
}

// TestDocumentsWithPicturesAreNoDocuments checks documentBytes on the
// documents a portfolio without photo consent may publish: a text-only PDF
// or office file is one; one that carries a picture (an image XObject, an
// inline image, a media folder, a ZIP that is no office file, an old
// office file with a JPEG inside) is not.
func TestDocumentsWithPicturesAreNoDocuments(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
		want bool
	}{
		{"cv.pdf", pdfWith(t, "BT /F1 12 Tf (A CV, downstream BIG ID) Tj ET", ""), true},
		{"skills.pdf", pdfWith(t, "BT (Skills: BI dashboards) Tj T* (Staff ID card) Tj <4249> Tj ET % BI ID\n", ""), true},
		{"objstm.pdf", pdfWith(t, "7 0 obj << /Type /XObject /Subtype /Image >> endobj", ""), false},
		{"photo.pdf", pdfWith(t, "q 100 0 0 100 0 0 cm /Im1 Do Q", "3 0 obj << /Type /XObject /Subtype /Image /Width 1 /Height 1 /Length 3 >>\nstream\nabc\nendstream\nendobj\n"), false},
		{"photo2.pdf", pdfWith(t, "q /Im1 Do Q", "3 0 obj <</Subtype/Image/Width 1>>\nstream\nabc\nendstream\nendobj\n"), false},
		{"inline.pdf", pdfWith(t, "q BI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI Q", ""), false},
		{"hidden.pdf", pdfWith(t, "", "3 0 obj << /Subtype /Im#61ge >>\nendobj\n"), false},
		{"locked.pdf", append(pdfWith(t, "", ""), []byte("/Encrypt 9 0 R")...), false},
		{"cv.docx", zipOf(t, "[Content_Types].xml", "word/document.xml", "docProps/thumbnail.jpeg"), true},
		{"cv-photo.docx", zipOf(t, "[Content_Types].xml", "word/document.xml", "word/media/image1.jpeg"), false},
		{"talk.pptx", zipOf(t, "[Content_Types].xml", "ppt/slides/slide1.xml", "ppt/media/media1.mp4"), false},
		{"notes.odt", zipOf(t, "mimetype", "content.xml", "Thumbnails/thumbnail.png"), true},
		{"notes-photo.odt", zipOf(t, "mimetype", "content.xml", "Pictures/1000.jpg"), false},
		{"photo.docx", zipOf(t, "photo.png"), false},
		{"old.doc", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), []byte("WordDocument text only")...), true},
		{"old-photo.doc", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 WordDocument "), []byte("\xFF\xD8\xFF\xE0JFIF")...), false},
	} {
		if got := documentBytes(tt.name, tt.data); got != tt.want {
			t.Errorf("%s: document %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestSVGActiveContent checks the drawings a bundle publishes with raw
// HTML off: plain drawings and ones with text or editor metadata are;
// script by any prefix, a handler, a javascript: link hidden by a
// character reference, a document type, HTML and foreignObject are not.
func TestSVGActiveContent(t *testing.T) {
	const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"`
	for _, tt := range []struct {
		name, svg string
		active    bool
	}{
		{"plain", head + `><circle r="1" style="fill: red"/></svg>`, false},
		{"text with on", head + `><text>step one = ready</text></svg>`, false},
		{"editor metadata", head + ` inkscape:version="1.2"><inkscape:grid/><a href="https://example.org/">x</a></svg>`, false},
		{"script", head + `><script>alert(1)</script></svg>`, true},
		{"prefixed script", `<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>`, true},
		{"handler", head + ` onload="alert(1)"><circle r="1"/></svg>`, true},
		{"referenced javascript", head + `><a xlink:href="javascript&#58;alert(1)"><text>x</text></a></svg>`, true},
		{"animated href", head + `><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>`, true},
		{"doctype", `<!DOCTYPE svg [<!ENTITY x "&#60;script>">]>` + head + `>&x;</svg>`, true},
		{"html", head + `><h:div xmlns:h="http://www.w3.org/1999/xhtml">x</h:div></svg>`, true},
		{"foreignObject", head + `><foreignObject><p>x</p></foreignObject></svg>`, true},
		{"not XML", `<svg><circle></svg>`, true},
	} {
		if got := svgActiveContent([]byte(tt.svg)) != ""; got != tt.active {
			t.Errorf("%s: active %v, want %v (%q)", tt.name, got, tt.active, svgActiveContent([]byte(tt.svg)))
		}
	}
}
