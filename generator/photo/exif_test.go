package photo

import (
	"encoding/binary"
	"image/color"
	"testing"
)

// orientationEntry returns a minimal TIFF whose IFD0 holds one Orientation
// entry with the given value type, count and value.
func orientationEntry(order binary.ByteOrder, typ uint16, count, value uint32) []byte {
	b := make([]byte, 8+2+12+4)
	if order == binary.LittleEndian {
		copy(b, "II")
	} else {
		copy(b, "MM")
	}
	order.PutUint16(b[2:], 42)
	order.PutUint32(b[4:], 8)
	order.PutUint16(b[8:], 1)
	order.PutUint16(b[10:], tagOrientation)
	order.PutUint16(b[12:], typ)
	order.PutUint32(b[14:], count)
	if typ == 3 {
		order.PutUint16(b[18:], uint16(value))
	} else {
		order.PutUint32(b[18:], value)
	}
	return b
}

func TestTIFFOrientation(t *testing.T) {
	tests := []struct {
		name string
		tiff []byte
		want int
	}{
		{"none", nil, 1},
		{"short garbage", []byte("MM\x00"), 1},
		{"big-endian short 6", orientationEntry(binary.BigEndian, 3, 1, 6), 6},
		{"little-endian short 8", orientationEntry(binary.LittleEndian, 3, 1, 8), 8},
		{"long 3", orientationEntry(binary.BigEndian, 4, 1, 3), 3},
		{"ascii type ignored", orientationEntry(binary.BigEndian, 2, 1, 6), 1},
		{"zero count", orientationEntry(binary.BigEndian, 3, 0, 6), 1},
		{"value 0", orientationEntry(binary.BigEndian, 3, 1, 0), 1},
		{"value 9", orientationEntry(binary.BigEndian, 3, 1, 9), 1},
		{"huge long", orientationEntry(binary.LittleEndian, 4, 1, 0xFFFFFFFF), 1},
		{"entry cut off", orientationEntry(binary.BigEndian, 3, 1, 6)[:20], 1},
		{"after other tags", exifBlock(binary.BigEndian, 5), 5},
		{"no orientation tag", exifBlock(binary.LittleEndian, 0), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tiffOrientation(tt.tiff); got != tt.want {
				t.Errorf("tiffOrientation = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestOrientationByContainer(t *testing.T) {
	tiff := exifBlock(binary.BigEndian, 7)
	jpg := encodeJPEG(t, gradient(4, 2))
	png1 := encodePNG(t, gradient(4, 2))
	tests := []struct {
		name string
		f    format
		data []byte
		want int
	}{
		{"jpeg app1", formatJPEG, spliceJPEG(jpg, exifSegment(tiff)), 7},
		{"jpeg first exif wins", formatJPEG, spliceJPEG(jpg, exifSegment(exifBlock(binary.BigEndian, 3)), exifSegment(tiff)), 3},
		{"jpeg xmp app1 is not exif", formatJPEG, spliceJPEG(jpg, jpegSegment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00"+string(tiff)))), 1},
		{"jpeg none", formatJPEG, jpg, 1},
		{"png exif", formatPNG, splicePNG(png1, pngChunk("eXIf", tiff)), 7},
		{"png exif with header", formatPNG, splicePNG(png1, pngChunk("eXIf", append([]byte(exifHeader), tiff...))), 7},
		{"webp exif", formatWebP, webpFile(riffChunk("EXIF", tiff)), 7},
		{"tiff itself", formatTIFF, tiff, 7},
		{"gif has none", formatGIF, encodeGIF(t, gradient(4, 2)), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := orientation(tt.f, tt.data); got != tt.want {
				t.Errorf("orientation = %d, want %d", got, tt.want)
			}
		})
	}
}

// FuzzTIFFOrientation checks that no EXIF block, however broken, panics the
// parser or yields a value outside 1–8, alone or spliced into a JPEG.
func FuzzTIFFOrientation(f *testing.F) {
	for o := range 9 {
		f.Add(exifBlock(binary.BigEndian, o))
		f.Add(exifBlock(binary.LittleEndian, o))
	}
	f.Add(orientationEntry(binary.BigEndian, 4, 1, 0xFFFFFFFF))
	f.Add([]byte("II*\x00\xff\xff\xff\xff"))
	f.Add([]byte("MM\x00*\x00\x00\x00\x08\xff\xff"))
	jpg := encodeJPEG(f, gradient(2, 2))
	f.Fuzz(func(t *testing.T, tiff []byte) {
		if o := tiffOrientation(tiff); o < 1 || o > 8 {
			t.Fatalf("tiffOrientation = %d", o)
		}
		if len(tiff) > 0xFFF0 {
			return
		}
		if o := orientation(formatJPEG, spliceJPEG(jpg, exifSegment(tiff))); o < 1 || o > 8 {
			t.Fatalf("orientation = %d", o)
		}
	})
}

// FuzzProcess checks that Process and HasMetadata never panic and that
// whatever Process returns carries no metadata.
func FuzzProcess(f *testing.F) {
	jpg := encodeJPEG(f, gradient(6, 4))
	f.Add(jpg)
	f.Add(spliceJPEG(jpg, exifSegment(exifBlock(binary.BigEndian, 6)), jpegSegment(0xFE, []byte(leakMarker))))
	f.Add(splicePNG(encodePNG(f, gradient(6, 4)), pngChunk("tEXt", []byte("k\x00"+leakMarker))))
	f.Add(spliceGIF(encodeGIF(f, gradient(6, 4)), gifComment(leakMarker)))
	f.Add(webpFile(riffChunk("VP8L", solidVP8L(3, 2, color.NRGBA{1, 2, 3, 255}))))
	f.Fuzz(func(t *testing.T, src []byte) {
		HasMetadata(src)
		p := New(Options{Widths: []int{2, 4}, MaxPixels: 1 << 16})
		vs, err := p.Process("f.img", src)
		if err != nil {
			return
		}
		for _, v := range vs {
			if HasMetadata(v.Data) {
				t.Fatalf("%s carries metadata", v.Name)
			}
		}
	})
}
