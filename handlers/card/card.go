package card

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/privacy"
)

// CardStore is what the social card needs from the store.
type CardStore interface {
	LinkCard(ctx context.Context, userID, chatID int64, number string, threshold int64) (int64, error)
	CardLinks(ctx context.Context, userID int64) ([]card.Link, error)
	CardLink(ctx context.Context, userID, id int64) (card.Link, bool, error)
	UnlinkCard(ctx context.Context, userID, id int64) (bool, error)
	SetCardAlerts(ctx context.Context, userID, id int64, p card.Prefs) error
	handlers.LookupLockStore
	WatchApplication(ctx context.Context, userID, chatID int64, no string, birth time.Time) error
}

// Card serves SPEC §4: how to get a card, is it ready, link and unlink
// cards, balance and operations, opt-in alerts. Button data: "card|…";
// conversation feature "card". A card is named in buttons by its link id,
// which only its owner can open, never by its number.
type Card struct {
	Store    CardStore
	Provider card.Provider
	Content  *card.Content
	Rules    card.NumberRules
	// Timeout bounds each provider call a user waits for, retries included
	// (card.reply_timeout, at most 5 s).
	Timeout    time.Duration
	LowDefault int64          // kopiykas: the low-balance threshold of a new link
	Location   *time.Location // the city's, for times shown
	Log        *slog.Logger   // nil: slog.Default()
	// Alerts checks a link at once when an alert is switched on (nil: only
	// at the next import or sync).
	Alerts *CardAlerts
}

const ConvCard = "card"

// Menu is /card and /start card.
func (c *Card) Menu(_ context.Context, req *handlers.Request) (handlers.Response, error) {
	return handlers.Response{Replies: []handlers.Reply{c.menu(req.L)}}, nil
}

func (c *Card) menu(l *locales.Localizer) handlers.Reply {
	return handlers.Reply{Text: l.T("card_title"), Buttons: [][]handlers.Button{
		{CardNS.Button(l, "card_btn_howto", CardHowto)},
		{CardNS.Button(l, "card_btn_ready", CardReady)},
		{CardNS.Button(l, "card_btn_mine", CardMine), CardNS.Button(l, "card_btn_link", CardLink)},
	}}
}

// Button handles "card|…" buttons.
func (c *Card) Button(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	d := req.Callback.Data
	id := handlers.ArgInt(d, 0)
	switch CardNS.Action(d) {
	case cardMenu:
		return handlers.Edit(c.menu(req.L)), nil
	case CardHowto:
		return handlers.Edit(c.categories(req.L)), nil
	case cardCategory:
		return c.category(req.L, d.Arg(0)), nil
	case CardReady:
		return c.askApp(ctx, req)
	case cardWatch:
		return c.watch(ctx, req)
	case CardLink:
		return c.askNumber(ctx, req)
	case CardMine:
		return c.mine(ctx, req, true)
	case cardBalance:
		return c.balance(ctx, req, id)
	case cardOperations:
		return c.operations(ctx, req, id)
	case cardUnlink, cardUnlinkYes, cardUnlinkNo:
		return c.unlink(ctx, req, CardNS.Action(d), id)
	case cardAlerts, cardAlertToggle, cardThreshold:
		return c.alertsButton(ctx, req, CardNS.Action(d), id, d.Arg(1))
	}
	return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
}

// Step continues a card conversation.
func (c *Card) Step(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	switch req.Conv.Step {
	case "app":
		return c.appNumber(ctx, req)
	case "appdob":
		return c.appStatus(ctx, req)
	case "watch":
		// The status was shown; text now is not an answer to anything.
		return handlers.WithMenu(req.L, req.L.T("unknown_text")), nil
	case "num":
		return c.number(ctx, req)
	case "dob":
		return c.verify(ctx, req)
	case "thr":
		return c.threshold(ctx, req)
	}
	return handlers.WithMenu(req.L, req.L.T("conv_expired")), nil
}

// call runs one provider call within the reply timeout. A failure that is
// not an answer about the card (not found, mismatch) is logged with the
// card masked and reported as card.ErrUnavailable.
func (c *Card) call(ctx context.Context, what, number string, fn func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, c.Timeout)
	defer cancel()
	err := fn(ctx)
	if err == nil || errors.Is(err, card.ErrNotFound) || errors.Is(err, card.ErrMismatch) {
		return err
	}
	// Scrubbed here too: a provider's error may quote what it was asked.
	c.logger().Warn("card provider failed", "call", what, "card", privacy.MaskCard(number),
		"err", privacy.Scrub(err.Error()))
	return card.ErrUnavailable
}

func (c *Card) logger() *slog.Logger {
	if c.Log != nil {
		return c.Log
	}
	return slog.Default()
}

func (c *Card) unavailable(l *locales.Localizer) handlers.Response {
	return handlers.WithMenu(l, l.T("card_unavailable"))
}

// localTime shows t in the city's time zone.
func (c *Card) localTime(l *locales.Localizer, t time.Time) string {
	return l.DateTime(t.In(c.Location))
}
