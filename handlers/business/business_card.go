package business

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/kved"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/taxid"
)

// businessCardStore is the part of the store for a business card, by id, EDRPOU
// code or nearness.
type businessCardStore interface {
	BusinessByID(ctx context.Context, id int64) (business.Record, bool, error)
	BusinessesByEDRPOU(ctx context.Context, code string) ([]business.Record, error)
	BusinessesNear(ctx context.Context, lat, lon, radiusM float64, limit int) ([]business.Brief, error)
	BusinessesNearKept(ctx context.Context, lat, lon, radiusM float64, limit int, keep store.KeepHours) ([]business.Brief, error)
}

// Near answers a shared location (outside any conversation, or at the
// "near" step): the nearest businesses within business.radius_km.
func (b *Business) Near(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	l, p := req.L, req.Location
	if p == nil {
		return handlers.Response{Replies: []handlers.Reply{b.AskLocation(l)}, Next: handlers.Step(convBusiness, "near", nil)}, nil
	}
	answer, err := b.nearList(ctx, req, p.Lat, p.Lon, false)
	if err != nil {
		return handlers.Response{}, err
	}
	// The location keyboard has done its job: the main menu comes back (a
	// message carries inline buttons or a keyboard, hence a second one). A
	// location shared later is answered outside any conversation too.
	return handlers.Response{EndConv: true, Replies: []handlers.Reply{answer,
		{Text: l.T("business_near_again"), Menu: l}}}, nil
}

// nearAt answers the open-now button of a near-me list: the point rides
// in the button's data ("bz|no|LAT|LON"), so no location is kept.
func (b *Business) nearAt(ctx context.Context, req *handlers.Request, lat, lon string, open bool) (handlers.Reply, error) {
	la, errLat := strconv.ParseFloat(lat, 64)
	lo, errLon := strconv.ParseFloat(lon, 64)
	if errLat != nil || errLon != nil || la < -90 || la > 90 || lo < -180 || lo > 180 {
		return b.menu(ctx, req.L)
	}
	return b.nearList(ctx, req, la, lo, open)
}

// nearList is the businesses nearest to a point, every one or the ones
// open now.
func (b *Business) nearList(ctx context.Context, req *handlers.Request, lat, lon float64, open bool) (handlers.Reply, error) {
	l := req.L
	var list []business.Brief
	var err error
	if open {
		list, err = b.Store.BusinessesNearKept(ctx, lat, lon, b.RadiusKM*1000, b.NearLimit, b.openKeep(req))
	} else {
		list, err = b.Store.BusinessesNear(ctx, lat, lon, b.RadiusKM*1000, b.NearLimit)
	}
	if err != nil {
		return handlers.Reply{}, err
	}
	toggle := openToggle(l, open, BzNS.Data(bzNearAt, coord(lat), coord(lon)),
		BzNS.Data(bzNearOpen, coord(lat), coord(lon)))
	radius := l.Decimal(b.RadiusKM, 1)
	note := ""
	if open {
		note = b.openNote(req) + "\n"
	}
	if len(list) == 0 {
		text := l.T("business_near_none", map[string]any{"Radius": radius})
		if open {
			text = note + l.T("business_open_none")
		}
		return handlers.Reply{Text: text, Buttons: handlers.WithRow(handlers.WithRow(nil, toggle), []handlers.Button{BzNS.TextButton(l.T("business_btn_sectors"), BzSections)})}, nil
	}
	return handlers.Reply{Text: note + l.N("business_near_title", len(list), map[string]any{"Radius": radius}) + "\n\n" +
		b.Lines(req, list, 1, true), Buttons: handlers.WithRow(b.BriefButtons(l, list, true), toggle)}, nil
}

