package site

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"mime"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sineng/sineng/generator/audience"
	"github.com/sineng/sineng/generator/photo"
	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
)

const gpsMarker = "GPS-MARKER-31.2304N-121.4737E"

// jpegWithEXIF returns a JPEG of w×h pixels carrying an APP1 Exif segment
// with a marker string, as a phone photo carries its GPS position.
func jpegWithEXIF(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	payload := append([]byte("Exif\x00\x00"), []byte(gpsMarker)...)
	seg := []byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	seg = append(seg, payload...)
	data := buf.Bytes()
	return append(append(append([]byte{}, data[:2]...), seg...), data[2:]...)
}

func leaderFile(scope string) string {
	return "+++\ntitle = \"Li\"\nphoto = \"photo.jpg\"\n[consent]\npublish = true\ndate = 2025-01-01\nscope = [" + scope + "]\n+++\n![Li at the council](photo.jpg)\n"
}

func TestPublishedImagesLoseMetadata(t *testing.T) {
	src := writeFiles(t, map[string]string{
		"site.toml":                    minimalConfig,
		"content/leaders/li/index.md":  leaderFile(`"portfolio", "name", "photo"`),
		"content/leaders/li/photo.jpg": string(jpegWithEXIF(t, 1000, 600)),
		"content/leaders/wu/index.md": strings.Replace(leaderFile(`"portfolio"`), "Li", "Wu", -1) +
			"{{< figure src=\"portrait.bmp\" alt=\"Wu at home\" caption=\"Wu at home\" >}}\n",
		"content/leaders/wu/photo.jpg": string(jpegWithEXIF(t, 64, 64)),
		// Pictures in formats the machine's MIME database may not know
		// (Go's own table lacks both): consent decides, not the machine.
		"content/leaders/wu/portrait.bmp": string(encodedImage(t, bmp.Encode)),
		"content/leaders/wu/scan.tif":     string(encodedImage(t, func(w io.Writer, m image.Image) error { return tiff.Encode(w, m, nil) })),
		// Pictures only their bytes tell: a JPEG saved as .jfif, one
		// without an extension, a drawing, a name in capitals.
		"content/leaders/wu/selfie.jfif": string(jpegWithEXIF(t, 16, 16)),
		"content/leaders/wu/badge":       string(pngBytes(t)),
		"content/leaders/wu/sketch.svg":  `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>`,
		"content/leaders/wu/PHOTO2.JPG":  string(jpegWithEXIF(t, 16, 16)),
		"content/leaders/wu/notes.txt":   "meeting notes, not a picture",
		// Not documents, whatever they are: a video, an SVG whose byte
		// order mark hides it from the sniffer, a picture in no format
		// its name says.
		"content/leaders/wu/clip.mov": "\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00",
		"content/leaders/wu/svgbom":   "\uFEFF<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
		"content/leaders/wu/scan.xyz": string(pngBytes(t)),
		"content/news/x/index.md":     "+++\ntitle = \"X\"\n+++\n![](pic.jpg)\n",
		"content/news/x/pic.jpg":      string(jpegWithEXIF(t, 32, 32)),
		// Pictures in a bundle's subfolders are written where their
		// URLs point, and two of the same name do not overwrite each other.
		"content/news/x/gallery/a/one.jpg": string(jpegWithEXIF(t, 32, 32)),
		"content/news/x/gallery/b/one.jpg": string(jpegWithEXIF(t, 24, 24)),
		// A JPEG published under another name is cleaned all the same.
		"content/news/x/pic2.jfif": string(jpegWithEXIF(t, 32, 32)),
		"content/news/x/camera":    string(jpegWithEXIF(t, 32, 32)),
	})
	if !photo.HasMetadata(jpegWithEXIF(t, 8, 8)) {
		t.Fatal("fixture JPEG carries no metadata")
	}
	out, res := build(t, src, Options{})
	tree := readTree(t, out)
	for rel, data := range tree {
		if bytes.Contains(data, []byte(gpsMarker)) {
			t.Errorf("%s carries the photo's GPS metadata", rel)
		}
		if strings.HasSuffix(rel, ".jpg") && photo.HasMetadata(data) {
			t.Errorf("%s still has metadata", rel)
		}
	}
	if _, ok := tree["leaders/li/photo.jpg"]; !ok {
		t.Error("the photo of a leader with photo in scope is missing")
	}
	if _, ok := tree["leaders/li/photo-480w.jpg"]; !ok {
		t.Error("no resized copy for srcset")
	}
	if !strings.Contains(string(tree["leaders/li/index.html"]), "480w") {
		t.Error("portfolio has no srcset")
	}
	// Wu's portfolio moves to a neutral folder (no name in scope): every
	// file under leaders/ but Li's, the pages and Wu's notes is one of
	// Wu's pictures.
	var wu []string
	for rel := range tree {
		base := path.Base(rel)
		if strings.HasPrefix(rel, "leaders/") && !strings.HasPrefix(rel, "leaders/li/") && base != "index.html" && base != "index.xml" && base != "notes.txt" {
			t.Errorf("%s published without photo in consent scope", rel)
		}
		if strings.HasPrefix(rel, "leaders/") && !strings.HasPrefix(rel, "leaders/li/") && base == "notes.txt" {
			wu = append(wu, path.Dir(rel))
		}
	}
	if len(wu) != 1 {
		t.Fatalf("Wu's portfolio folder not found once (by its notes): %v", wu)
	}
	page, ok := tree[wu[0]+"/index.html"]
	if !ok {
		t.Errorf("Wu's portfolio %s/index.html not published", wu[0])
	}
	// Nor does the portfolio show a picture, a broken one or its alt
	// text: the body's image and the figure shortcode are left out.
	for _, no := range []string{"<img", "<figure", "Wu at the council", "Wu at home"} {
		if bytes.Contains(page, []byte(no)) {
			t.Errorf("Wu's portfolio has %q", no)
		}
	}
	if li := tree["leaders/li/index.html"]; !bytes.Contains(li, []byte("<img")) {
		t.Error("Li's portfolio (photo consent) shows no picture")
	}
	for _, rel := range []string{"news/x/pic2.jfif", "news/x/camera", "news/x/gallery/a/one.jpg", "news/x/gallery/b/one.jpg"} {
		data, ok := tree[rel]
		if !ok {
			t.Errorf("%s not published", rel)
			continue
		}
		if photo.HasMetadata(data) || bytes.Contains(data, []byte(gpsMarker)) {
			t.Errorf("%s published with its metadata", rel)
		}
	}
	if a, b := tree["news/x/gallery/a/one.jpg"], tree["news/x/gallery/b/one.jpg"]; bytes.Equal(a, b) {
		t.Error("gallery/a/one.jpg and gallery/b/one.jpg published with the same bytes")
	}
	if _, ok := tree["news/x/one.jpg"]; ok {
		t.Error("a subfolder's picture written at the bundle's top")
	}
	if _, ok := tree["news/x/camera.jpg"]; ok {
		t.Error("news/x/camera renamed: links to it would break")
	}
	warned := false
	for _, w := range res.Warnings {
		if strings.Contains(w.Error(), "content/news/x/index.md:4:1") && strings.Contains(w.Error(), "no alt text") {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning for an image without alt text: %v", res.Warnings)
	}
	// The team sees the photo of every leader.
	teamOut, _ := build(t, src, Options{Audience: audience.Team, AudienceSet: true})
	if _, err := os.Stat(filepath.Join(teamOut, "leaders", "wu", "photo.jpg")); err != nil {
		t.Error("team build lacks the photo")
	}
}

func TestUncleanableImageFormatRefused(t *testing.T) {
	lines := buildErrors(t, map[string]string{
		"site.toml":               minimalConfig,
		"content/news/x/index.md": "+++\ntitle = \"X\"\n+++\n",
		"content/news/x/pic.heic": "not really heic",
		// A phone's HEIC picture without its extension: its bytes say so.
		"content/news/x/clip": "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
	})
	joined := strings.Join(lines, "\n")
	for _, want := range []string{"content/news/x/pic.heic", "content/news/x/clip", "clip is a HEIC picture"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no error for %s: %v", want, lines)
		}
	}
}

