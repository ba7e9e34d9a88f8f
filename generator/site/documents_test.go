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
