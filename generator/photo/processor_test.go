package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestProcessStripsMetadata(t *testing.T) {
	plainJPEG := encodeJPEG(t, gradient(40, 30))
	plainPNG := encodePNG(t, gradient(40, 30))
	xmp := append([]byte("http://ns.adobe.com/xap/1.0/\x00"), `<x:xmpmeta><exif:GPSLatitude>`+leakMarker+`</exif:GPSLatitude></x:xmpmeta>`...)
	iptc := append([]byte("Photoshop 3.0\x008BIM\x04\x04\x00\x00"), leakMarker...)
	icc := append([]byte("ICC_PROFILE\x00\x01\x01"), leakMarker...)
	tests := []struct {
		name string
		src  []byte
	}{
		{"exif-be.jpg", spliceJPEG(plainJPEG, exifSegment(exifBlock(binary.BigEndian, 1)))},
		{"exif-le.jpg", spliceJPEG(plainJPEG, exifSegment(exifBlock(binary.LittleEndian, 0)))},
		{"xmp.jpg", spliceJPEG(plainJPEG, jpegSegment(0xE1, xmp))},
		{"comment.jpg", spliceJPEG(plainJPEG, jpegSegment(0xFE, []byte(leakMarker)))},
		{"iptc.jpg", spliceJPEG(plainJPEG, jpegSegment(0xED, iptc))},
		{"icc.jpg", spliceJPEG(plainJPEG, jpegSegment(0xE2, icc))},
		{"all.jpg", spliceJPEG(plainJPEG,
			exifSegment(exifBlock(binary.BigEndian, 1)), jpegSegment(0xE1, xmp),
			jpegSegment(0xFE, []byte(leakMarker)), jpegSegment(0xED, iptc))},
		{"text.png", splicePNG(plainPNG, pngChunk("tEXt", []byte("Comment\x00"+leakMarker)))},
		{"exif.png", splicePNG(plainPNG, pngChunk("eXIf", exifBlock(binary.BigEndian, 1)))},
		{"itxt.png", splicePNG(plainPNG, pngChunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"+leakMarker)))},
		{"time.png", splicePNG(plainPNG, pngChunk("tIME", []byte{0x07, 0xE8, 1, 2, 3, 4, 5}),
			pngChunk("tEXt", []byte("GPS\x00"+leakMarker)))},
		{"comment.gif", spliceGIF(encodeGIF(t, gradient(40, 30)), gifComment(leakMarker))},
	}
	p := New(Options{Widths: []int{10, 20}})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !HasMetadata(tt.src) {
				t.Fatal("fixture: HasMetadata(src) = false, splice failed")
			}
			vs, err := p.Process(tt.name, tt.src)
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			if len(vs) != 3 {
				t.Fatalf("got %d variants, want full size and 2 widths", len(vs))
			}
			for _, v := range vs {
				if bytes.Contains(v.Data, []byte(leakMarker)) {
					t.Errorf("%s: output contains %q", v.Name, leakMarker)
				}
				if HasMetadata(v.Data) {
					t.Errorf("%s: HasMetadata(output) = true", v.Name)
				}
				decodeAny(t, v)
			}
		})
	}
}

func TestProcessFormatsAndNames(t *testing.T) {
	tests := []struct {
		name      string
		src       []byte
		wantNames []string
		wantType  string
	}{
		{"photo.jpg", encodeJPEG(t, gradient(40, 30)), []string{"photo.jpg", "photo-10w.jpg", "photo-20w.jpg"}, "image/jpeg"},
		{"leaders/ana/Photo.JPEG", encodeJPEG(t, gradient(40, 30)), []string{"leaders/ana/Photo.JPEG", "leaders/ana/Photo-10w.JPEG", "leaders/ana/Photo-20w.JPEG"}, "image/jpeg"},
		{"chart.png", encodePNG(t, gradient(40, 30)), []string{"chart.png", "chart-10w.png", "chart-20w.png"}, "image/png"},
		{"logo.gif", encodeGIF(t, gradient(40, 30)), []string{"logo.png", "logo-10w.png", "logo-20w.png"}, "image/png"},
		{"misnamed.jpg", encodePNG(t, gradient(40, 30)), []string{"misnamed.png", "misnamed-10w.png", "misnamed-20w.png"}, "image/png"},
		{"scan.tiff", encodeTIFF(t, gradient(40, 30)), []string{"scan.png", "scan-10w.png", "scan-20w.png"}, "image/png"},
		{"old.bmp", encodeBMP(t, gradient(40, 30)), []string{"old.png", "old-10w.png", "old-20w.png"}, "image/png"},
		// A name that claims no picture format is kept whole: links to it work.
		{"noext", encodeJPEG(t, gradient(40, 30)), []string{"noext", "noext-10w", "noext-20w"}, "image/jpeg"},
	}
	p := New(Options{Widths: []int{20, 10, 10, -5, 0}})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := p.Process(tt.name, tt.src)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, v := range vs {
				names = append(names, v.Name)
				if v.MediaType != tt.wantType {
					t.Errorf("%s: MediaType %q, want %q", v.Name, v.MediaType, tt.wantType)
				}
				decodeAny(t, v)
			}
			if !slices.Equal(names, tt.wantNames) {
				t.Errorf("names %q, want %q", names, tt.wantNames)
			}
		})
	}
}

