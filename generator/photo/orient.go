package photo

import (
	"image"
	"image/draw"
)

// orient returns img turned and mirrored as EXIF orientation o (1–8) asks,
// so the result displays upright with no orientation tag. Orientation 1 and
// out-of-range values return img itself. Pixel formats with a byte buffer
// keep their type (a paletted GIF stays paletted, 16-bit PNG stays 16-bit);
// others are converted to RGBA first. The result's bounds start at (0, 0).
func orient(img image.Image, o int) image.Image {
	if o < 2 || o > 8 {
		return img
	}
	switch m := img.(type) {
	case *image.RGBA:
		pix, r, stride := transform(m.Pix, m.Stride, m.Rect, 4, o)
		return &image.RGBA{Pix: pix, Stride: stride, Rect: r}
	case *image.NRGBA:
		pix, r, stride := transform(m.Pix, m.Stride, m.Rect, 4, o)
		return &image.NRGBA{Pix: pix, Stride: stride, Rect: r}
	case *image.RGBA64:
		pix, r, stride := transform(m.Pix, m.Stride, m.Rect, 8, o)
		return &image.RGBA64{Pix: pix, Stride: stride, Rect: r}
	case *image.NRGBA64:
		pix, r, stride := transform(m.Pix, m.Stride, m.Rect, 8, o)
		return &image.NRGBA64{Pix: pix, Stride: stride, Rect: r}
	case *image.Gray:
		pix, r, stride := transform(m.Pix, m.Stride, m.Rect, 1, o)
		return &image.Gray{Pix: pix, Stride: stride, Rect: r}
	case *image.Gray16:
		pix, r, stride := transform(m.Pix, m.Stride, m.Rect, 2, o)
		return &image.Gray16{Pix: pix, Stride: stride, Rect: r}
	case *image.Paletted:
		pix, r, stride := transform(m.Pix, m.Stride, m.Rect, 1, o)
		return &image.Paletted{Pix: pix, Stride: stride, Rect: r, Palette: m.Palette}
	}
	return orient(toRGBA(img), o)
}

// transform copies a pixel buffer (bpp bytes per pixel, Pix[0] at the
// rectangle's top-left) into a new buffer laid out for orientation o, and
// returns it with its rectangle and stride.
func transform(pix []byte, stride int, r image.Rectangle, bpp, o int) ([]byte, image.Rectangle, int) {
	w, h := r.Dx(), r.Dy()
	dw, dh := w, h
	if o >= 5 { // the four orientations that swap the axes
		dw, dh = h, w
	}
	dstStride := dw * bpp
	dst := make([]byte, dstStride*dh)
	for dy := 0; dy < dh; dy++ {
		row := dst[dy*dstStride : (dy+1)*dstStride]
		for dx := 0; dx < dw; dx++ {
			sx, sy := sourcePixel(o, dx, dy, w, h)
			si := sy*stride + sx*bpp
			copy(row[dx*bpp:(dx+1)*bpp], pix[si:si+bpp])
		}
	}
	return dst, image.Rect(0, 0, dw, dh), dstStride
}

// sourcePixel returns which pixel of a w×h stored image lands at (dx, dy)
// of the upright image for EXIF orientation o.
func sourcePixel(o, dx, dy, w, h int) (sx, sy int) {
	switch o {
	case 2: // mirrored left-right
		return w - 1 - dx, dy
	case 3: // turned 180°
		return w - 1 - dx, h - 1 - dy
	case 4: // mirrored top-bottom
		return dx, h - 1 - dy
	case 5: // transposed
		return dy, dx
	case 6: // stored turned 90° anticlockwise: turn clockwise
		return dy, h - 1 - dx
	case 7: // transversed
		return w - 1 - dy, h - 1 - dx
	case 8: // stored turned 90° clockwise: turn anticlockwise
		return w - 1 - dy, dx
	}
	return dx, dy
}

// toRGBA copies img into a new RGBA image with bounds at (0, 0).
func toRGBA(img image.Image) *image.RGBA {
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
	return dst
}