// edrpou looks a code up after checking its check digit.
func (b *Business) edrpou(ctx context.Context, req *handlers.Request, text string) (handlers.Response, error) {
	l := req.L
	code := taxid.Normalize(text)
	kind, err := taxid.Check(code)
	again := handlers.Step(convBusiness, "edrpou", nil)
	switch {
	case errors.Is(err, taxid.ErrChecksum) && kind == taxid.EDRPOU:
		return handlers.Response{Replies: []handlers.Reply{{Text: l.T("business_edrpou_invalid", map[string]any{"Code": code})}}, Next: again}, nil
	case err != nil || kind != taxid.EDRPOU:
		return handlers.Response{Replies: []handlers.Reply{{Text: l.T("business_edrpou_format")}}, Next: again}, nil
	}
	found, err := b.Store.BusinessesByEDRPOU(ctx, code)
	if err != nil {
		return handlers.Response{}, err
	}
	switch len(found) {
	case 0:
		// The step stays open: the next code typed is looked up too.
		return handlers.Response{Replies: []handlers.Reply{{Text: l.T("business_edrpou_none", map[string]any{"Code": code}) + "\n" +
			l.T("business_edrpou_next")}}, Next: again}, nil
	case 1:
		return b.cardOf(req, found[0]), nil
	}
	var rows [][]handlers.Button
	for _, x := range found {
		rows = append(rows, []handlers.Button{BzNS.TextButton(handlers.Short(x.Name+" · "+x.Address, businessNameLen), bzCard, handlers.Itoa(x.ID))})
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: l.N("business_edrpou_many", len(found), map[string]any{"Code": code}),
		Buttons: rows}}}, nil
}

// card sends a business's map pin and its card.
func (b *Business) card(ctx context.Context, req *handlers.Request, id int64) (handlers.Response, error) {
	x, found, err := b.Store.BusinessByID(ctx, id)
	if err != nil || !found {
		return handlers.Response{Answer: req.L.T("business_gone")}, err
	}
	return b.cardOf(req, x), nil
}

func (b *Business) cardOf(req *handlers.Request, x business.Record) handlers.Response {
	card := handlers.Reply{Text: b.cardText(req, x), Buttons: [][]handlers.Button{{BzNS.TextButton(req.L.T("business_btn_to_division"), bzList, "d", x.Division, "0"),
		BzNS.TextButton(req.L.T("business_btn_back"), bzMenu)}}}
	if !x.HasPoint {
		return handlers.Response{Replies: []handlers.Reply{card}}
	}
	pin := handlers.Reply{Venue: &handlers.Venue{Lat: x.Lat, Lon: x.Lon, Title: x.Name, Address: x.Address}}
	return handlers.Response{Replies: []handlers.Reply{pin, card}}
}

// businessKindIDs name the kinds of SPEC §6.
var businessKindIDs = map[string]string{
	"enterprise":   locales.ID("business_kind_enterprise"),
	"institution":  locales.ID("business_kind_institution"),
	"organisation": locales.ID("business_kind_organisation"),
}

func (b *Business) cardText(req *handlers.Request, x business.Record) string {
	l := req.L
	sec, _ := kved.SectionByCode(x.Section)
	div, _ := kved.DivisionByCode(x.Division)
	lines := []string{
		l.T("business_card_name", map[string]any{"Name": x.Name}),
		l.T("business_card_kind", map[string]any{"Kind": l.T(businessKindIDs[x.Kind])}),
		l.T("business_card_sector", map[string]any{"Section": sec.Code + " · " + sec.Name(l.Lang),
			"Division": div.Code + " · " + div.Name(l.Lang), "KVED": x.KVED}),
	}
	optional := []struct{ id, value string }{
		{locales.ID("business_card_edrpou"), x.EDRPOU},
		{locales.ID("business_card_address"), x.Address},
		{locales.ID("business_card_phone"), x.Phone},
		{locales.ID("business_card_website"), x.Website},
		{locales.ID("business_card_email"), x.Email},
		{locales.ID("business_card_description"), x.Description},
	}
	for _, o := range optional {
		if o.value != "" {
			lines = append(lines, l.T(o.id, map[string]any{"Value": o.value}))
		}
	}
	if x.Hours != "" {
		lines = append(lines, l.T("business_card_hours", map[string]any{"Hours": x.Hours, "Open": b.openMark(req, x.Hours)}))
	}
	if t, err := time.Parse("2006-01-02", x.Updated); err == nil {
		lines = append(lines, l.T("business_card_updated", map[string]any{"Date": l.Date(t)}))
	}
	return strings.Join(lines, "\n")
}
