package photo

import (
	"crypto/sha256"
	"fmt"
	"image"
	"slices"
)

// Default settings used for zero Options fields.
const (
	// DefaultJPEGQuality is the JPEG quality used when Options.JPEGQuality
	// is zero.
	DefaultJPEGQuality = 82

	// DefaultMaxPixels is the pixel limit used when Options.MaxPixels is
	// zero: about 67 million, room for a 48-megapixel phone photo.
	DefaultMaxPixels = 64 << 20
)

// DefaultWidths returns the srcset widths used when Options.Widths is nil.
func DefaultWidths() []int { return []int{480, 960, 1600} }

// Options configures a Processor. The zero value uses the defaults.
type Options struct {
	// Widths are the target widths, in pixels, of the resized variants a
	// theme lists in srcset. Widths at or above the original width are
	// skipped, as are non-positive ones and repeats. Nil means
	// DefaultWidths(); an empty non-nil slice means the full size only.
	Widths []int

	// JPEGQuality is the quality (1–100) of JPEG encodes. Zero means
	// DefaultJPEGQuality; values outside the range are clamped.
	JPEGQuality int

	// MaxPixels is the largest width×height Process decodes; bigger
	// images are an error, checked from the header before any pixel is
	// allocated. Zero or negative means DefaultMaxPixels.
	MaxPixels int
}

// Variant is one published file made from a source image.
type Variant struct {
	// Name is the file name: the source name for the full-size variant
	// ("photo.jpg"; the extension changes only when the format does, so
	// "anim.gif" gives "anim.png"), and "photo-480w.jpg" style names for
	// the resized ones. A directory part of the source name is kept.
	Name string

	// Width and Height are the pixel dimensions, after orientation.
	Width, Height int

	// Data is the encoded image, free of metadata. It may be shared with
	// other results of the same Processor and must not be modified.
	Data []byte

	// MediaType is the MIME type of Data: "image/jpeg" or "image/png".
	MediaType string
}

// Processor cleans and resizes images. Build it with New; it is safe for
// concurrent use. It remembers its recent results in memory, so an image
// used on several pages of a build is processed once.
type Processor struct {
	widths     []int // ascending, positive, unique
	quality    int
	maxPixels  int
	cache      *cache
	pngBuffers pngBufferPool
}

// New returns a Processor with opts, defaults filled in.
func New(opts Options) *Processor {
	widths := opts.Widths
	if widths == nil {
		widths = DefaultWidths()
	}
	widths = slices.DeleteFunc(slices.Clone(widths), func(w int) bool { return w <= 0 })
	slices.Sort(widths)
	widths = slices.Compact(widths)

	quality := opts.JPEGQuality
	if quality == 0 {
		quality = DefaultJPEGQuality
	}
	quality = min(max(quality, 1), 100)

	maxPixels := opts.MaxPixels
	if maxPixels <= 0 {
		maxPixels = DefaultMaxPixels
	}
	return &Processor{
		widths:    widths,
		quality:   quality,
		maxPixels: maxPixels,
		cache:     newCache(cacheEntries, cacheBytes),
	}
}

// Process decodes the image src, published as name, applies its EXIF
// orientation to the pixels, and re-encodes it without any metadata: full
// size first, then one variant per configured width below the original
// width, narrowest first. JPEG stays JPEG; PNG, GIF, BMP, TIFF and lossless
// or transparent WebP become PNG; lossy WebP becomes JPEG. The format is
// found from the bytes, not from name.
//
// An animated GIF is ErrAnimatedGIF; a format Process cannot decode (HEIC,
// AVIF, …) wraps ErrUnsupportedFormat and names the format. Malformed data
// is an error, never a panic. The same src always gives byte-identical
// variants.
func (p *Processor) Process(name string, src []byte) ([]Variant, error) {
	// The options are fixed for the Processor's life, so the source digest
	// alone identifies a result; the name only shapes the variant names.
	res, err := p.cache.do(sha256.Sum256(src), func() (res *result, err error) {
		defer func() {
			if r := recover(); r != nil {
				res, err = nil, fmt.Errorf("process image: internal error: %v", r)
			}
		}()
		return p.process(src)
	})
	if err != nil {
		return nil, err
	}
	stem, ext := variantNames(name, res.out)
	vs := make([]Variant, 0, 1+len(res.resized))
	vs = append(vs, res.variant(stem+ext, res.full))
	for _, e := range res.resized {
		vs = append(vs, res.variant(resizedName(stem, ext, e.width), e))
	}
	return vs, nil
}

