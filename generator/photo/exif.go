package photo

import (
	"bytes"
	"encoding/binary"
)

// tagOrientation is the TIFF/EXIF tag that says how to turn the stored
// pixels for display.
const tagOrientation = 0x0112

// exifHeader opens the EXIF payload of a JPEG APP1 segment (and, by some
// writers' habit, of PNG eXIf and WebP EXIF chunks).
const exifHeader = "Exif\x00\x00"

// orientation returns the EXIF orientation (1–8) recorded in data, which is
// in format f, or 1 when there is none or it cannot be read. It never fails:
// broken metadata only means the pixels are used as stored.
func orientation(f format, data []byte) int {
	var exif []byte
	switch f {
	case formatJPEG:
		_, _ = walkJPEG(data, func(m byte, payload []byte) bool {
			if m == 0xE1 && bytes.HasPrefix(payload, []byte(exifHeader)) {
				exif = payload[len(exifHeader):]
				return false
			}
			return m != 0xDA // EXIF comes before the first scan
		})
	case formatPNG:
		_, _ = walkPNG(data, func(typ string, payload []byte) bool {
			if typ == "eXIf" {
				exif = bytes.TrimPrefix(payload, []byte(exifHeader))
				return false
			}
			return true
		})
	case formatWebP:
		_, _ = walkWebP(data, func(fourcc string, payload []byte) bool {
			if fourcc == "EXIF" {
				exif = bytes.TrimPrefix(payload, []byte(exifHeader))
				return false
			}
			return true
		})
	case formatTIFF:
		exif = data
	}
	return tiffOrientation(exif)
}

// tiffOrientation reads the Orientation tag from IFD0 of a TIFF structure
// (byte-order mark, magic 42, IFD offset, then 12-byte entries). It returns
// 1 for anything missing, out of range or out of bounds. Offsets are checked
// in 64-bit arithmetic so hostile values cannot wrap around.
func tiffOrientation(b []byte) int {
	if len(b) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(b[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	if order.Uint16(b[2:]) != 42 {
		return 1
	}
	size := uint64(len(b))
	ifd := uint64(order.Uint32(b[4:]))
	if ifd+2 > size {
		return 1
	}
	count := uint64(order.Uint16(b[ifd:]))
	for i := uint64(0); i < count; i++ {
		e := ifd + 2 + 12*i
		if e+12 > size {
			return 1
		}
		if order.Uint16(b[e:]) != tagOrientation {
			continue
		}
		if order.Uint32(b[e+4:]) < 1 { // value count
			return 1
		}
		var v uint32
		switch order.Uint16(b[e+2:]) { // value type
		case 3: // SHORT, the type the standard prescribes
			v = uint32(order.Uint16(b[e+8:]))
		case 4: // LONG, written by a few tools
			v = order.Uint32(b[e+8:])
		default:
			return 1
		}
		if v >= 1 && v <= 8 {
			return int(v)
		}
		return 1
	}
	return 1
}
