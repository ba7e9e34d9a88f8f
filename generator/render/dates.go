package render

import "time"

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

// Dates returns the page's dates as page-meta.html shows them. It returns
// a pointer, which the compiled templates call without reflection.
func (p *Page) Dates() *PageDates {
	d := new(PageDates)
	day := isoDay(p.Date)
	if !p.Date.IsZero() {
		d.Published = day
		d.PublishedText = p.Date.Format(p.text("date_format"))
	}
	if !p.Lastmod.IsZero() {
		if up := isoDay(p.Lastmod); up != day {
			d.Updated = up
			d.UpdatedText = p.Lastmod.Format(p.text("date_format"))
		}
	}
	return d
}

// isoDay is t.Format("2006-01-02"), written out directly for the years
// 0 to 9999.
func isoDay(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format("2006-01-02")
	}
	b := [10]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-',
		byte('0' + d/10), byte('0' + d%10),
	}
	return string(b[:])
}