// variant returns e as a Variant called name.
func (r *result) variant(name string, e encoded) Variant {
	return Variant{Name: name, Width: e.width, Height: e.height, Data: e.data, MediaType: r.out.mediaType()}
}

// process does the work of Process for one source, uncached.
func (p *Processor) process(src []byte) (*result, error) {
	f, unsupported := sniff(src)
	if f == formatUnknown {
		return nil, fmt.Errorf("%w: %s", ErrUnsupportedFormat, unsupported)
	}
	if f == formatGIF {
		if err := singleFrame(src); err != nil {
			return nil, err
		}
	}
	cfg, err := decodeConfig(f, src)
	if err != nil {
		return nil, fmt.Errorf("decode %s header: %w", f, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("decode %s header: empty image %d×%d", f, cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > int64(p.maxPixels) {
		return nil, fmt.Errorf("image is %d×%d pixels, more than the limit of %d", cfg.Width, cfg.Height, p.maxPixels)
	}
	img, err := decode(f, src)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", f, err)
	}
	res := &result{out: outputFormat(f, img)} // before orient changes the pixel type
	img = orient(img, orientation(f, src))

	b := img.Bounds()
	data, err := p.encode(res.out, img)
	if err != nil {
		return nil, err
	}
	res.full = encoded{width: b.Dx(), height: b.Dy(), data: data}
	res.dataSize = len(data)

	if err := p.resize(res, img); err != nil {
		return nil, err
	}
	return res, nil
}

// resize adds to res one encoded variant of img per configured width below
// img's width. It works widest first, so each narrower variant can be
// resampled from a wider one at least twice its width instead of from the
// full-size pixels: far fewer kernel taps, and at 2:1 or more no visible
// loss.
func (p *Processor) resize(res *result, img image.Image) error {
	b := img.Bounds()
	var base image.Image   // img in a pixel format the resampler reads fast
	var made []*image.RGBA // resized so far, widest first
	for _, w := range slices.Backward(p.widths) {
		if w >= b.Dx() {
			continue
		}
		var from image.Image
		for _, m := range slices.Backward(made) {
			if m.Rect.Dx() >= 2*w {
				from = m
				break
			}
		}
		if from == nil {
			if base == nil {
				base = scalable(img)
			}
			from = base
		}
		scaled := scale(from, w, scaledHeight(w, b.Dx(), b.Dy()))
		made = append(made, scaled)
		data, err := p.encode(res.out, scaled)
		if err != nil {
			return err
		}
		res.resized = append(res.resized, encoded{width: w, height: scaled.Rect.Dy(), data: data})
		res.dataSize += len(data)
	}
	slices.Reverse(res.resized) // narrowest first, as Process promises
	return nil
}

// scalable returns img in a pixel format the resampler reads fastest:
// RGBA, NRGBA and Gray as they are, anything else converted to RGBA once
// (the resampler's YCbCr path converts colour again for every kernel tap,
// and paletted or CMYK images would go through interface calls).
func scalable(img image.Image) image.Image {
	switch img.(type) {
	case *image.RGBA, *image.NRGBA, *image.Gray:
		return img
	}
	return toRGBA(img)
}

// singleFrame returns ErrAnimatedGIF when the GIF src holds more than one
// image. It reads the block structure only; a malformed stream is left for
// the decoder to report.
func singleFrame(src []byte) error {
	frames := 0
	_, _ = walkGIF(src, func(introducer, _ byte) bool {
		if introducer == gifImageBlock {
			frames++
		}
		return frames < 2
	})
	if frames > 1 {
		return ErrAnimatedGIF
	}
	return nil
}
