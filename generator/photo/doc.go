// Package photo prepares the images a site publishes: it strips every
// metadata block (EXIF with GPS, XMP, IPTC, ICC profiles, comments, text
// chunks), applies the EXIF orientation to the pixels so nothing is lost by
// stripping it, and writes the resized copies a theme lists in srcset.
//
// The package never copies a source image through unchanged: every byte it
// returns comes from a fresh encode of decoded pixels, and the standard
// library encoders it uses write no metadata at all. HasMetadata lets tests
// and the build's leak checks confirm that.
//
// Besides the standard library it uses golang.org/x/image: its draw package
// gives a Catmull-Rom resampler (good downscaling quality, which image/draw
// lacks), and its webp, bmp and tiff packages decode those formats so they
// can be cleaned and re-encoded instead of refused.
//
// photo knows nothing about pages, templates or the output folder; it works
// on bytes in and bytes out. A Processor holds no global state and is safe
// for concurrent use.
package photo
