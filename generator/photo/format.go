package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
	"golang.org/x/image/webp"
)

// ErrUnsupportedFormat is wrapped by the error Process returns for bytes it
// cannot decode as an image format it knows; the message names the format
// (for example "unsupported image format: heic").
var ErrUnsupportedFormat = errors.New("unsupported image format")

// ErrAnimatedGIF is returned by Process for a GIF with more than one frame.
var ErrAnimatedGIF = errors.New("animated GIF not supported")

// format is an image container format, found by its leading bytes.
type format int

const (
	formatUnknown format = iota
	formatJPEG
	formatPNG
	formatGIF
	formatWebP
	formatBMP
	formatTIFF
)

// String returns the format's short lower-case name.
func (f format) String() string {
	switch f {
	case formatJPEG:
		return "jpeg"
	case formatPNG:
		return "png"
	case formatGIF:
		return "gif"
	case formatWebP:
		return "webp"
	case formatBMP:
		return "bmp"
	case formatTIFF:
		return "tiff"
	}
	return "unknown"
}

// mediaType returns the MIME type of an output format.
func (f format) mediaType() string {
	switch f {
	case formatJPEG:
		return "image/jpeg"
	case formatPNG:
		return "image/png"
	}
	return "application/octet-stream"
}

// sniff finds the format of data from its leading bytes. For data in a
// format the package cannot decode it returns formatUnknown and a name for
// that format ("heic", "avif", …, or "unknown").
func sniff(data []byte) (format, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return formatJPEG, ""
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return formatPNG, ""
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return formatGIF, ""
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return formatWebP, ""
	case isBMP(data):
		return formatBMP, ""
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return formatTIFF, ""
	}
	return formatUnknown, unsupportedName(data)
}

// isBMP reports a BMP file header: "BM", reserved bytes that are zero and
// a known DIB header size, so that a text file starting "BMX club…" is no
// picture.
func isBMP(data []byte) bool {
	if len(data) < 18 || !bytes.HasPrefix(data, []byte("BM")) || string(data[6:10]) != "\x00\x00\x00\x00" {
		return false
	}
	switch binary.LittleEndian.Uint32(data[14:18]) {
	case 12, 40, 52, 56, 64, 108, 124:
		return true
	}
	return false
}

// unsupportedName names a few well-known formats the package does not
// decode, so the error tells the author what to convert from.
func unsupportedName(data []byte) string {
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		switch string(data[8:12]) {
		case "heic", "heix", "hevc", "hevx", "heim", "heis":
			return "heic"
		case "mif1", "msf1":
			return "heif"
		case "avif", "avis":
			return "avif"
		case "qt  ":
			return "quicktime"
		case "crx ":
			return "cr3"
		}
		return "iso media (" + printable(data[8:12]) + ")"
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0x0A}),
		bytes.HasPrefix(data, []byte("\x00\x00\x00\x0cJXL \r\n\x87\n")):
		return "jpeg xl"
	case bytes.HasPrefix(data, []byte("\x00\x00\x00\x0cjP  \r\n\x87\n")),
		bytes.HasPrefix(data, []byte{0xFF, 0x4F, 0xFF, 0x51}):
		return "jpeg 2000"
	case bytes.HasPrefix(data, []byte("8BPS")):
		return "photoshop"
	case bytes.HasPrefix(data, []byte("II\xBC")):
		return "jpeg xr"
	case bytes.HasPrefix(data, []byte("IIRO")), bytes.HasPrefix(data, []byte("IIRS")), bytes.HasPrefix(data, []byte("MMOR")):
		return "olympus raw"
	case bytes.HasPrefix(data, []byte("IIU\x00")):
		return "panasonic raw"
	case bytes.HasPrefix(data, []byte("FUJIFILMCCD-RAW")):
		return "fujifilm raw"
	case len(data) >= 14 && string(data[6:14]) == "HEAPCCDR":
		return "canon crw"
	case bytes.HasPrefix(data, []byte{0, 0, 1, 0}):
		return "ico"
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "pdf"
	case bytes.HasPrefix(bytes.TrimSpace(data), []byte("<svg")),
		bytes.HasPrefix(bytes.TrimSpace(data), []byte("<?xml")):
		return "svg"
	}
	return "unknown"
}

// printable returns b with bytes outside printable ASCII replaced by '?'.
func printable(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		if c < 0x20 || c > 0x7E {
			c = '?'
		}
		out[i] = c
	}
	return string(out)
}

// decodeConfig reads the dimensions of data without decoding its pixels.
func decodeConfig(f format, data []byte) (cfg image.Config, err error) {
	defer recoverDecode(&err)
	r := bytes.NewReader(data)
	switch f {
	case formatJPEG:
		return jpeg.DecodeConfig(r)
	case formatPNG:
		return png.DecodeConfig(r)
	case formatGIF:
		return gif.DecodeConfig(r)
	case formatWebP:
		return webp.DecodeConfig(r)
	case formatBMP:
		return bmp.DecodeConfig(r)
	case formatTIFF:
		return tiff.DecodeConfig(r)
	}
	return image.Config{}, fmt.Errorf("%w: %s", ErrUnsupportedFormat, f)
}

// decode decodes data, which sniff found to be in format f. For a GIF it
// decodes the first frame only.
func decode(f format, data []byte) (img image.Image, err error) {
	defer recoverDecode(&err)
	r := bytes.NewReader(data)
	switch f {
	case formatJPEG:
		return jpeg.Decode(r)
	case formatPNG:
		return png.Decode(r)
	case formatGIF:
		return gif.Decode(r)
	case formatWebP:
		return webp.Decode(r)
	case formatBMP:
		return bmp.Decode(r)
	case formatTIFF:
		return tiff.Decode(r)
	}
	return nil, fmt.Errorf("%w: %s", ErrUnsupportedFormat, f)
}

// recoverDecode turns a panic in a decoder into an error, so a hostile file
// fails its own build step instead of crashing the generator.
func recoverDecode(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("decoder failed on malformed data: %v", r)
	}
}

// outputFormat chooses how an image decoded from format f is written: lossy
// sources (JPEG, lossy WebP without alpha) become JPEG, everything else PNG,
// so transparency and lossless pixels survive.
func outputFormat(f format, img image.Image) format {
	switch f {
	case formatJPEG:
		return formatJPEG
	case formatWebP:
		if _, lossy := img.(*image.YCbCr); lossy {
			return formatJPEG
		}
	}
	return formatPNG
}
