package photo

// HasMetadata reports whether encoded image bytes carry metadata: in JPEG,
// APP1 (Exif, XMP), APP2 (ICC, MPF), APP13 (IPTC) and the other application
// segments except APP0 (JFIF) and APP14 (Adobe colour transform), and COM
// comments; in PNG, eXIf, tEXt, zTXt, iTXt, tIME, iCCP and any ancillary
// chunk outside the known pixel-describing set; in GIF, comment, plain-text
// and application extensions; in WebP, EXIF, XMP and ICCP chunks and unknown
// chunks. Bytes after the end of a JPEG, PNG, GIF or WebP stream count as
// metadata, and so does a stream of those formats that is truncated or
// malformed, because metadata could hide in the part that cannot be walked.
// Data in any other format reports false.
//
// It is used by tests and by the build's leak checks on published files.
func HasMetadata(data []byte) bool {
	found := false
	var rest []byte
	var err error
	switch f, _ := sniff(data); f {
	case formatJPEG:
		rest, err = walkJPEG(data, func(m byte, _ []byte) bool {
			found = jpegMetadataMarker(m)
			return !found
		})
	case formatPNG:
		rest, err = walkPNG(data, func(typ string, _ []byte) bool {
			found = pngMetadataChunk(typ)
			return !found
		})
	case formatGIF:
		rest, err = walkGIF(data, func(introducer, label byte) bool {
			found = introducer == 0x21 && gifMetadataExtension(label)
			return !found
		})
	case formatWebP:
		rest, err = walkWebP(data, func(fourcc string, _ []byte) bool {
			found = webpMetadataChunk(fourcc)
			return !found
		})
	default:
		return false
	}
	return found || err != nil || len(rest) > 0
}

// jpegMetadataMarker reports whether a JPEG segment with marker m carries
// metadata rather than pixels or decoding tables.
func jpegMetadataMarker(m byte) bool {
	switch {
	case m == 0xFE: // COM
		return true
	case m == 0xE0, m == 0xEE: // APP0 JFIF, APP14 Adobe
		return false
	case m >= 0xE1 && m <= 0xEF: // APP1 Exif/XMP, APP2 ICC/MPF, APP13 IPTC, …
		return true
	}
	return false
}

// pngMetadataChunk reports whether a PNG chunk of type typ carries metadata.
// Critical chunks (upper-case first letter) describe pixels; ancillary ones
// are metadata unless they only affect how pixels are shown or animated.
func pngMetadataChunk(typ string) bool {
	if len(typ) != 4 || typ[0] < 'a' || typ[0] > 'z' {
		return false
	}
	switch typ {
	case "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD", "hIST", "pHYs",
		"cICP", "mDCV", "cLLI", "acTL", "fcTL", "fdAT":
		return false
	}
	return true // eXIf, tEXt, zTXt, iTXt, tIME, iCCP, sPLT, private chunks
}

// gifMetadataExtension reports whether a GIF extension with label carries
// metadata: comment (0xFE), application (0xFF, XMP and others) and plain
// text (0x01). Graphic control (0xF9) does not.
func gifMetadataExtension(label byte) bool {
	return label == 0xFE || label == 0xFF || label == 0x01
}

// webpMetadataChunk reports whether a WebP chunk carries metadata.
func webpMetadataChunk(fourcc string) bool {
	switch fourcc {
	case "VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF":
		return false
	}
	return true // EXIF, XMP , ICCP, unknown chunks
}
