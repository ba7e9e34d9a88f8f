package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"testing"
)

func TestHasMetadata(t *testing.T) {
	jpg := encodeJPEG(t, gradient(8, 8))
	png1 := encodePNG(t, gradient(8, 8))
	gif1 := encodeGIF(t, gradient(8, 8))
	vp8l := riffChunk("VP8L", solidVP8L(2, 2, color.NRGBA{A: 255}))
	var looping bytes.Buffer
	frames := []*image.Paletted{image.NewPaletted(image.Rect(0, 0, 2, 2), color.Palette{color.Black}), image.NewPaletted(image.Rect(0, 0, 2, 2), color.Palette{color.Black})}
	if err := gif.EncodeAll(&looping, &gif.GIF{Image: frames, Delay: []int{1, 1}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"plain jpeg", jpg, false},
		{"jpeg jfif app0", spliceJPEG(jpg, jpegSegment(0xE0, []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"))), false},
		{"jpeg adobe app14", spliceJPEG(jpg, jpegSegment(0xEE, []byte("Adobe\x00\x64\x00\x00\x00\x00\x01"))), false},
		{"jpeg exif", spliceJPEG(jpg, exifSegment(exifBlock(binary.BigEndian, 1))), true},
		{"jpeg icc app2", spliceJPEG(jpg, jpegSegment(0xE2, []byte("ICC_PROFILE\x00\x01\x01"))), true},
		{"jpeg iptc app13", spliceJPEG(jpg, jpegSegment(0xED, []byte("Photoshop 3.0\x00"))), true},
		{"jpeg comment", spliceJPEG(jpg, jpegSegment(0xFE, []byte("hi"))), true},
		{"jpeg comment after the scan", append(jpg[:len(jpg)-2:len(jpg)-2], append(jpegSegment(0xFE, []byte("late")), 0xFF, 0xD9)...), true},
		{"jpeg trailing data", append(jpg[:len(jpg):len(jpg)], "tail"...), true},
		{"jpeg truncated", jpg[:len(jpg)/2], true},
		{"plain png", png1, false},
		{"png gamma and srgb", splicePNG(png1, pngChunk("gAMA", []byte{0, 0, 0xB1, 0x8F}), pngChunk("sRGB", []byte{0})), false},
		{"png text", splicePNG(png1, pngChunk("tEXt", []byte("a\x00b"))), true},
		{"png ztxt", splicePNG(png1, pngChunk("zTXt", []byte("a\x00\x00"))), true},
		{"png itxt", splicePNG(png1, pngChunk("iTXt", []byte("a\x00\x00\x00\x00\x00"))), true},
		{"png exif", splicePNG(png1, pngChunk("eXIf", exifBlock(binary.LittleEndian, 1))), true},
		{"png time", splicePNG(png1, pngChunk("tIME", make([]byte, 7))), true},
		{"png icc", splicePNG(png1, pngChunk("iCCP", []byte("p\x00\x00"))), true},
		{"png private ancillary", splicePNG(png1, pngChunk("caBX", []byte("c2pa"))), true},
		{"png trailing data", append(png1[:len(png1):len(png1)], "tail"...), true},
		{"png truncated", png1[:len(png1)-5], true},
		{"plain gif", gif1, false},
		{"gif comment", spliceGIF(gif1, gifComment("hi")), true},
		{"gif application extension", looping.Bytes(), true},
		{"gif truncated", gif1[:len(gif1)-3], true},
		{"plain webp", webpFile(vp8l), false},
		{"webp exif", webpFile(vp8l, riffChunk("EXIF", exifBlock(binary.LittleEndian, 1))), true},
		{"webp xmp", webpFile(vp8l, riffChunk("XMP ", []byte("x"))), true},
		{"webp icc", webpFile(vp8l, riffChunk("ICCP", []byte("x"))), true},
		{"unknown format", []byte("just text"), false},
		{"empty", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HasMetadata(tt.data); got != tt.want {
				t.Errorf("HasMetadata = %v, want %v", got, tt.want)
			}
		})
	}
}
