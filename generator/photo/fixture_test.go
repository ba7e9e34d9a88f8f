package photo

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
)

// leakMarker is planted in every kind of metadata the tests splice in; no
// output may contain it.
const leakMarker = "GPS-LEAK-MARKER"

// gradient returns a w×h opaque image whose colour changes with position.
func gradient(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / max(w-1, 1)), uint8(y * 255 / max(h-1, 1)), 128, 255})
		}
	}
	return img
}

// encodeJPEG returns img as a plain JPEG.
func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// encodePNG returns img as a plain PNG.
func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// encodeGIF returns img as a one-frame GIF.
func encodeGIF(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// ifdEntry is one TIFF directory entry for exifBlock; values longer than
// four bytes go to the data area.
type ifdEntry struct {
	tag, typ uint16
	count    uint32
	value    []byte
}

// exifBlock builds a TIFF structure: IFD0 with ImageDescription (holding the
// marker), Orientation (when o > 0) and a GPSInfo pointer to a GPS IFD with
// a latitude reference and a processing method that holds the marker.
func exifBlock(order binary.ByteOrder, o int) []byte {
	short := func(v uint16) []byte { b := make([]byte, 2); order.PutUint16(b, v); return b }
	long := func(v uint32) []byte { b := make([]byte, 4); order.PutUint32(b, v); return b }
	marker := append([]byte(leakMarker), 0)
	ifd0 := []ifdEntry{{0x010E, 2, uint32(len(marker)), marker}}
	if o > 0 {
		ifd0 = append(ifd0, ifdEntry{tagOrientation, 3, 1, short(uint16(o))})
	}
	ifd0 = append(ifd0, ifdEntry{0x8825, 4, 1, nil}) // GPS IFD offset, patched below
	gps := []ifdEntry{
		{0x0001, 2, 2, []byte("N\x00")},
		{0x0002, 5, 3, bytes.Repeat(long(1), 6)},
		{0x001B, 7, uint32(len(leakMarker)), []byte(leakMarker)},
	}

	ifdSize := func(es []ifdEntry) int {
		n := 2 + 12*len(es) + 4
		for _, e := range es {
			if len(e.value) > 4 {
				n += len(e.value)
			}
		}
		return n
	}
	gpsOffset := 8 + ifdSize(ifd0)
	ifd0[len(ifd0)-1].value = long(uint32(gpsOffset))

	out := []byte("MM")
	if order == binary.LittleEndian {
		out = []byte("II")
	}
	out = append(out, short(42)...)
	out = append(out, long(8)...)
	writeIFD := func(es []ifdEntry, at int) {
		data := at + 2 + 12*len(es) + 4
		var area []byte
		out = append(out, short(uint16(len(es)))...)
		for _, e := range es {
			out = append(out, short(e.tag)...)
			out = append(out, short(e.typ)...)
			out = append(out, long(e.count)...)
			if len(e.value) > 4 {
				out = append(out, long(uint32(data+len(area)))...)
				area = append(area, e.value...)
				continue
			}
			v := make([]byte, 4)
			copy(v, e.value)
			out = append(out, v...)
		}
		out = append(out, long(0)...)
		out = append(out, area...)
	}
	writeIFD(ifd0, 8)
	writeIFD(gps, gpsOffset)
	return out
}

// jpegSegment returns a JPEG marker segment.
func jpegSegment(marker byte, payload []byte) []byte {
	seg := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// exifSegment returns an APP1 Exif segment holding tiff.
func exifSegment(tiff []byte) []byte {
	return jpegSegment(0xE1, append([]byte(exifHeader), tiff...))
}

// spliceJPEG inserts segments right after the SOI marker of a JPEG.
func spliceJPEG(src []byte, segments ...[]byte) []byte {
	out := append([]byte{}, src[:2]...)
	for _, s := range segments {
		out = append(out, s...)
	}
	return append(out, src[2:]...)
}

// pngChunk returns a PNG chunk with a correct CRC.
func pngChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(c, typ...)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// splicePNG inserts chunks right after the IHDR chunk of a PNG.
func splicePNG(src []byte, chunks ...[]byte) []byte {
	const afterIHDR = 8 + 8 + 13 + 4
	out := append([]byte{}, src[:afterIHDR]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, src[afterIHDR:]...)
}

// gifComment returns a GIF comment extension holding text (under 256 bytes).
func gifComment(text string) []byte {
	out := []byte{0x21, 0xFE, byte(len(text))}
	return append(append(out, text...), 0)
}

// spliceGIF inserts blocks after the logical screen descriptor and global
// colour table of a GIF.
func spliceGIF(src []byte, blocks ...[]byte) []byte {
	at := 13
	if flags := src[10]; flags&0x80 != 0 {
		at += 3 << (flags&7 + 1)
	}
	out := append([]byte{}, src[:at]...)
	for _, b := range blocks {
		out = append(out, b...)
	}
	return append(out, src[at:]...)
}

// decodeAny decodes a JPEG or PNG produced by Process.
func decodeAny(t *testing.T, v Variant) image.Image {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(v.Data))
	if err != nil {
		t.Fatalf("%s: decode output: %v", v.Name, err)
	}
	if want := "image/" + format; want != v.MediaType {
		t.Fatalf("%s: data is %s, MediaType says %s", v.Name, want, v.MediaType)
	}
	if b := img.Bounds(); b.Dx() != v.Width || b.Dy() != v.Height {
		t.Fatalf("%s: data is %dx%d, Variant says %dx%d", v.Name, b.Dx(), b.Dy(), v.Width, v.Height)
	}
	return img
}

// encodeTIFF returns img as a TIFF.
func encodeTIFF(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := tiff.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// encodeBMP returns img as a BMP.
func encodeBMP(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := bmp.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
