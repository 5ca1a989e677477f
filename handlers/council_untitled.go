package handlers

import (
	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/locales"
)

// titleOr is the title to show for an agenda item or a vote event. Real
// records publish some without one (registrations, procedural votes: the
// Verkhovna Rada's roll calls have over a hundred); those are shown as
// "Vote No. N of DATE" in the reader's language, built here rather than
// stored so that it follows the language. number is the item's number,
// else its uid; day is -1 when the date is unknown.
func titleOr(l *locales.Localizer, title, number string, day council.Day) string {
	if title != "" {
		return title
	}
	if day < 0 {
		return l.T("council_untitled_undated", map[string]any{"Number": number})
	}
	return l.T("council_untitled", map[string]any{"Number": number, "Date": l.Date(day.Time())})
}

// numberOr is an item's number, or its uid when it has none.
func numberOr(number, uid string) string {
	if number != "" {
		return number
	}
	return uid
}