func TestProcessWidths(t *testing.T) {
	type size struct{ w, h int }
	tests := []struct {
		name   string
		w, h   int
		widths []int
		want   []size // full size first
	}{
		{"skips widths at or above the original", 40, 30, []int{10, 20, 40, 80}, []size{{40, 30}, {10, 8}, {20, 15}}},
		{"portrait keeps aspect", 30, 90, []int{10, 29}, []size{{30, 90}, {10, 30}, {29, 87}}},
		{"very wide rounds height to at least 1", 400, 2, []int{10}, []size{{400, 2}, {10, 1}}},
		{"empty widths means full size only", 40, 30, []int{}, []size{{40, 30}}},
		{"nil widths means defaults", 1000, 500, nil, []size{{1000, 500}, {480, 240}, {960, 480}}},
		{"image smaller than every width", 300, 200, nil, []size{{300, 200}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := encodeJPEG(t, gradient(tt.w, tt.h))
			vs, err := New(Options{Widths: tt.widths}).Process("p.jpg", src)
			if err != nil {
				t.Fatal(err)
			}
			var got []size
			for _, v := range vs {
				got = append(got, size{v.Width, v.Height})
				decodeAny(t, v)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sizes %v, want %v", got, tt.want)
			}
		})
	}
}

func TestProcessJPEGOrientation(t *testing.T) {
	// Stored 32×16: left half red, right half blue. Orientation 6 means the
	// camera was turned, so upright the left half becomes the top half.
	stored := image.NewRGBA(image.Rect(0, 0, 32, 16))
	for y := range 16 {
		for x := range 32 {
			c := color.RGBA{255, 0, 0, 255}
			if x >= 16 {
				c = color.RGBA{0, 0, 255, 255}
			}
			stored.SetRGBA(x, y, c)
		}
	}
	src := spliceJPEG(encodeJPEG(t, stored), exifSegment(exifBlock(binary.LittleEndian, 6)))
	vs, err := New(Options{Widths: []int{8}}).Process("turned.jpg", src)
	if err != nil {
		t.Fatal(err)
	}
	if vs[0].Width != 16 || vs[0].Height != 32 {
		t.Fatalf("full size %dx%d, want 16x32", vs[0].Width, vs[0].Height)
	}
	if vs[1].Width != 8 || vs[1].Height != 16 {
		t.Fatalf("resized %dx%d, want 8x16", vs[1].Width, vs[1].Height)
	}
	for _, v := range vs {
		img := decodeAny(t, v)
		top := color.RGBAModel.Convert(img.At(v.Width/2, v.Height/4)).(color.RGBA)
		bottom := color.RGBAModel.Convert(img.At(v.Width/2, 3*v.Height/4)).(color.RGBA)
		if top.R < 200 || top.B > 60 || bottom.B < 200 || bottom.R > 60 {
			t.Errorf("%s: top %v, bottom %v; want red over blue", v.Name, top, bottom)
		}
	}

	small := spliceJPEG(encodeJPEG(t, gradient(4, 2)), exifSegment(exifBlock(binary.BigEndian, 6)))
	vs, err = New(Options{}).Process("small.jpg", small)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Width != 2 || vs[0].Height != 4 {
		t.Fatalf("4x2 with orientation 6 gave %d variants, first %dx%d; want one 2x4", len(vs), vs[0].Width, vs[0].Height)
	}
}

