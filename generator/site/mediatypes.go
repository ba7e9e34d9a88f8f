package site

import (
	"path"
	"strings"

	"github.com/sineng/sineng/generator/photo"
)

// mediaTypes gives a bundle resource its media type by extension, instead
// of the machine's MIME database (mime.TypeByExtension reads
// /etc/mime.types and the like): the same site must build the same output
// everywhere, and whether a file counts as a picture decides whether it
// stays out of a leader's portfolio without photo consent (identity.go;
// processImages also reads the file's bytes). Reading the machine's
// database also cost ≈2 ms at start. An extension missing here has no
// media type ("").
var mediaTypes = map[string]string{
	// images
	".apng": "image/apng",
	".avif": "image/avif",
	".bmp":  "image/bmp",
	".gif":  "image/gif",
	".heic": "image/heic",
	".heif": "image/heif",
	".hif":  "image/heif",
	".ico":  "image/vnd.microsoft.icon",
	".jfif": "image/jpeg",
	".jp2":  "image/jp2",
	".jpe":  "image/jpeg",
	".jpeg": "image/jpeg",
	".jpg":  "image/jpeg",
	".jxl":  "image/jxl",
	".png":  "image/png",
	".psd":  "image/vnd.adobe.photoshop",
	".svg":  "image/svg+xml",
	".svgz": "image/svg+xml",
	".tif":  "image/tiff",
	".tiff": "image/tiff",
	".webp": "image/webp",
	".xcf":  "image/x-xcf",
	// text
	".css":  "text/css; charset=utf-8",
	".csv":  "text/csv; charset=utf-8",
	".htm":  "text/html; charset=utf-8",
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".xml":  "text/xml; charset=utf-8",
	// documents and archives
	".doc":  "application/msword",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".epub": "application/epub+zip",
	".json": "application/json",
	".odp":  "application/vnd.oasis.opendocument.presentation",
	".ods":  "application/vnd.oasis.opendocument.spreadsheet",
	".odt":  "application/vnd.oasis.opendocument.text",
	".pdf":  "application/pdf",
	".ppt":  "application/vnd.ms-powerpoint",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".rtf":  "application/rtf",
	".wasm": "application/wasm",
	".xls":  "application/vnd.ms-excel",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".zip":  "application/zip",
	// audio, video, fonts
	".m4a":   "audio/mp4",
	".mp3":   "audio/mpeg",
	".ogg":   "audio/ogg",
	".wav":   "audio/wav",
	".mov":   "video/quicktime",
	".mp4":   "video/mp4",
	".webm":  "video/webm",
	".otf":   "font/otf",
	".ttf":   "font/ttf",
	".woff":  "font/woff",
	".woff2": "font/woff2",
}

// mediaType returns the media type of a file by its extension (any case),
// or "".
func mediaType(name string) string {
	return mediaTypes[strings.ToLower(path.Ext(name))]
}

// isImage reports whether name is a picture by its extension: one the
// table calls image/*, one photo re-encodes, or one refused as impossible
// to clean of metadata (camera raw files among them).
func isImage(name string) bool {
	return strings.HasPrefix(mediaType(name), "image/") || photo.IsImage(name) || refusedImage(name)
}
