package photo

import "testing"

func TestIsImage(t *testing.T) {
	tests := map[string]bool{
		"photo.jpg": true, "photo.JPEG": true, "a/b/c.png": true, "x.gif": true,
		"x.webp": true, "scan.tif": true, "scan.TIFF": true, "old.bmp": true,
		"saved.jfif": true, "old.JPE": true,
		"phone.heic": false, "x.avif": false, "logo.svg": false, "notes.md": false,
		"jpg": false, "": false, "photo.jpg.txt": false,
	}
	for name, want := range tests {
		if got := IsImage(name); got != want {
			t.Errorf("IsImage(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestVariantNames(t *testing.T) {
	tests := []struct {
		name      string
		out       format
		stem, ext string
	}{
		{"photo.jpg", formatJPEG, "photo", ".jpg"},
		{"photo.JPEG", formatJPEG, "photo", ".JPEG"},
		{"saved.jfif", formatJPEG, "saved", ".jfif"},
		{"anim.gif", formatPNG, "anim", ".png"},
		{"scan.tif", formatJPEG, "scan", ".jpg"},
		// Names that claim no picture format are kept whole.
		{"camera", formatJPEG, "camera", ""},
		{"scan.2024", formatPNG, "scan.2024", ""},
	}
	for _, tt := range tests {
		if stem, ext := variantNames(tt.name, tt.out); stem != tt.stem || ext != tt.ext {
			t.Errorf("variantNames(%q, %v) = %q, %q; want %q, %q", tt.name, tt.out, stem, ext, tt.stem, tt.ext)
		}
	}
}

func TestSrcSet(t *testing.T) {
	vs := []Variant{
		{Name: "photo.jpg", Width: 1200},
		{Name: "photo-480w.jpg", Width: 480},
		{Name: "photo-960w.jpg", Width: 960},
	}
	tests := []struct {
		name, prefix string
		vs           []Variant
		want         string
	}{
		{"sorted by width", "/leaders/ana", vs, "/leaders/ana/photo-480w.jpg 480w, /leaders/ana/photo-960w.jpg 960w, /leaders/ana/photo.jpg 1200w"},
		{"trailing slash not doubled", "https://example.org/img/", vs[:2], "https://example.org/img/photo-480w.jpg 480w, https://example.org/img/photo.jpg 1200w"},
		{"root prefix", "/", vs[:1], "/photo.jpg 1200w"},
		{"no prefix", "", vs[:1], "photo.jpg 1200w"},
		{"names escaped", "p", []Variant{{Name: "社区 合影.jpg", Width: 10}}, "p/%E7%A4%BE%E5%8C%BA%20%E5%90%88%E5%BD%B1.jpg 10w"},
		{"empty", "p", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SrcSet(tt.prefix, tt.vs); got != tt.want {
				t.Errorf("SrcSet = %q\nwant      %q", got, tt.want)
			}
		})
	}
	if vs[0].Name != "photo.jpg" {
		t.Error("SrcSet reordered the caller's slice")
	}
}