func TestProcessPNGOrientationExact(t *testing.T) {
	const w, h = 3, 2
	stored := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			stored.SetNRGBA(x, y, color.NRGBA{uint8(10 + x), uint8(20 + y), 0, 255})
		}
	}
	// where stored pixel (x, y) must show up for each orientation, written
	// as forward maps, independently of the inverse maps the code uses
	forward := map[int]func(x, y int) (int, int){
		1: func(x, y int) (int, int) { return x, y },
		2: func(x, y int) (int, int) { return w - 1 - x, y },
		3: func(x, y int) (int, int) { return w - 1 - x, h - 1 - y },
		4: func(x, y int) (int, int) { return x, h - 1 - y },
		5: func(x, y int) (int, int) { return y, x },
		6: func(x, y int) (int, int) { return h - 1 - y, x },
		7: func(x, y int) (int, int) { return h - 1 - y, w - 1 - x },
		8: func(x, y int) (int, int) { return y, w - 1 - x },
	}
	for o := 1; o <= 8; o++ {
		t.Run(fmt.Sprint("orientation ", o), func(t *testing.T) {
			src := splicePNG(encodePNG(t, stored), pngChunk("eXIf", exifBlock(binary.BigEndian, o)))
			vs, err := New(Options{Widths: []int{}}).Process("o.png", src)
			if err != nil {
				t.Fatal(err)
			}
			img := decodeAny(t, vs[0])
			wantW, wantH := w, h
			if o >= 5 {
				wantW, wantH = h, w
			}
			if vs[0].Width != wantW || vs[0].Height != wantH {
				t.Fatalf("size %dx%d, want %dx%d", vs[0].Width, vs[0].Height, wantW, wantH)
			}
			for y := range h {
				for x := range w {
					dx, dy := forward[o](x, y)
					got := color.NRGBAModel.Convert(img.At(dx, dy))
					if want := stored.NRGBAAt(x, y); got != want {
						t.Errorf("upright (%d,%d) = %v, want stored (%d,%d) = %v", dx, dy, got, x, y, want)
					}
				}
			}
		})
	}
}

func TestProcessKeepsTransparency(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 40, 40))
	for y := range 40 {
		for x := range 40 {
			if x >= 20 {
				img.SetNRGBA(x, y, color.NRGBA{0, 128, 0, 255})
			} // left half stays fully transparent
		}
	}
	for _, tt := range []struct {
		name string
		src  []byte
	}{
		{"alpha.png", encodePNG(t, img)},
		{"alpha.gif", encodeGIF(t, paletted(img))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := New(Options{Widths: []int{20}}).Process(tt.name, tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if len(vs) != 2 {
				t.Fatalf("got %d variants, want 2", len(vs))
			}
			for _, v := range vs {
				if v.MediaType != "image/png" {
					t.Errorf("%s: MediaType %q, want image/png", v.Name, v.MediaType)
				}
				out := decodeAny(t, v)
				_, _, _, clear := out.At(v.Width/8, v.Height/2).RGBA()
				_, _, _, solid := out.At(v.Width*7/8, v.Height/2).RGBA()
				if clear != 0 || solid != 0xFFFF {
					t.Errorf("%s: alpha %d left, %d right; want 0 and 65535", v.Name, clear, solid)
				}
			}
		})
	}
}

// paletted converts img to a paletted image with a transparent entry.
func paletted(img image.Image) *image.Paletted {
	pal := color.Palette{color.NRGBA{}, color.NRGBA{0, 128, 0, 255}}
	out := image.NewPaletted(img.Bounds(), pal)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.Set(x, y, img.At(x, y))
		}
	}
	return out
}

func TestProcessRejects(t *testing.T) {
	jpg := encodeJPEG(t, gradient(40, 30))
	png1 := encodePNG(t, gradient(40, 30))
	hugeIHDR := []byte{0, 0x01, 0x86, 0xA0, 0, 0x01, 0x86, 0xA0, 8, 6, 0, 0, 0} // 100000×100000
	huge := append([]byte(pngSignature), pngChunk("IHDR", hugeIHDR)...)
	huge = append(huge, pngChunk("IEND", nil)...)

	frame := func(c color.Color) *image.Paletted {
		m := image.NewPaletted(image.Rect(0, 0, 4, 4), color.Palette{color.Black, color.White})
		m.Set(0, 0, c)
		return m
	}
	var anim bytes.Buffer
	if err := gif.EncodeAll(&anim, &gif.GIF{Image: []*image.Paletted{frame(color.Black), frame(color.White)}, Delay: []int{10, 10}}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		src     []byte
		is      error  // when set, errors.Is must hold
		message string // substring of the error
	}{
		{"empty", nil, ErrUnsupportedFormat, "unknown"},
		{"text", []byte("hello, not an image"), ErrUnsupportedFormat, "unknown"},
		{"heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), ErrUnsupportedFormat, "heic"},
		{"avif", []byte("\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1"), ErrUnsupportedFormat, "avif"},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), ErrUnsupportedFormat, "svg"},
		{"truncated jpeg", jpg[:len(jpg)/2], nil, "decode jpeg"},
		{"jpeg header only", jpg[:20], nil, "jpeg"},
		{"soi and garbage", append([]byte{0xFF, 0xD8, 0xFF}, bytes.Repeat([]byte{0x42}, 64)...), nil, "jpeg"},
		{"truncated png", png1[:len(png1)-30], nil, "decode png"},
		{"png signature only", []byte(pngSignature), nil, "png"},
		{"gif header only", []byte("GIF89a"), nil, "gif"},
		{"riff webp header only", []byte("RIFF\x04\x00\x00\x00WEBP"), nil, "webp"},
		{"too many pixels", huge, nil, "more than the limit"},
		{"animated gif", anim.Bytes(), ErrAnimatedGIF, "animated GIF not supported"},
	}
	p := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := p.Process("x", tt.src)
			if err == nil {
				t.Fatalf("Process succeeded with %d variants, want an error", len(vs))
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %q", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error %q does not mention %q", err, tt.message)
			}
		})
	}
}

