package corpus

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
)

// photo returns a 32x32 PNG portrait placeholder: a head and shoulders on a
// coloured background. The encoding is deterministic.
func photo(t text) ([]byte, error) {
	const size = 32
	bg := color.RGBA{uint8(t.between(120, 230)), uint8(t.between(120, 230)), uint8(t.between(120, 230)), 255}
	fg := color.RGBA{uint8(t.between(30, 110)), uint8(t.between(30, 110)), uint8(t.between(30, 110)), 255}
	img := image.NewPaletted(image.Rect(0, 0, size, size), color.Palette{bg, fg})
	for y := range size {
		for x := range size {
			dx, dy := x-16, y-12
			head := dx*dx+dy*dy <= 36
			sx, sy := x-16, y-34
			shoulders := sx*sx+sy*sy <= 144
			if head || shoulders {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, fmt.Errorf("encode photo: %w", err)
	}
	return b.Bytes(), nil
}
