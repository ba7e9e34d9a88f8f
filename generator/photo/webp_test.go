package photo

import (
	"bytes"
	"encoding/binary"
	"image/color"
	"testing"
)

func TestProcessWebP(t *testing.T) {
	c := color.NRGBA{R: 0x40, G: 0x80, B: 0x20, A: 0xFF}
	plain := webpFile(riffChunk("VP8L", solidVP8L(6, 4, c)))
	tagged := webpFile(vp8xChunk(6, 4), riffChunk("VP8L", solidVP8L(6, 4, c)),
		riffChunk("EXIF", exifBlock(binary.LittleEndian, 6)),
		riffChunk("XMP ", []byte(leakMarker)))
	tests := []struct {
		name         string
		src          []byte
		wantW, wantH int
	}{
		{"plain.webp", plain, 6, 4},
		{"tagged.webp", tagged, 4, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := New(Options{Widths: []int{3}}).Process(tt.name, tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if vs[0].Name != tt.name[:len(tt.name)-len(".webp")]+".png" || vs[0].MediaType != "image/png" {
				t.Errorf("full size %q %s, want a PNG", vs[0].Name, vs[0].MediaType)
			}
			if vs[0].Width != tt.wantW || vs[0].Height != tt.wantH {
				t.Errorf("size %dx%d, want %dx%d", vs[0].Width, vs[0].Height, tt.wantW, tt.wantH)
			}
			for _, v := range vs {
				img := decodeAny(t, v)
				if got := color.NRGBAModel.Convert(img.At(0, 0)); got != c {
					t.Errorf("%s: pixel %v, want %v", v.Name, got, c)
				}
				if HasMetadata(v.Data) || bytes.Contains(v.Data, []byte(leakMarker)) {
					t.Errorf("%s: output carries metadata", v.Name)
				}
			}
		})
	}
}