func TestProcessToleratesBrokenExif(t *testing.T) {
	good := exifBlock(binary.BigEndian, 6)
	hugeCount := exifBlock(binary.BigEndian, 0) // no orientation tag to find
	binary.BigEndian.PutUint16(hugeCount[8:], 0xFFFF)
	farIFD := append([]byte{}, good...)
	binary.BigEndian.PutUint32(farIFD[4:], 0xFFFFFFF0)
	tests := map[string][]byte{
		"empty":            nil,
		"bad byte order":   append([]byte("XX"), good[2:]...),
		"bad magic":        append([]byte("MM\x00\x2B"), good[4:]...),
		"huge entry count": hugeCount,
		"ifd past end":     farIFD,
		"cut in IFD0":      good[:20],
	}
	src := encodeJPEG(t, gradient(4, 2))
	for name, exif := range tests {
		t.Run(name, func(t *testing.T) {
			vs, err := New(Options{}).Process("p.jpg", spliceJPEG(src, exifSegment(exif)))
			if err != nil {
				t.Fatal(err)
			}
			if vs[0].Width != 4 || vs[0].Height != 2 {
				t.Errorf("size %dx%d, want the stored 4x2", vs[0].Width, vs[0].Height)
			}
		})
	}
}

func TestProcessDeterministic(t *testing.T) {
	src := spliceJPEG(encodeJPEG(t, gradient(64, 48)), exifSegment(exifBlock(binary.BigEndian, 8)))
	a, err := New(Options{Widths: []int{16, 32}}).Process("a.jpg", src)
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(Options{Widths: []int{16, 32}}).Process("a.jpg", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d variants, then %d", len(a), len(b))
	}
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s: two runs gave different bytes", a[i].Name)
		}
	}
}

func TestProcessCachedUnderAnotherName(t *testing.T) {
	src := encodePNG(t, gradient(40, 30))
	p := New(Options{Widths: []int{10}})
	first, err := p.Process("one.png", src)
	if err != nil {
		t.Fatal(err)
	}
	second, err := p.Process("two.png", src)
	if err != nil {
		t.Fatal(err)
	}
	if first[0].Name != "one.png" || second[0].Name != "two.png" || second[1].Name != "two-10w.png" {
		t.Errorf("names %q then %q, %q", first[0].Name, second[0].Name, second[1].Name)
	}
	if &first[0].Data[0] != &second[0].Data[0] {
		t.Error("second call re-encoded instead of reusing the cached result")
	}
}

func TestProcessConcurrent(t *testing.T) {
	srcs := [][]byte{
		encodeJPEG(t, gradient(60, 40)),
		encodePNG(t, gradient(50, 50)),
		spliceJPEG(encodeJPEG(t, gradient(40, 60)), exifSegment(exifBlock(binary.LittleEndian, 6))),
		encodeGIF(t, gradient(30, 20)),
	}
	opts := Options{Widths: []int{12, 24}}
	want := make([][]Variant, len(srcs))
	for i, src := range srcs {
		vs, err := New(opts).Process(fmt.Sprint(i, ".img"), src)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = vs
	}
	p := New(opts)
	var wg sync.WaitGroup
	errs := make([]error, 32)
	for g := range errs {
		wg.Go(func() {
			i := g % len(srcs)
			vs, err := p.Process(fmt.Sprint(i, ".img"), srcs[i])
			if err != nil {
				errs[g] = err
				return
			}
			for k := range vs {
				if vs[k].Name != want[i][k].Name || !bytes.Equal(vs[k].Data, want[i][k].Data) {
					errs[g] = fmt.Errorf("source %d variant %d differs from a sequential run", i, k)
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}
