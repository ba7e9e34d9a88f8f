package site

import (
	"path"
	"strings"

	"github.com/sineng/sineng/generator/photo"
)

// A bundle resource's media type comes from this table, not from the
// machine's MIME database (mime.TypeByExtension reads /etc/mime.types and
// the like): the same site must build the same output everywhere, and
// whether a file counts as an image decides whether a leader's photo
// stays out of a portfolio without photo consent (identity.go). Reading
// the machine's database also cost ≈2 ms at start. An extension missing
// here has no media type ("").
var mediaTypes = map[string]string{
	// images
	".avif": "image/avif",
	".bmp":  "image/bmp",
	".gif":  "image/gif",
	".heic": "image/heic",
	".heif": "image/heif",
	".ico":  "image/vnd.microsoft.icon",
	".jpeg": "image/jpeg",
	".jpg":  "image/jpeg",
	".jxl":  "image/jxl",
	".png":  "image/png",
	".svg":  "image/svg+xml",
	".tif":  "image/tiff",
	".tiff": "image/tiff",
	".webp": "image/webp",
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
