package business

import (
	"context"
	"strings"
	"time"

	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/taxid"
)

// BusinessStore is what the business directory needs from the store: each
// part is declared next to the pages that call it.
type BusinessStore interface {
	BusinessCount(ctx context.Context) (int, error)
	businessCardStore
	businessListsStore
}

// BusinessCategories reads a business category in typed words, with the
// understanding layer's word lists (locales/intents.*.yaml → KVED), and
// answers with the category's businesses (handlers/understand/understand_replies.go).
type BusinessCategories interface {
	CategoryOf(text string) (id string, ok bool)
	CategoryButton(l *locales.Localizer, id string) handlers.Button
	CategoryPage(ctx context.Context, req *handlers.Request, id string) (handlers.Response, error)
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
func (b *Business) Menu(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if arg := strings.TrimSpace(req.Text); arg != "" {
		if businessDigits(taxid.Normalize(arg)) {
			return b.edrpou(ctx, req, arg)
		}
		return b.search(ctx, req, arg)
	}
	reply, err := b.menu(ctx, req.L)
	return handlers.Response{Replies: []handlers.Reply{reply}}, err
}

// EDRPOU is /edrpou: look up a code given as the argument, or ask for one.
func (b *Business) EDRPOU(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if strings.TrimSpace(req.Text) != "" {
		return b.edrpou(ctx, req, req.Text)
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("business_ask_edrpou")}}, Next: handlers.Step(convBusiness, "edrpou", nil)}, nil
}

func (b *Business) menu(ctx context.Context, l *locales.Localizer) (handlers.Reply, error) {
	n, err := b.Store.BusinessCount(ctx)
	if err != nil || n == 0 {
		return handlers.Reply{Text: l.T("business_empty")}, err
	}
	return handlers.Reply{Text: l.N("business_title", n, nil), Buttons: append([][]handlers.Button{
		{BzNS.TextButton(l.T("business_btn_search"), BzFind), BzNS.TextButton(l.T("business_btn_sectors"), BzSections)},
		{BzNS.TextButton(l.T("business_btn_near"), bzNear), BzNS.TextButton(l.T("business_btn_edrpou"), bzEDRPOU)},
	}, handlers.MiniAppRow(l, b.MiniAppURL, "miniapp_btn_open_map", "")...)}, nil
}

// Button handles "bz|…" presses: lists edit the message in place; a card
// is sent as a map pin and a message.
func (b *Business) Button(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	d, l := req.Callback.Data, req.L
	switch BzNS.Action(d) {
	case BzFind:
		return handlers.Response{Replies: []handlers.Reply{{Text: l.T("business_ask_words")}}, Next: handlers.Step(convBusiness, "words", nil)}, nil
	case bzEDRPOU:
		return handlers.Response{Replies: []handlers.Reply{{Text: l.T("business_ask_edrpou")}}, Next: handlers.Step(convBusiness, "edrpou", nil)}, nil
	case bzNear:
		return handlers.Response{Replies: []handlers.Reply{b.AskLocation(l)}, Next: handlers.Step(convBusiness, "near", nil)}, nil
	case bzCard:
		return b.card(ctx, req, handlers.ArgInt(d, 0))
	}
	pages := map[bzAction]func() (handlers.Reply, error){
		bzMenu:     func() (handlers.Reply, error) { return b.menu(ctx, l) },
		BzSections: func() (handlers.Reply, error) { return b.sections(ctx, l) },
		bzSection:  func() (handlers.Reply, error) { return b.divisions(ctx, l, d.Arg(0)) },
		bzList: func() (handlers.Reply, error) {
			return b.list(ctx, req, d.Arg(0), d.Arg(1), handlers.ArgInt(d, 2), false)
		},
		bzListOpen: func() (handlers.Reply, error) {
			return b.list(ctx, req, d.Arg(0), d.Arg(1), handlers.ArgInt(d, 2), true)
		},
		bzSearch: func() (handlers.Reply, error) {
			return b.searchPage(ctx, req, d.Arg(1), handlers.ArgInt(d, 0), "", false)
		},
		bzSearchOpen: func() (handlers.Reply, error) {
			return b.searchPage(ctx, req, d.Arg(1), handlers.ArgInt(d, 0), "", true)
		},
		bzNearAt:   func() (handlers.Reply, error) { return b.nearAt(ctx, req, d.Arg(0), d.Arg(1), false) },
		bzNearOpen: func() (handlers.Reply, error) { return b.nearAt(ctx, req, d.Arg(0), d.Arg(1), true) },
	}
	show, ok := pages[BzNS.Action(d)]
	if !ok {
		return handlers.Response{Answer: handlers.StaleButton(l)}, nil
	}
	reply, err := show()
	reply.Edit = true
	return handlers.Response{Replies: []handlers.Reply{reply}}, err
}

// Step continues a directory conversation: words to search, an EDRPOU
// code, or a location (text at the location step is searched too).
func (b *Business) Step(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
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
			return handlers.WithMenu(req.L, req.L.T("menu_title")), nil
		}
		return b.search(ctx, req, req.Text)
	}
	return handlers.WithMenu(req.L, req.L.T("conv_expired")), nil
}

// AskLocation shows a keyboard whose button shares the user's location.
func (b *Business) AskLocation(l *locales.Localizer) handlers.Reply {
	return handlers.Reply{Text: l.T("business_ask_location", map[string]any{"Radius": l.Decimal(b.RadiusKM, 1)}),
		Keyboard: [][]handlers.KeyButton{{{Text: l.T("business_btn_share"), RequestLocation: true}},
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
