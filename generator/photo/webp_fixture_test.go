package photo

import (
	"encoding/binary"
	"image/color"
)

// bitWriter packs values least significant bit first, as VP8L reads them.
type bitWriter struct {
	buf  []byte
	nbit uint
}

// write appends the low n bits of v.
func (w *bitWriter) write(v uint32, n uint) {
	for i := range n {
		if w.nbit%8 == 0 {
			w.buf = append(w.buf, 0)
		}
		w.buf[len(w.buf)-1] |= byte(v>>i&1) << (w.nbit % 8)
		w.nbit++
	}
}

// solidVP8L returns a lossless WebP bitstream of a w×h image filled with c:
// no transforms, no colour cache, and five one-symbol prefix codes, so the
// pixels themselves take no bits.
func solidVP8L(w, h int, c color.NRGBA) []byte {
	var bw bitWriter
	bw.write(0x2F, 8) // signature
	bw.write(uint32(w-1), 14)
	bw.write(uint32(h-1), 14)
	bw.write(1, 1) // alpha is used
	bw.write(0, 3) // version
	bw.write(0, 1) // no transform
	bw.write(0, 1) // no colour cache
	bw.write(0, 1) // no meta prefix codes
	for _, sym := range []uint8{c.G, c.R, c.B, c.A, 0} {
		bw.write(1, 1) // simple code
		bw.write(0, 1) // one symbol
		bw.write(1, 1) // eight-bit symbol
		bw.write(uint32(sym), 8)
	}
	return bw.buf
}

// riffChunk returns a RIFF chunk, padded to an even size.
func riffChunk(fourcc string, data []byte) []byte {
	c := append([]byte(fourcc), binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
	c = append(c, data...)
	if len(data)%2 == 1 {
		c = append(c, 0)
	}
	return c
}

// webpFile wraps chunks in a RIFF WEBP container.
func webpFile(chunks ...[]byte) []byte {
	var body []byte
	for _, c := range chunks {
		body = append(body, c...)
	}
	out := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(4+len(body)))...)
	out = append(out, "WEBP"...)
	return append(out, body...)
}

// vp8xChunk returns an extended-format header chunk for a w×h canvas with
// the EXIF flag set.
func vp8xChunk(w, h int) []byte {
	d := []byte{0x08, 0, 0, 0}
	d = append(d, byte(w-1), byte((w-1)>>8), byte((w-1)>>16))
	d = append(d, byte(h-1), byte((h-1)>>8), byte((h-1)>>16))
	return riffChunk("VP8X", d)
}
