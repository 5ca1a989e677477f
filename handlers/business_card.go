package handlers

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/transparentcities/nazar/kved"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/taxid"
)

// Near answers a shared location (outside any conversation, or at the
// "near" step): the nearest businesses within business.radius_km.
func (b *Business) Near(ctx context.Context, req *Request) (Response, error) {
	l, p := req.L, req.Location
	if p == nil {
		return Response{Replies: []Reply{b.askLocation(l)}, Next: Step(convBusiness, "near", nil)}, nil
	}
	list, err := b.Store.BusinessesNear(ctx, p.Lat, p.Lon, b.RadiusKM*1000, b.NearLimit)
	if err != nil {
		return Response{}, err
	}
	radius := l.Decimal(b.RadiusKM, 1)
	if len(list) == 0 {
		return Response{Replies: []Reply{{Text: l.T("business_near_none", map[string]any{"Radius": radius}),
			Buttons: [][]Button{{bzNS.TextButton(l.T("business_btn_sectors"), bzSections)}}}}, Next: Step(convBusiness, "near", nil)}, nil
	}
	text := l.N("business_near_title", len(list), map[string]any{"Radius": radius}) + "\n\n" + b.lines(req, list, 1, true)
	// The conversation stays at "near" so a second shared location (or the
	// 🏠 button of the location keyboard) is understood.
	return Response{Replies: []Reply{{Text: text, Buttons: b.briefButtons(l, list, true)}},
		Next: Step(convBusiness, "near", nil)}, nil
}

// edrpou looks a code up after checking its check digit.
func (b *Business) edrpou(ctx context.Context, req *Request, text string) (Response, error) {
	l := req.L
	code := taxid.Normalize(text)
	kind, err := taxid.Check(code)
	again := Step(convBusiness, "edrpou", nil)
	switch {
	case errors.Is(err, taxid.ErrChecksum) && kind == taxid.EDRPOU:
		return Response{Replies: []Reply{{Text: l.T("business_edrpou_invalid", map[string]any{"Code": code})}}, Next: again}, nil
	case err != nil || kind != taxid.EDRPOU:
		return Response{Replies: []Reply{{Text: l.T("business_edrpou_format")}}, Next: again}, nil
	}
	found, err := b.Store.BusinessesByEDRPOU(ctx, code)
	if err != nil {
		return Response{}, err
	}
	switch len(found) {
	case 0:
		return Response{Replies: []Reply{{Text: l.T("business_edrpou_none", map[string]any{"Code": code})}}}, nil
	case 1:
		return b.cardOf(req, found[0]), nil
	}
	var rows [][]Button
	for _, x := range found {
		rows = append(rows, []Button{bzNS.TextButton(short(x.Name+" · "+x.Address, businessNameLen), bzCard, itoa(x.ID))})
	}
	return Response{Replies: []Reply{{Text: l.N("business_edrpou_many", len(found), map[string]any{"Code": code}),
		Buttons: rows}}}, nil
}

// card sends a business's map pin and its card.
func (b *Business) card(ctx context.Context, req *Request, id int64) (Response, error) {
	x, found, err := b.Store.BusinessByID(ctx, id)
	if err != nil || !found {
		return Response{Answer: req.L.T("business_gone")}, err
	}
	return b.cardOf(req, x), nil
}

func (b *Business) cardOf(req *Request, x store.Business) Response {
	card := Reply{Text: b.cardText(req, x), Buttons: [][]Button{{bzNS.TextButton(req.L.T("business_btn_to_division"), bzList, "d", x.Division, "0"),
		bzNS.TextButton(req.L.T("business_btn_back"), bzMenu)}}}
	if !x.HasPoint {
		return Response{Replies: []Reply{card}}
	}
	pin := Reply{Venue: &Venue{Lat: x.Lat, Lon: x.Lon, Title: x.Name, Address: x.Address}}
	return Response{Replies: []Reply{pin, card}}
}

// businessKindIDs name the kinds of SPEC §6.
var businessKindIDs = map[string]string{
	"enterprise":   locales.ID("business_kind_enterprise"),
	"institution":  locales.ID("business_kind_institution"),
	"organisation": locales.ID("business_kind_organisation"),
}

func (b *Business) cardText(req *Request, x store.Business) string {
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
