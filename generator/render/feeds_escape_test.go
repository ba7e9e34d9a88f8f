package render

import (
	"encoding/xml"
	"strings"
	"testing"
)

// TestRSSDescriptionIsText checks that a plain-text description reaches a
// feed reader as text: RSS descriptions are HTML, so after the reader
// decodes the XML, "<img onerror=…>" written as text must still be
// escaped HTML, not a tag.
func TestRSSDescriptionIsText(t *testing.T) {
	text := `S <img src=x onerror=alert(1)> & "q"`
	out := RSS("T", "https://example.org/", "https://example.org/index.xml", text, "en",
		[]FeedItem{{Title: "A", Link: "https://example.org/a/", Description: text}})
	var doc struct {
		Channel struct {
			Description string `xml:"description"`
			Items       []struct {
				Description string `xml:"description"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	want := `S &lt;img src=x onerror=alert(1)&gt; &amp; "q"`
	if doc.Channel.Description != want || len(doc.Channel.Items) != 1 || doc.Channel.Items[0].Description != want {
		t.Errorf("decoded descriptions %q / %+v, want the HTML text %q\n%s", doc.Channel.Description, doc.Channel.Items, want, out)
	}
	if strings.Contains(string(out), "<img") {
		t.Errorf("a raw tag in the feed:\n%s", out)
	}
}