// encodedImage is a tiny picture written by enc.
func encodedImage(t *testing.T, enc func(io.Writer, image.Image) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := enc(&buf, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestMediaTypesAreTheProjectsOwn checks that a resource's media type and
// whether it is a picture come from sineng's table: every format photo
// re-encodes or refuses is a picture, any case, and an extension only the
// machine's MIME database knows (Debian's has .ez) has no media type.
func TestMediaTypesAreTheProjectsOwn(t *testing.T) {
	for _, name := range []string{"a.jpg", "a.JPEG", "a.png", "a.gif", "a.webp", "a.bmp", "a.tif", "a.TIFF",
		"a.heic", "a.heif", "a.avif", "a.jxl", "a.raw", "a.dng", "a.cr2", "a.nef", "a.svg", "a.ico"} {
		if !isImage(name) {
			t.Errorf("isImage(%q) = false", name)
		}
	}
	for _, name := range []string{"a.pdf", "a.txt", "a.docx", "a", "a.ez"} {
		if isImage(name) {
			t.Errorf("isImage(%q) = true", name)
		}
	}
	// An extension the process's MIME database knows (added here, so
	// the check does not depend on the machine's) has no media type.
	if err := mime.AddExtensionType(".sinengtest", "image/x-sineng-test"); err != nil {
		t.Fatal(err)
	}
	if got := mediaType("x.sinengtest"); got != "" {
		t.Errorf("mediaType(x.sinengtest) = %q: read from the MIME database", got)
	}
	if isImage("x.sinengtest") {
		t.Error("isImage(x.sinengtest) = true: read from the MIME database")
	}
	if got := mediaType("Report.PDF"); got != "application/pdf" {
		t.Errorf("mediaType(Report.PDF) = %q", got)
	}
}

// gifBytes is a tiny GIF, with a comment extension (metadata) when
// commented.
func gifBytes(t *testing.T, commented bool) []byte {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, 2, 2), color.Palette{color.Black, color.White})
	var buf bytes.Buffer
	if err := gif.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if !commented {
		return data
	}
	// Header (6) + logical screen descriptor (7) + global colour table
	// (2 colours: 6 bytes), then a comment extension before the image.
	at := 13 + 6
	comment := append([]byte{0x21, 0xFE, byte(len(gpsMarker))}, gpsMarker...)
	comment = append(comment, 0)
	return append(append(append([]byte{}, data[:at]...), comment...), data[at:]...)
}

