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

// SniffLen is how many leading bytes Identify needs at most.
const SniffLen = 512

// Identity is what a file is as a picture, found from its leading bytes.
type Identity struct {
	Kind Kind
	// Format is the format Process decodes ("jpeg", "png", "gif", "webp",
	// "bmp", "tiff"), or "" for any other bytes.
	Format string
	// Name names the picture format for messages: Format, or one Process
	// cannot decode ("heic", "photoshop", "canon crw"…), or "" for no
	// picture.
	Name string
}

// Identify tells what head, the leading bytes of a file (up to SniffLen;
// fewer if the file is shorter), is as a picture. It reads the bytes,
// never the name: a JPEG saved as "scan.jfif" or without an extension is
// Cleanable all the same.
func Identify(head []byte) Identity {
	f, name := sniff(head)
	switch {
	case f != formatUnknown:
		return Identity{Kind: Cleanable, Format: f.String(), Name: f.String()}
	case uncleanable(name):
		return Identity{Kind: Uncleanable, Name: name}
	case name == "ico", name == "svg" && bytes.Contains(head, []byte("<svg")): // not some other XML
		return Identity{Kind: Drawing, Name: name}
	}
	return Identity{}
}
