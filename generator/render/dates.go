package render

// PageDates is how a page's dates read, as partials/page-meta.html shows
// them: each day as YYYY-MM-DD for a datetime attribute, and in the
// language's date format (the theme string "date_format").
type PageDates struct {
	Published     string // the page's date, "" when it has none
	PublishedText string // the date in the date format, "" when it has none
	// Updated is the day of the last change when the page has one on
	// another day than its date, else "".
	Updated     string
	UpdatedText string
}

// Dates returns the page's dates as page-meta.html shows them.
func (p *Page) Dates() PageDates {
	var d PageDates
	day := p.Date.Format("2006-01-02")
	if !p.Date.IsZero() {
		d.Published = day
		d.PublishedText = p.Date.Format(p.text("date_format"))
	}
	if !p.Lastmod.IsZero() {
		if up := p.Lastmod.Format("2006-01-02"); up != day {
			d.Updated = up
			d.UpdatedText = p.Lastmod.Format(p.text("date_format"))
		}
	}
	return d
}
