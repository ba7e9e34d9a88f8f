package photo

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"sync"

	xdraw "golang.org/x/image/draw"
)

// scale resizes img to w×h with Catmull-Rom resampling, which widens its
// kernel when shrinking, so downscaled photos stay sharp without aliasing.
func scale(img image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), xdraw.Src, nil)
	return dst
}

// scaledHeight returns the height that keeps a w0×h0 image's aspect ratio
// at width w, rounded to the nearest pixel and at least 1.
func scaledHeight(w, w0, h0 int) int {
	h := (2*w*h0 + w0) / (2 * w0)
	return max(h, 1)
}

// encode writes img in format f. The standard library encoders used here
// write pixel data and decoding tables only: no EXIF, XMP, ICC, text chunks
// or JFIF header. Both are deterministic, so equal pixels give equal bytes.
func (p *Processor) encode(f format, img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	switch f {
	case formatJPEG:
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: p.quality}); err != nil {
			return nil, fmt.Errorf("encode jpeg: %w", err)
		}
	case formatPNG:
		enc := png.Encoder{CompressionLevel: png.DefaultCompression, BufferPool: &p.pngBuffers}
		if err := enc.Encode(&buf, img); err != nil {
			return nil, fmt.Errorf("encode png: %w", err)
		}
	default:
		return nil, fmt.Errorf("encode: no encoder for %s", f)
	}
	return buf.Bytes(), nil
}

// pngBufferPool lets the PNG encoders of one Processor reuse their
// compression buffers. It implements png.EncoderBufferPool.
type pngBufferPool struct {
	pool sync.Pool
}

var _ png.EncoderBufferPool = (*pngBufferPool)(nil)

// Get returns a pooled buffer, or nil so the encoder allocates one.
func (b *pngBufferPool) Get() *png.EncoderBuffer {
	buf, _ := b.pool.Get().(*png.EncoderBuffer)
	return buf
}

// Put returns buf to the pool.
func (b *pngBufferPool) Put(buf *png.EncoderBuffer) {
	b.pool.Put(buf)
}
