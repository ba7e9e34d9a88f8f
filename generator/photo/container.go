package photo

import (
	"encoding/binary"
	"errors"
)

// errTruncated reports a container whose structure runs past the end of the
// data or breaks its own rules.
var errTruncated = errors.New("truncated or malformed image structure")

// walkJPEG calls visit for each marker segment of a JPEG stream, in order,
// with the marker byte and the segment payload (for SOS, only the scan
// header; entropy-coded data is skipped). Standalone markers (RSTn, TEM) are
// not reported. If visit returns false the walk stops and walkJPEG returns
// (nil, nil). Otherwise it returns the bytes after EOI.
func walkJPEG(data []byte, visit func(marker byte, payload []byte) bool) (rest []byte, err error) {
	if len(data) < 2 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil, errTruncated
	}
	i := 2
	for {
		if i >= len(data) || data[i] != 0xFF {
			return nil, errTruncated
		}
		for i < len(data) && data[i] == 0xFF { // fill bytes
			i++
		}
		if i >= len(data) {
			return nil, errTruncated
		}
		m := data[i]
		i++
		switch {
		case m == 0xD9: // EOI
			return data[i:], nil
		case m == 0x01, m >= 0xD0 && m <= 0xD7:
			continue
		case m == 0x00:
			return nil, errTruncated
		}
		if i+2 > len(data) {
			return nil, errTruncated
		}
		n := int(binary.BigEndian.Uint16(data[i:]))
		if n < 2 || i+n > len(data) {
			return nil, errTruncated
		}
		if !visit(m, data[i+2:i+n]) {
			return nil, nil
		}
		i += n
		if m == 0xDA { // SOS: skip entropy-coded data up to the next marker
			next, ok := skipEntropy(data, i)
			if !ok {
				return nil, errTruncated
			}
			i = next
		}
	}
}

// skipEntropy returns the offset of the first marker at or after i in
// entropy-coded JPEG data, where 0xFF00 is a stuffed byte and RSTn markers
// belong to the scan.
func skipEntropy(data []byte, i int) (int, bool) {
	for i < len(data) {
		if data[i] != 0xFF {
			i++
			continue
		}
		if i+1 >= len(data) {
			return 0, false
		}
		b := data[i+1]
		switch {
		case b == 0x00, b >= 0xD0 && b <= 0xD7:
			i += 2
		case b == 0xFF:
			i++
		default:
			return i, true
		}
	}
	return 0, false
}

// pngSignature opens every PNG stream.
const pngSignature = "\x89PNG\r\n\x1a\n"

// walkPNG calls visit for each chunk of a PNG stream with its type and data
// (CRCs are not checked; the decoder does that). If visit returns false the
// walk stops and walkPNG returns (nil, nil). Otherwise it returns the bytes
// after IEND.
func walkPNG(data []byte, visit func(typ string, payload []byte) bool) (rest []byte, err error) {
	if len(data) < len(pngSignature) || string(data[:len(pngSignature)]) != pngSignature {
		return nil, errTruncated
	}
	i := len(pngSignature)
	for {
		if i+8 > len(data) {
			return nil, errTruncated
		}
		n := uint64(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		start := uint64(i + 8)
		end := start + n + 4 // data and CRC
		if n > 1<<31-1 || end > uint64(len(data)) {
			return nil, errTruncated
		}
		if !visit(typ, data[start:start+n]) {
			return nil, nil
		}
		i = int(end)
		if typ == "IEND" {
			return data[i:], nil
		}
	}
}

// gifImageBlock is the block introducer of a GIF image descriptor; visit
// gets it with label 0.
const gifImageBlock = 0x2C

// walkGIF calls visit for each block of a GIF stream: an extension
// (introducer 0x21) with its label, or an image descriptor (0x2C) with
// label 0. If visit returns false the walk stops and walkGIF returns
// (nil, nil). Otherwise it returns the bytes after the trailer.
func walkGIF(data []byte, visit func(introducer, label byte) bool) (rest []byte, err error) {
	const screen = 13 // header and logical screen descriptor
	if len(data) < screen {
		return nil, errTruncated
	}
	i := screen
	if flags := data[10]; flags&0x80 != 0 {
		i += 3 << (flags&7 + 1)
	}
	for {
		if i >= len(data) {
			return nil, errTruncated
		}
		introducer := data[i]
		i++
		switch introducer {
		case 0x3B: // trailer
			return data[i:], nil
		case 0x21:
			if i >= len(data) {
				return nil, errTruncated
			}
			label := data[i]
			i++
			if !visit(introducer, label) {
				return nil, nil
			}
		case gifImageBlock:
			if i+9 > len(data) {
				return nil, errTruncated
			}
			flags := data[i+8]
			i += 9
			if flags&0x80 != 0 {
				i += 3 << (flags&7 + 1)
			}
			i++ // LZW minimum code size
			if i > len(data) {
				return nil, errTruncated
			}
			if !visit(introducer, 0) {
				return nil, nil
			}
		default:
			return nil, errTruncated
		}
		next, ok := skipSubBlocks(data, i)
		if !ok {
			return nil, errTruncated
		}
		i = next
	}
}

// skipSubBlocks returns the offset just past a chain of GIF data sub-blocks
// starting at i, ended by a zero-length block.
func skipSubBlocks(data []byte, i int) (int, bool) {
	for {
		if i >= len(data) {
			return 0, false
		}
		n := int(data[i])
		i++
		if n == 0 {
			return i, true
		}
		i += n
	}
}

// walkWebP calls visit for each top-level chunk of a RIFF WebP stream with
// its FourCC and data. If visit returns false the walk stops and walkWebP
// returns (nil, nil). Otherwise it returns any bytes after the RIFF chunk.
func walkWebP(data []byte, visit func(fourcc string, payload []byte) bool) (rest []byte, err error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return nil, errTruncated
	}
	end := uint64(binary.LittleEndian.Uint32(data[4:])) + 8
	if end > uint64(len(data)) || end < 12 {
		return nil, errTruncated
	}
	body := data[:end]
	i := uint64(12)
	for i < end {
		if i+8 > end {
			return nil, errTruncated
		}
		fourcc := string(body[i : i+4])
		n := uint64(binary.LittleEndian.Uint32(body[i+4:]))
		start := i + 8
		if start+n > end {
			return nil, errTruncated
		}
		if !visit(fourcc, body[start:start+n]) {
			return nil, nil
		}
		i = start + n + n&1 // chunks are padded to an even size
	}
	return data[end:], nil
}
