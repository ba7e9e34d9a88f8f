package photo

import (
	"path"
	"strconv"
	"strings"
)

// IsImage reports whether name, by its extension (any case), is an image
// Process handles: .jpg, .jpeg, .jfif, .jpe, .png, .gif, .webp, .bmp, .tif
// or .tiff. Identify tells the same from a file's bytes.
// Formats Process refuses, such as .heic and .avif, report false; the caller
// must not publish those as they are, since they carry the same metadata.
func IsImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".jfif", ".jpe", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff":
		return true
	}
	return false
}

// variantNames splits name into the stem and extension the variants of an
// image written as out use. The extension is kept as written when it
// already matches out (".JPG", ".jpeg", ".png"), and replaced otherwise
// (a GIF written as PNG becomes "photo.png"), so a file's name never lies
// about its content. A name that claims no picture format ("scan", known
// as a JPEG by its bytes) is kept whole, so links to it still work, and
// the resized variants add their width to it ("scan-480w").
func variantNames(name string, out format) (stem, ext string) {
	if !IsImage(name) {
		return name, ""
	}
	ext = path.Ext(name)
	stem = name[:len(name)-len(ext)]
	switch e := strings.ToLower(ext); {
	case out == formatJPEG && (e == ".jpg" || e == ".jpeg" || e == ".jfif" || e == ".jpe"):
	case out == formatPNG && e == ".png":
	case out == formatJPEG:
		ext = ".jpg"
	default:
		ext = "." + out.String()
	}
	return stem, ext
}

// resizedName returns the file name of the variant of width w:
// "photo-480w.jpg" for stem "photo" and extension ".jpg".
func resizedName(stem, ext string, w int) string {
	return stem + "-" + strconv.Itoa(w) + "w" + ext
}
