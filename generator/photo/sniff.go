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
	// metadata cannot be removed: HEIC, HEIF, AVIF, JPEG XL, Canon CR3.
	Uncleanable
	// Drawing is a picture without camera metadata, published as it is:
	// SVG, ICO.
	Drawing
)

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
	case name == "heic", name == "heif", name == "avif", name == "jpeg xl", name == "cr3":
		return Uncleanable
	case name == "ico":
		return Drawing
	case name == "svg" && bytes.Contains(head, []byte("<svg")):
		return Drawing // not some other XML
	}
	return NotPicture
}
