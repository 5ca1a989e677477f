package handlers

import (
	"context"
	"strings"
	"time"

	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/taxid"
)

// BusinessStore is what the business directory needs from the store.
type BusinessStore interface {
	BusinessCount(ctx context.Context) (int, error)
	BusinessByID(ctx context.Context, id int64) (store.Business, bool, error)
	BusinessesByEDRPOU(ctx context.Context, code string) ([]store.Business, error)
	SearchBusinesses(ctx context.Context, match string, offset, limit int) ([]store.BusinessBrief, int, error)
	BusinessesNear(ctx context.Context, lat, lon, radiusM float64, limit int) ([]store.BusinessBrief, error)
	BusinessSectionCounts(ctx context.Context) (map[string]int, error)
	BusinessDivisionCounts(ctx context.Context, section string) (map[string]int, error)
	BusinessList(ctx context.Context, f store.BusinessFilter, offset, limit int) ([]store.BusinessBrief, int, error)
	// the "open now" filter (business_open.go)
	SearchBusinessesKept(ctx context.Context, match string, keep store.KeepHours, offset, limit int) ([]store.BusinessBrief, int, error)
	BusinessListKept(ctx context.Context, f store.BusinessFilter, keep store.KeepHours, offset, limit int) ([]store.BusinessBrief, int, error)
	BusinessesNearKept(ctx context.Context, lat, lon, radiusM float64, limit int, keep store.KeepHours) ([]store.BusinessBrief, error)
}

// BusinessCategories reads a business category in typed words, with the
// understanding layer's word lists (locales/intents.*.yaml → KVED), and
// answers with the category's businesses (handlers/understand_replies.go).
type BusinessCategories interface {
	CategoryOf(text string) (id string, ok bool)
	CategoryButton(l *locales.Localizer, id string) Button
	CategoryPage(ctx context.Context, req *Request, id string) (Response, error)
}

// Business serves SPEC §6: search, browse by KVED sector, near me, EDRPOU
// lookup and the business card with a map pin. Button data: "bz|…";
// conversation feature "bz" (steps: words, edrpou, near).
type Business struct {
	Store BusinessStore
	// MiniAppURL is miniapp.public_url: "" hides the Mini App button.
	MiniAppURL string
	Location   *time.Location // the city's time zone: "open now" is city time
	RadiusKM   float64
	NearLimit  int
	PageSize   int
	// Categories, when set, lets search words name a category ("pharmacy").
	Categories BusinessCategories
}

// Menu is /business (and /start business). With an argument it searches,
// or looks up an EDRPOU code when the argument is 8 digits.
func (b *Business) Menu(ctx context.Context, req *Request) (Response, error) {
	if arg := strings.TrimSpace(req.Text); arg != "" {
		if businessDigits(taxid.Normalize(arg)) {
			return b.edrpou(ctx, req, arg)
		}
		return b.search(ctx, req, arg)
	}
	reply, err := b.menu(ctx, req.L)
	return Response{Replies: []Reply{reply}}, err
}

// EDRPOU is /edrpou: look up a code given as the argument, or ask for one.
func (b *Business) EDRPOU(ctx context.Context, req *Request) (Response, error) {
	if strings.TrimSpace(req.Text) != "" {
		return b.edrpou(ctx, req, req.Text)
	}
	return Response{Replies: []Reply{{Text: req.L.T("business_ask_edrpou")}}, Next: Step(convBusiness, "edrpou", nil)}, nil
}

func (b *Business) menu(ctx context.Context, l *locales.Localizer) (Reply, error) {
	n, err := b.Store.BusinessCount(ctx)
	if err != nil || n == 0 {
		return Reply{Text: l.T("business_empty")}, err
	}
	return Reply{Text: l.N("business_title", n, nil), Buttons: append([][]Button{
		{bzNS.TextButton(l.T("business_btn_search"), bzFind), bzNS.TextButton(l.T("business_btn_sectors"), bzSections)},
		{bzNS.TextButton(l.T("business_btn_near"), bzNear), bzNS.TextButton(l.T("business_btn_edrpou"), bzEDRPOU)},
	}, miniAppRow(l, b.MiniAppURL, "miniapp_btn_open_map", "")...)}, nil
}

// Button handles "bz|…" presses: lists edit the message in place; a card
// is sent as a map pin and a message.
func (b *Business) Button(ctx context.Context, req *Request) (Response, error) {
	d, l := req.Callback.Data, req.L
	switch bzNS.Action(d) {
	case bzFind:
		return Response{Replies: []Reply{{Text: l.T("business_ask_words")}}, Next: Step(convBusiness, "words", nil)}, nil
	case bzEDRPOU:
		return Response{Replies: []Reply{{Text: l.T("business_ask_edrpou")}}, Next: Step(convBusiness, "edrpou", nil)}, nil
	case bzNear:
		return Response{Replies: []Reply{b.askLocation(l)}, Next: Step(convBusiness, "near", nil)}, nil
	case bzCard:
		return b.card(ctx, req, argInt(d, 0))
	}
	pages := map[bzAction]func() (Reply, error){
		bzMenu:       func() (Reply, error) { return b.menu(ctx, l) },
		bzSections:   func() (Reply, error) { return b.sections(ctx, l) },
		bzSection:    func() (Reply, error) { return b.divisions(ctx, l, d.Arg(0)) },
		bzList:       func() (Reply, error) { return b.list(ctx, req, d.Arg(0), d.Arg(1), argInt(d, 2), false) },
		bzListOpen:   func() (Reply, error) { return b.list(ctx, req, d.Arg(0), d.Arg(1), argInt(d, 2), true) },
		bzSearch:     func() (Reply, error) { return b.searchPage(ctx, req, d.Arg(1), argInt(d, 0), "", false) },
		bzSearchOpen: func() (Reply, error) { return b.searchPage(ctx, req, d.Arg(1), argInt(d, 0), "", true) },
		bzNearAt:     func() (Reply, error) { return b.nearAt(ctx, req, d.Arg(0), d.Arg(1), false) },
		bzNearOpen:   func() (Reply, error) { return b.nearAt(ctx, req, d.Arg(0), d.Arg(1), true) },
	}
	show, ok := pages[bzNS.Action(d)]
	if !ok {
		return Response{Answer: StaleButton(l)}, nil
	}
	reply, err := show()
	reply.Edit = true
	return Response{Replies: []Reply{reply}}, err
}

// Step continues a directory conversation: words to search, an EDRPOU
// code, or a location (text at the location step is searched too).
func (b *Business) Step(ctx context.Context, req *Request) (Response, error) {
	switch req.Conv.Step {
	case "words":
		return b.search(ctx, req, req.Text)
	case "edrpou":
		return b.edrpou(ctx, req, req.Text)
	case "near":
		if req.Location != nil {
			return b.Near(ctx, req)
		}
		if req.Text == "" || req.Text == req.L.T("business_btn_home") {
			return WithMenu(req.L, req.L.T("menu_title")), nil
		}
		return b.search(ctx, req, req.Text)
	}
	return WithMenu(req.L, req.L.T("conv_expired")), nil
}

// askLocation shows a keyboard whose button shares the user's location.
func (b *Business) askLocation(l *locales.Localizer) Reply {
	return Reply{Text: l.T("business_ask_location", map[string]any{"Radius": l.Decimal(b.RadiusKM, 1)}),
		Keyboard: [][]KeyButton{{{Text: l.T("business_btn_share"), RequestLocation: true}},
			{{Text: l.T("business_btn_home")}}}}
}

func businessDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
