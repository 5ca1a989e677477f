package handlers

import (
	"strings"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/locales"
)

// categories lists the categories of the content file, two per row.
func (c *Card) categories(l *locales.Localizer) Reply {
	var rows [][]Button
	for i, cat := range c.Content.Categories {
		if i%2 == 0 {
			rows = append(rows, nil)
		}
		b := Button{Text: cat.Title.In(l.Lang), Data: cardNS.Data(cardCategory, cat.Code)}
		rows[len(rows)-1] = append(rows[len(rows)-1], b)
	}
	rows = append(rows, []Button{cardNS.Button(l, "card_btn_back", cardMenu)})
	return Reply{Text: l.T("card_howto_title"), Buttons: rows}
}

// category shows what to bring, price, validity and processing time, then
// a map pin (sendVenue) for each service point of the category.
func (c *Card) category(l *locales.Localizer, code string) Response {
	cat, ok := c.Content.Category(code)
	if !ok {
		return Response{Answer: StaleButton(l)}
	}
	lang := l.Lang
	var docs, points []string
	for _, d := range cat.Documents.In(lang) {
		docs = append(docs, "• "+d)
	}
	var venues []Reply
	for _, id := range cat.Points {
		p, _ := c.Content.Point(id) // ids are checked when the content is loaded
		points = append(points, l.T("card_point", map[string]any{
			"Name": p.Name.In(lang), "Address": p.Address.In(lang), "Hours": p.Hours.In(lang)}))
		venues = append(venues, Reply{Venue: venue(p, lang)})
	}
	text := l.T("card_category", map[string]any{"Title": cat.Title.In(lang), "Documents": strings.Join(docs, "\n"),
		"Price": cat.Price.In(lang), "Validity": cat.Validity.In(lang), "Processing": cat.Processing.In(lang),
		"Points": strings.Join(points, "\n")})
	page := Reply{Text: text, Edit: true, Buttons: [][]Button{{cardNS.Button(l, "card_btn_categories", cardHowto)}}}
	return Response{Replies: append([]Reply{page}, venues...)}
}

func venue(p *card.Point, lang string) *Venue {
	return &Venue{Lat: p.Lat, Lon: p.Lon, Title: p.Name.In(lang), Address: p.Address.In(lang) + " · " + p.Hours.In(lang)}
}

// pointName is a pick-up point for messages: the content file's service
// point when the provider names one by id, else the provider's text.
func (c *Card) pointName(lang, point string) string {
	if p, ok := c.Content.Point(point); ok {
		return p.Name.In(lang) + ", " + p.Address.In(lang)
	}
	return point
}
