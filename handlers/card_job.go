package handlers

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"time"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/privacy"
	"github.com/transparentcities/nazar/store"
)

// CardAlertStore is what the alert check needs from the store.
type CardAlertStore interface {
	AlertLinks(ctx context.Context) ([]store.CardLink, error)
	CardAlertSent(ctx context.Context, linkID int64, lowSent bool, pushes []store.Push) (int, error)
	CardWatches(ctx context.Context) ([]store.CardWatch, error)
	EndWatch(ctx context.Context, userID int64, no string, push store.Push) (int, error)
	DropWatch(ctx context.Context, userID int64, no string) error
}

// CardAlerts checks the opt-in card alerts (low balance, expiring in 30
// days, application ready) and queues them through the outbox. It runs
// after each import (provider sqlite) and on every sync (provider http).
// Outbox keys make a repeated check send nothing twice: a low-balance alert
// is keyed by the data time, expiry by the valid-until date, ready by the
// application.
type CardAlerts struct {
	Store    CardAlertStore
	Provider card.Provider
	Content  *card.Content
	Location *time.Location
	Timeout  time.Duration // per provider call
	Log      *slog.Logger  // nil: slog.Default()
}

// Check runs every alert rule once at now and returns how many pushes it
// queued. A card the provider cannot give now is skipped (and retried at
// the next check); the first such error is returned after the rest ran.
func (a *CardAlerts) Check(ctx context.Context, now time.Time) (int, error) {
	links, err := a.Store.AlertLinks(ctx)
	if err != nil {
		return 0, err
	}
	queued := 0
	var firstErr error
	for _, l := range links {
		n, err := a.checkLink(ctx, l, now)
		queued += n
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	watches, err := a.Store.CardWatches(ctx)
	if err != nil {
		return queued, err
	}
	for _, w := range watches {
		n, err := a.checkWatch(ctx, w)
		queued += n
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return queued, firstErr
}

func (a *CardAlerts) checkLink(ctx context.Context, l store.CardLink, now time.Time) (int, error) {
	cctx, cancel := context.WithTimeout(ctx, a.Timeout)
	c, err := a.Provider.Card(cctx, l.Number)
	cancel()
	if err != nil {
		a.logger().Warn("card alerts: card not checked", "card", privacy.MaskCard(l.Number),
			"err", privacy.Scrub(err.Error()))
		if errors.Is(err, card.ErrNotFound) {
			return 0, nil
		}
		return 0, err
	}
	due := card.Alerts(c, l.Prefs, now.In(a.Location))
	loc := locales.New(l.Language)
	masked := privacy.MaskCard(l.Number)
	var pushes []store.Push
	if due.Low {
		text := loc.T("card_low_push", map[string]any{"Card": masked, "Balance": loc.Money(c.Balance),
			"Threshold": loc.Money(l.Prefs.Threshold)})
		pushes = append(pushes, a.push(l, "low:"+strconv.FormatInt(c.UpdatedAt.Unix(), 10), text))
	}
	if due.Expiry {
		text := expiryPush(loc, masked, c.ValidUntil, now.In(a.Location))
		pushes = append(pushes, a.push(l, "exp:"+c.ValidUntil.Format(time.DateOnly), text))
	}
	if len(pushes) == 0 && due.LowSet == l.Prefs.LowSent {
		return 0, nil
	}
	return a.Store.CardAlertSent(ctx, l.ID, due.LowSet, pushes)
}

// expiryPush says when the card stops working and in how many days, so
// "valid until 15.12.2026" needs no calendar.
func expiryPush(loc *locales.Localizer, masked string, until, today time.Time) string {
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	days := int(until.Sub(day).Hours() / 24)
	data := map[string]any{"Card": masked, "Date": loc.Date(until)}
	if days <= 0 {
		return loc.T("card_expiry_push_today", data)
	}
	return loc.N("card_expiry_push", days, data)
}

func (a *CardAlerts) push(l store.CardLink, what, text string) store.Push {
	return store.Push{Kind: "card", Key: "link:" + strconv.FormatInt(l.ID, 10) + ":" + what, ChatID: l.ChatID, Text: text}
}

func (a *CardAlerts) checkWatch(ctx context.Context, w store.CardWatch) (int, error) {
	cctx, cancel := context.WithTimeout(ctx, a.Timeout)
	app, err := a.Provider.Application(cctx, w.No, w.Birth)
	cancel()
	if err != nil {
		a.logger().Warn("card alerts: application not checked", "err", privacy.Scrub(err.Error()))
		if errors.Is(err, card.ErrNotFound) {
			return 0, nil
		}
		return 0, err
	}
	loc := locales.New(w.Language)
	switch {
	case app.Status == card.AppIssued:
		return 0, a.Store.DropWatch(ctx, w.UserID, w.No) // picked up meanwhile: nothing left to tell
	case app.Status == card.AppRejected:
		// It will never be ready; the resident waiting for it hears why.
		text := loc.T("card_rejected_push", map[string]any{"No": w.No})
		if app.Reason != "" {
			text += "\n" + loc.T("card_app_reason", map[string]any{"Reason": app.Reason})
		}
		return a.Store.EndWatch(ctx, w.UserID, w.No, watchPush(w, "rejected", text))
	case card.ReadyDue(app):
		point := app.PickupPoint
		if p, ok := a.Content.Point(point); ok {
			point = p.Name.In(loc.Lang) + ", " + p.Address.In(loc.Lang)
		}
		text := loc.T("card_ready_push", map[string]any{"No": w.No, "Point": point})
		return a.Store.EndWatch(ctx, w.UserID, w.No, watchPush(w, "ready", text))
	}
	return 0, nil
}

// watchPush is the last message about a watched application; its key
// names the outcome, so each goes once.
func watchPush(w store.CardWatch, outcome, text string) store.Push {
	return store.Push{Kind: "card", Key: outcome + ":" + w.No, ChatID: w.ChatID, Text: text}
}

// Run checks alerts every interval until ctx ends: the provider sync of
// the http provider, whose data changes without an import.
func (a *CardAlerts) Run(ctx context.Context, interval time.Duration, now func() time.Time) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := a.Check(ctx, now()); err != nil {
				a.logger().Warn("card alerts: sync incomplete", "queued", n, "err", privacy.Scrub(err.Error()))
			}
		}
	}
}

func (a *CardAlerts) logger() *slog.Logger {
	if a.Log != nil {
		return a.Log
	}
	return slog.Default()
}
