package photo

import (
	"fmt"
	"image"
	"image/color"
	"testing"
)

func TestOrientKeepsPixelType(t *testing.T) {
	pal := color.Palette{color.Black, color.White, color.Gray{80}, color.Gray{160}, color.Gray{200}, color.Gray{240}}
	r := image.Rect(0, 0, 3, 2)
	tests := []struct {
		img      image.Image
		wantType string
	}{
		{image.NewRGBA(r), "*image.RGBA"},
		{image.NewNRGBA(r), "*image.NRGBA"},
		{image.NewRGBA64(r), "*image.RGBA64"},
		{image.NewNRGBA64(r), "*image.NRGBA64"},
		{image.NewGray(r), "*image.Gray"},
		{image.NewGray16(r), "*image.Gray16"},
		{image.NewPaletted(r, pal), "*image.Paletted"},
		{image.NewYCbCr(r, image.YCbCrSubsampleRatio444), "*image.RGBA"},
		{image.NewCMYK(r), "*image.RGBA"},
		// a sub-image, whose bounds do not start at (0, 0)
		{image.NewGray(image.Rect(0, 0, 5, 4)).SubImage(image.Rect(1, 1, 4, 3)), "*image.Gray"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%T", tt.img), func(t *testing.T) {
			b := tt.img.Bounds()
			for y := range 2 {
				for x := range 3 {
					setGray(tt.img, b.Min.X+x, b.Min.Y+y, pal[y*3+x])
				}
			}
			out := orient(tt.img, 6)
			if got := fmt.Sprintf("%T", out); got != tt.wantType {
				t.Errorf("type %s, want %s", got, tt.wantType)
			}
			if got := out.Bounds(); got != image.Rect(0, 0, 2, 3) {
				t.Fatalf("bounds %v, want (0,0)-(2,3)", got)
			}
			for y := range 2 {
				for x := range 3 {
					// orientation 6 sends stored (x, y) to upright (1-y, x)
					want := color.GrayModel.Convert(tt.img.At(b.Min.X+x, b.Min.Y+y))
					if got := color.GrayModel.Convert(out.At(1-y, x)); got != want {
						t.Errorf("upright (%d,%d) = %v, want %v", 1-y, x, got, want)
					}
				}
			}
		})
	}
}

func TestOrientOneIsIdentity(t *testing.T) {
	img := gradient(3, 2)
	for _, o := range []int{0, 1, 9, -1} {
		if out := orient(img, o); out != image.Image(img) {
			t.Errorf("orient(img, %d) made a copy", o)
		}
	}
}

// setGray sets pixel (x, y) of img to the grey level of c; YCbCr images,
// which have no Set method, get it in their luma plane.
func setGray(img image.Image, x, y int, c color.Color) {
	if m, ok := img.(*image.YCbCr); ok {
		m.Y[m.YOffset(x, y)] = color.GrayModel.Convert(c).(color.Gray).Y
		m.Cb[m.COffset(x, y)], m.Cr[m.COffset(x, y)] = 128, 128
		return
	}
	img.(interface{ Set(x, y int, c color.Color) }).Set(x, y, c)
}
