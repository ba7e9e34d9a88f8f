package render

import (
	"bytes"
	"encoding/xml"
	"html/template"
	"strings"
	"time"
)

// FeedItem is one entry of an RSS feed.
type FeedItem struct {
	Title       string
	Link        string // absolute URL
	Date        time.Time
	Description string // plain-text summary
}

// RSS returns an RSS 2.0 document. Items are written in the order given.
// A description in RSS is HTML, which readers render: the plain-text
// descriptions given are written as HTML text first (htmlText), then
// escaped for XML, so that "<img onerror=…>" written as text in a summary
// stays text in every reader.
func RSS(title, link, selfURL, description, lang string, items []FeedItem) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">` + "\n<channel>\n")
	elem(&b, "title", title)
	elem(&b, "link", link)
	elem(&b, "description", htmlText(description))
	if lang != "" {
		elem(&b, "language", lang)
	}
	var newest time.Time
	for _, it := range items {
		if it.Date.After(newest) {
			newest = it.Date
		}
	}
	if !newest.IsZero() {
		elem(&b, "lastBuildDate", newest.UTC().Format(time.RFC1123Z))
	}
	b.WriteString(`<atom:link href="`)
	xml.EscapeText(&b, []byte(selfURL))
	b.WriteString(`" rel="self" type="application/rss+xml"/>` + "\n")
	for _, it := range items {
		b.WriteString("<item>\n")
		elem(&b, "title", it.Title)
		elem(&b, "link", it.Link)
		b.WriteString(`<guid isPermaLink="true">`)
		xml.EscapeText(&b, []byte(it.Link))
		b.WriteString("</guid>\n")
		if !it.Date.IsZero() {
			elem(&b, "pubDate", it.Date.UTC().Format(time.RFC1123Z))
		}
		if it.Description != "" {
			elem(&b, "description", htmlText(it.Description))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.Bytes()
}

// htmlText writes plain text as HTML text: &, < and > as references.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, c := range []byte(s) {
		switch c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func elem(b *bytes.Buffer, name, text string) {
	b.WriteString("<" + name + ">")
	xml.EscapeText(b, []byte(text))
	b.WriteString("</" + name + ">\n")
}

// SitemapEntry is one URL of a sitemap.
type SitemapEntry struct {
	Loc     string // absolute URL
	Lastmod time.Time
}

// Sitemap returns a sitemaps.org urlset document.
func Sitemap(entries []SitemapEntry) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, e := range entries {
		b.WriteString("<url>")
		b.WriteString("<loc>")
		xml.EscapeText(&b, []byte(e.Loc))
		b.WriteString("</loc>")
		if !e.Lastmod.IsZero() {
			b.WriteString("<lastmod>" + e.Lastmod.UTC().Format("2006-01-02") + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// Robots returns robots.txt: everything allowed with the sitemap named, or
// everything disallowed for a build that must not be indexed.
func Robots(sitemapURL string, disallowAll bool) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\n")
	if disallowAll {
		b.WriteString("Disallow: /\n")
		return []byte(b.String())
	}
	b.WriteString("Allow: /\n")
	if sitemapURL != "" {
		b.WriteString("\nSitemap: " + sitemapURL + "\n")
	}
	return []byte(b.String())
}

var aliasTemplate = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }}</title>
<link rel="canonical" href="{{ .URL }}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{ .URL }}">
</head>
<body>
<p><a href="{{ .URL }}">{{ .Title }}</a></p>
</body>
</html>
`))

// Alias returns a redirect page that sends a browser from an old URL to
// target (an absolute or site-relative URL).
func Alias(target, title, lang string) ([]byte, error) {
	var b bytes.Buffer
	if lang == "" {
		lang = "en"
	}
	err := aliasTemplate.Execute(&b, struct{ URL, Title, Lang string }{target, title, lang})
	return b.Bytes(), err
}
