package content

// bodySpan records, for a page whose body Load dropped, where the body
// starts in the file and how big the file was, packed into five bytes so
// that Page keeps its size class: bit 39 says the body was dropped, bits
// 21 to 38 hold the body's offset, bits 0 to 20 the file size, 0 when it
// was too big to record (the file is then measured again when read).
type bodySpan [5]byte

// Limits of what a bodySpan records.
const (
	spanAtBits   = 18
	spanSizeBits = 21
	// maxSpanAt is the furthest offset a body may start at for Load to
	// drop it; a page with more front matter keeps its body.
	maxSpanAt = 1<<spanAtBits - 1
	// maxSpanSize is the biggest file size a bodySpan records.
	maxSpanSize = 1<<spanSizeBits - 1
	spanLazy    = 1 << (spanAtBits + spanSizeBits)
)

// newBodySpan returns the span of a dropped body starting at offset at of
// a file of size bytes, and false when at is too far to record.
func newBodySpan(at, size int) (bodySpan, bool) {
	if at < 0 || at > maxSpanAt {
		return bodySpan{}, false
	}
	if size < 0 || size > maxSpanSize {
		size = 0
	}
	v := uint64(spanLazy) | uint64(at)<<spanSizeBits | uint64(size)
	return bodySpan{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24), byte(v >> 32)}, true
}

func (s bodySpan) bits() uint64 {
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 | uint64(s[4])<<32
}

// lazy reports whether the body was dropped.
func (s bodySpan) lazy() bool { return s.bits()&spanLazy != 0 }

// at returns the offset the body starts at.
func (s bodySpan) at() int { return int(s.bits()>>spanSizeBits) & maxSpanAt }

// size returns the file's size when Load read it, 0 when unknown.
func (s bodySpan) size() int { return int(s.bits()) & maxSpanSize }