// pngBytes is a tiny valid PNG.
func pngBytes(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// publishedClean checks that every file of rels is in tree, under that
// name, without metadata.
func publishedClean(t *testing.T, build string, tree map[string][]byte, rels ...string) {
	t.Helper()
	for _, rel := range rels {
		data, ok := tree[rel]
		switch {
		case !ok:
			t.Errorf("%s: %s not published under its own name", build, rel)
		case photo.HasMetadata(data) || bytes.Contains(data, []byte(gpsMarker)):
			t.Errorf("%s: %s published with its metadata", build, rel)
		}
	}
}

// TestStaticPhotosLoseMetadata checks static/: a JPEG is re-encoded under
// its own name whatever the name says (.jpg, .jfif, none), other files are
// copied as they are, and a picture whose metadata cannot be removed is an
// error, known by its name or its bytes.
func TestStaticPhotosLoseMetadata(t *testing.T) {
	files := map[string]string{
		"site.toml":           minimalConfig,
		"content/_index.md":   "+++\ntitle = \"Home\"\n+++\n",
		"static/img/a.jpg":    string(jpegWithEXIF(t, 8, 8)),
		"static/img/b.jfif":   string(jpegWithEXIF(t, 8, 8)),
		"static/img/c":        string(jpegWithEXIF(t, 8, 8)),
		"static/css/site.css": "body { color: #333 }\n",
	}
	out, _ := build(t, writeFiles(t, files), Options{})
	tree := readTree(t, out)
	publishedClean(t, "site build", tree, "img/a.jpg", "img/b.jfif", "img/c")
	if string(tree["css/site.css"]) != files["static/css/site.css"] {
		t.Errorf("css/site.css not copied as it is: %q", tree["css/site.css"])
	}
	// A theme of the site's own: its static pictures are cleaned too.
	files["site.toml"] = minimalConfig + "theme = \"plain\"\n"
	for _, l := range []string{"index.html", "404.html", "_default/taxonomy.html", "_default/term.html", "_default/list.html", "_default/single.html"} {
		files["themes/plain/layouts/"+l] = "<!DOCTYPE html><title>{{ .Title }}</title>"
	}
	files["themes/plain/static/img/team.jpg"] = string(jpegWithEXIF(t, 8, 8))
	files["static/img/plain.gif"] = string(gifBytes(t, false))
	out, _ = build(t, writeFiles(t, files), Options{})
	tree = readTree(t, out)
	publishedClean(t, "theme build", tree, "img/team.jpg", "img/plain.gif", "img/a.jpg")
	// GIF and WebP keep their format (links name them): one with
	// metadata is an error, as are TIFF and formats that cannot be cleaned.
	files["static/img/commented.gif"] = string(gifBytes(t, true))
	files["static/img/scan.tif"] = string(encodedImage(t, func(w io.Writer, m image.Image) error { return tiff.Encode(w, m, nil) }))
	files["static/img/d.heic"] = "not really heic"
	files["static/img/e"] = "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"
	joined := strings.Join(buildErrors(t, files), "\n")
	for _, want := range []string{"static/img/d.heic", "static/img/e", "static/img/commented.gif", "static/img/scan.tif"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no error for %s: %s", want, joined)
		}
	}
}

