package handlers

import (
	"strconv"
	"time"

	"github.com/transparentcities/nazar/hours"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// The "open now" filter of search, sections and near me: a list shows a
// 🟢 button that lists only the businesses open at this moment in the
// city's time zone (those without readable hours are left out, for
// nobody can say they are open), and a button back to all of them.

// openKeep keeps the hours texts open at the request's time; a city has
// far fewer distinct schedules than businesses, so each is parsed once.
func (b *Business) openKeep(req *Request) store.KeepHours {
	now := req.Now.In(b.loc())
	seen := map[string]bool{}
	return func(text string) bool {
		open, ok := seen[text]
		if !ok {
			s, err := hours.Parse(text)
			open = err == nil && !s.Empty() && s.IsOpen(now)
			seen[text] = open
		}
		return open
	}
}

func (b *Business) loc() *time.Location {
	if b.Location == nil {
		return time.UTC
	}
	return b.Location
}

// openNote heads a filtered list: what it shows and at what city time.
func (b *Business) openNote(req *Request) string {
	now := req.Now.In(b.loc())
	return req.L.T("business_open_only", map[string]any{"Weekday": req.L.Weekday(now), "Time": now.Format("15:04")})
}

// openToggle is the button that switches a list between every business
// and the ones open now; "" data (too long for a button) offers none.
func openToggle(l *locales.Localizer, open bool, all, openOnly string) []Button {
	if open && all != "" {
		return []Button{{Text: l.T("business_btn_show_all"), Data: all}}
	}
	if !open && openOnly != "" {
		return []Button{{Text: l.T("business_btn_open_now"), Data: openOnly}}
	}
	return nil
}

// coord writes a coordinate for button data: five decimals are a metre.
func coord(x float64) string { return strconv.FormatFloat(x, 'f', 5, 64) }
