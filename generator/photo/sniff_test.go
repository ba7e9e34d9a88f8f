package photo

import "testing"

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		head string
		want Kind
	}{
		{"jpeg", "\xFF\xD8\xFF\xE0\x00\x10JFIF", Cleanable},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00", Cleanable},
		{"gif", "GIF89a\x01\x00", Cleanable},
		{"webp", "RIFF\x00\x00\x00\x00WEBPVP8 ", Cleanable},
		{"bmp", "BM\x46\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00", Cleanable},
		{"text starting BM", "BMX club, members, 2025\n", NotPicture},
		{"tiff", "II*\x00\x08\x00", Cleanable},
		{"heic", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", Uncleanable},
		{"avif", "\x00\x00\x00\x1cftypavif\x00\x00\x00\x00", Uncleanable},
		{"canon cr3", "\x00\x00\x00\x18ftypcrx \x00\x00\x00\x01", Uncleanable},
		{"jpeg xl", "\xFF\x0A\x00", Uncleanable},
		{"jpeg 2000", "\x00\x00\x00\x0cjP  \r\n\x87\n\x00", Uncleanable},
		{"jpeg 2000 codestream", "\xFF\x4F\xFF\x51\x00", Uncleanable},
		{"photoshop", "8BPS\x00\x01", Uncleanable},
		{"jpeg xr", "II\xBC\x01", Uncleanable},
		{"olympus raw", "IIRO\x08\x00", Uncleanable},
		{"panasonic raw", "IIU\x00\x18\x00", Uncleanable},
		{"fujifilm raw", "FUJIFILMCCD-RAW 0201", Uncleanable},
		{"canon crw", "II\x1a\x00\x00\x00HEAPCCDR", Uncleanable},
		{"svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`, Drawing},
		{"svg after a declaration", "<?xml version=\"1.0\"?>\n<svg/>", Drawing},
		{"ico", "\x00\x00\x01\x00\x01\x00", Drawing},
		{"other xml", `<?xml version="1.0"?><kml/>`, NotPicture},
		{"quicktime video", "\x00\x00\x00\x14ftypqt  \x00\x00", NotPicture},
		{"pdf", "%PDF-1.7", NotPicture},
		{"text", "meeting notes", NotPicture},
		{"empty", "", NotPicture},
	}
	for _, tt := range tests {
		if got := Identify([]byte(tt.head)).Kind; got != tt.want {
			t.Errorf("%s: Identify(…).Kind = %v, want %v", tt.name, got, tt.want)
		}
	}
}