// TestConsentIsTheNarrowestOfTheTranslations checks that a translation
// cannot publish what another translation of the same leader or case note
// withholds: Wu's English page still grants "photo" and "name", the
// Chinese one took them back; a case note's English translation says
// publish, the Chinese one does not.
func TestConsentIsTheNarrowestOfTheTranslations(t *testing.T) {
	leader := func(title, scope string) string {
		return "+++\ntitle = \"" + title + "\"\npseudonym = \"Resident W\"\nphoto = \"photo.jpg\"\n[consent]\npublish = true\ndate = 2025-01-01\nscope = [" + scope + "]\n+++\n"
	}
	caseNote := func(publish string) string {
		return "+++\ntitle = \"A story\"\nleader = \"wu\"\nstage = \"activate\"\nworker = \"Zhao\"\n[consent]\npublish = " + publish + "\n[disguise]\nreviewed_by = \"Qian\"\n+++\nThe story of a resident.\n"
	}
	files := map[string]string{
		"site.toml":                      minimalConfig + "defaultLanguage = \"zh\"\n[languages.zh]\nlanguageName = \"中文\"\nweight = 1\n[languages.en]\nlanguageName = \"English\"\nweight = 2\n",
		"content/leaders/wu/index.md":    leader("吴", `"portfolio"`),
		"content/leaders/wu/index.en.md": leader("Wu", `"portfolio", "name", "photo"`),
		"content/leaders/wu/photo.jpg":   string(jpegWithEXIF(t, 16, 16)),
		"content/cases/story.md":         caseNote("false"),
		"content/cases/story.en.md":      caseNote("true"),
	}
	out, res := build(t, writeFiles(t, files), Options{Audience: audience.Public, AudienceSet: true})
	tree := readTree(t, out)
	for rel, data := range tree {
		if strings.HasSuffix(rel, ".jpg") {
			t.Errorf("%s published: one translation has no photo in scope", rel)
		}
		if strings.Contains(rel, "story") {
			t.Errorf("%s published: one translation of the case note has no consent", rel)
		}
		if strings.HasSuffix(rel, ".html") && strings.Contains(string(data), ">Wu<") {
			t.Errorf("%s shows the name: one translation has no name in scope", rel)
		}
	}
	warned := 0
	for _, w := range res.Warnings {
		if strings.Contains(w.Error(), "differs from its translations'") {
			warned++
		}
	}
	// A consented, reviewed case note goes to funders: not this one.
	fundersOut, _ := build(t, writeFiles(t, files), Options{Audience: audience.Funders, AudienceSet: true})
	for rel := range readTree(t, fundersOut) {
		if strings.Contains(rel, "story") {
			t.Errorf("funders build: %s published: one translation of the case note has no consent", rel)
		}
	}
	// One on each file whose consent was narrowed: the English ones.
	if warned != 2 {
		t.Errorf("%d consent warnings, want 2: %v", warned, res.Warnings)
	}
	// The narrowed English portfolio is still published, under the
	// pseudonym and without the photo.
	if page, ok := tree["en/leaders/resident-w/index.html"]; !ok || !strings.Contains(string(page), "Resident W") {
		t.Errorf("the English portfolio is not published under the pseudonym; files: %v", keys(tree))
	}
}

