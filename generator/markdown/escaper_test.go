package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// escaperCases hold every byte textEscaper looks for, alone and in the
// backslash escapes and character references goldmark's writer reads.
var escaperCases = []string{
	"", "plain text", "中文文字，标点。", "a < b > c", `say "hi"`, "it's", "AT&T", "&amp; &lt; &#34; &#x22; &copy; &nosuch; &#; &#x;",
	`\* \\ \a \& \<`, "nul\x00byte", "tail\\", "&", "\\", "\x00", "\xff\xfe broken", "x&#1234567890;y",
}

// escaped returns what w writes of src with write, through a BufWriter.
func escaped(write func(util.BufWriter, []byte), src []byte) string {
	var b bytes.Buffer
	write(&htmlWriter{Buffer: &b}, src)
	return b.String()
}

// checkEscaper compares textEscaper's Write, RawWrite and SecureWrite of
// src with html.DefaultWriter's.
func checkEscaper(t *testing.T, e *textEscaper, src []byte) {
	t.Helper()
	d := html.DefaultWriter
	for _, m := range []struct {
		name      string
		got, want func(util.BufWriter, []byte)
	}{
		{"Write", e.Write, d.Write},
		{"RawWrite", e.RawWrite, d.RawWrite},
		{"SecureWrite", e.SecureWrite, d.SecureWrite},
	} {
		if got, want := escaped(m.got, src), escaped(m.want, src); got != want {
			t.Errorf("%s(%q) = %q, want %q", m.name, src, got, want)
		}
	}
}

// TestTextEscaperMatchesDefault checks the shortcut against goldmark's
// writer for the cases and for every byte alone and at every place of a
// longer text of other bytes.
func TestTextEscaperMatchesDefault(t *testing.T) {
	e := newTextEscaper()
	for _, src := range escaperCases {
		checkEscaper(t, e, []byte(src))
	}
	for c := range 256 {
		checkEscaper(t, e, []byte{byte(c)})
		checkEscaper(t, e, []byte{'a', byte(c), '#', '3', '4', ';', '\\', byte(c)})
		// c at every place of a text of bytes next to the special
		// ones and with the top bit set.
		for _, fill := range []byte{'x', 0x01, 0x21, 0x23, 0x5b, 0x80, 0xa2, 0xdc, 0xff} {
			for i := range 19 {
				src := bytes.Repeat([]byte{fill}, 19)
				src[i] = byte(c)
				checkEscaper(t, e, src)
			}
		}
	}
}

func FuzzTextEscaper(f *testing.F) {
	for _, src := range escaperCases {
		f.Add([]byte(src))
	}
	e := newTextEscaper()
	f.Fuzz(func(t *testing.T, src []byte) {
		checkEscaper(t, e, src)
	})
}
