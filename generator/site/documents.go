package site

import (
	"bytes"
	"path"
	"strings"
	"unicode/utf8"
)

// documentBytes reports whether data, a bundle file named name for which
// documentFile holds, is the document its name says by its own bytes: a
// PDF starts with its header, an office file with its container's
// signature (ZIP for OOXML and OpenDocument, OLE for the older formats), an
// RTF file with its group, and a text file (.txt, .md, .csv, .json) is
// UTF-8 text that holds no drawing (an <svg> element, anywhere: an XML
// comment can push it far from the start) and no picture written into it
// (a data: URL). A portfolio without photo consent publishes a document
// only when this holds: a video or a drawing saved as "cv.pdf" or
// "notes.txt" is no document, and when unsure the file is not published.
func documentBytes(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return bytes.HasPrefix(data, []byte("%PDF-"))
	case ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp":
		return bytes.HasPrefix(data, []byte("PK\x03\x04"))
	case ".doc", ".xls", ".ppt":
		return bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
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