// keys returns a tree's paths, sorted.
func keys(tree map[string][]byte) []string {
	var out []string
	for k := range tree {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestRenamedPicturesKeepTheirLinks checks that a Markdown image of a
// bundle still shows its picture when publishing re-encoded it under
// another name (a GIF, a BMP, a PNG saved as .jpg → .png), in the
// bundle's top folder and a subfolder, with a query, a fragment and an
// escaped space, as a figure shortcode does; a picture of another bundle
// gets its published URL (foreignlinks.go); links that name no picture of
// the bundle, or name it by a path whose last segment is not its name,
// stay as written. The helper that converts pages early (all it
// may, here) leaves a page with such an image to its run, which knows
// the new names.
func TestRenamedPicturesKeepTheirLinks(t *testing.T) {
	body := "![A](pic.gif) ![B](./gallery/scan.bmp?v=2) ![C](not%20a%20jpeg.jpg) ![D](photo.jpg) ![K](pic.gif#top)\n\n" +
		"![E](https://example.org/x.gif) ![F](/img/y.gif) ![G](missing.gif) ![H](../other/pic.gif) ![J](gallery%2Fscan.bmp)\n"
	src := writeFiles(t, map[string]string{
		"site.toml":                       minimalConfig,
		"content/news/y/index.md":         "+++\ntitle = \"Y\"\n+++\n" + body,
		"content/news/y/pic.gif":          string(gifBytes(t, false)),
		"content/news/y/gallery/scan.bmp": string(encodedImage(t, bmp.Encode)),
		"content/news/y/not a jpeg.jpg":   string(pngBytes(t)),
		"content/news/y/photo.jpg":        string(jpegWithEXIF(t, 16, 16)),
		"content/news/f/index.md":         "+++\ntitle = \"F\"\n+++\n{{< figure src=\"scan.bmp\" alt=\"I\" >}}\n",
		"content/news/f/scan.bmp":         string(encodedImage(t, bmp.Encode)),
		"content/news/other/index.md":     "+++\ntitle = \"Other\"\n+++\nx\n",
		"content/news/other/pic.gif":      string(gifBytes(t, false)),
	})
	opts := Options{Source: src, Out: filepath.Join(t.TempDir(), "out"), Now: testNow, early: earlyAll}
	b, _, err := runBuild(t.Context(), opts, false)
	if err != nil {
		t.Fatal(err)
	}
	if !b.streams() || len(b.early.done) == 0 {
		t.Fatal("the helper converted no page: the early path is not tested")
	}
	for _, st := range b.early.done {
		if st.page.File == "content/news/y/index.md" {
			t.Error("news/y was converted early, before its pictures' names were decided")
		}
	}
	tree := readTree(t, opts.Out)
	page := string(tree["news/y/index.html"])
	for _, want := range []string{`src="pic.png"`, `src="./gallery/scan.png?v=2"`, `src="not%20a%20jpeg.png"`, `src="photo.jpg"`, `src="pic.png#top"`,
		`src="https://example.org/x.gif"`, `src="/img/y.gif"`, `src="missing.gif"`, `src="/news/other/pic.png"`, `src="gallery%2Fscan.bmp"`} {
		if !strings.Contains(page, want) {
			t.Errorf("news/y/index.html lacks %s", want)
		}
	}
	if f := string(tree["news/f/index.html"]); !strings.Contains(f, `src="/news/f/scan.png"`) {
		t.Error("the figure shortcode does not show the re-encoded /news/f/scan.png")
	}
	for _, rel := range []string{"news/y/pic.png", "news/y/gallery/scan.png", "news/y/not a jpeg.png", "news/y/photo.jpg", "news/f/scan.png"} {
		if _, ok := tree[rel]; !ok {
			t.Errorf("%s not published", rel)
		}
	}
}
