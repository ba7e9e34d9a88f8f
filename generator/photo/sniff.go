package photo

import "bytes"

// Kind is what a file is as a picture, by its leading bytes.
type Kind int

const (
	// NotPicture is a file in no picture format the package knows.
	NotPicture Kind = iota
	// Cleanable is a picture Process decodes and writes again without
	// its metadata: JPEG, PNG, GIF, WebP, BMP, TIFF.
	Cleanable
	// Uncleanable is a picture whose format Process cannot decode, so its
	// metadata cannot be removed: HEIC, HEIF, AVIF, JPEG XL, JPEG 2000,
	// JPEG XR, Photoshop, camera raw files that are no TIFF (Canon CR3 and
	// CRW, Olympus, Panasonic, Fujifilm; the TIFF-based ones are decoded
	// as TIFF).
	Uncleanable
	// Drawing is a picture without camera metadata, published as it is:
	// SVG, ICO.
	Drawing
)

// uncleanable reports the names unsupportedName gives pictures Process
// cannot decode.
func uncleanable(name string) bool {
	switch name {
	case "heic", "heif", "avif", "jpeg xl", "cr3", "jpeg 2000", "photoshop", "jpeg xr",
		"olympus raw", "panasonic raw", "fujifilm raw", "canon crw":
		return true
	}
	return false
}

// Describe names the picture format head starts, for messages: "jpeg",
// "heic", "photoshop", "canon crw"…, or "" when it is no picture format
// the package knows.
func Describe(head []byte) string {
	f, name := sniff(head)
	switch {
	case f != formatUnknown:
		return f.String()
	case Sniff(head) != NotPicture:
		return name
	}
	return ""
}

// Format returns the name of the picture format Process decodes that head
// (a file's leading bytes) starts: "jpeg", "png", "gif", "webp", "bmp" or
// "tiff", or "" for anything else.
func Format(head []byte) string {
	if f, _ := sniff(head); f != formatUnknown {
		return f.String()
	}
	return ""
}

// SniffLen is how many leading bytes Sniff needs at most.
const SniffLen = 512

// Sniff tells what kind of picture head, the leading bytes of a file (up
// to SniffLen; fewer if the file is shorter), starts. It reads the bytes,
// never the name: a JPEG saved as "scan.jfif" or without an extension is
// Cleanable all the same.
func Sniff(head []byte) Kind {
	f, name := sniff(head)
	switch {
	case f != formatUnknown:
		return Cleanable
	case uncleanable(name):
		return Uncleanable
	case name == "ico":
		return Drawing
	case name == "svg" && bytes.Contains(head, []byte("<svg")):
		return Drawing // not some other XML
	}
	return NotPicture
}
