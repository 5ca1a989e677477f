// Package cardalert is the check of the opt-in card alerts (low balance,
// expiring soon, application ready or rejected). It queues its pushes as
// data (store.MsgCardLow, …): the sender renders them in the resident's
// language when it sends them, so the check needs neither locales nor the
// handlers, and the importer runs it after a card import.
package cardalert

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"time"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/privacy"
	"github.com/transparentcities/nazar/store"
)

// Store is what the alert check needs from the store.
type Store interface {
	AlertLinks(ctx context.Context) ([]card.Link, error)
	CardAlertSent(ctx context.Context, linkID int64, lowSent bool, pushes []store.Push) (int, error)
	CardWatches(ctx context.Context) ([]card.Watch, error)
	EndWatch(ctx context.Context, userID int64, no string, push store.Push) (int, error)
	DropWatch(ctx context.Context, userID int64, no string) error
}

// Checker checks the opt-in card alerts (low balance, expiring in 30
// days, application ready) and queues them through the outbox. It runs
// after each import (provider sqlite) and on every sync (provider http).
// Outbox keys make a repeated check send nothing twice: a low-balance alert
// is keyed by the data time, expiry by the valid-until date, ready by the
// application.
type Checker struct {
	Store    Store
	Provider card.Provider
	Location *time.Location
	Timeout  time.Duration // per provider call
	Log      *slog.Logger  // nil: slog.Default()
}

// Check runs every alert rule once at now and returns how many pushes it
// queued. A card the provider cannot give now is skipped (and retried at
// the next check); the first such error is returned after the rest ran.
func (a *Checker) Check(ctx context.Context, now time.Time) (int, error) {
	links, err := a.Store.AlertLinks(ctx)
	if err != nil {
		return 0, err
	}
	queued := 0
	var firstErr error
	for _, l := range links {
		n, err := a.CheckLink(ctx, l, now)
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

// CheckLink runs the rules for one linked card at now and returns how many
// pushes it queued (the card feature calls it when an alert is switched on).
func (a *Checker) CheckLink(ctx context.Context, l card.Link, now time.Time) (int, error) {
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
	masked := privacy.MaskCard(l.Number)
	var pushes []store.Push
	if due.Low {
		pushes = append(pushes, linkPush(l, "low:"+strconv.FormatInt(c.UpdatedAt.Unix(), 10), store.MsgCardLow,
			store.CardLowArgs{Card: masked, Balance: c.Balance, Threshold: l.Prefs.Threshold}))
	}
	if due.Expiry {
		pushes = append(pushes, linkPush(l, "exp:"+c.ValidUntil.Format(time.DateOnly), store.MsgCardExpiry,
			store.CardExpiryArgs{Card: masked, ValidUntil: c.ValidUntil, Days: daysLeft(c.ValidUntil, now.In(a.Location))}))
	}
	if len(pushes) == 0 && due.LowSet == l.Prefs.LowSent {
		return 0, nil
	}
	return a.Store.CardAlertSent(ctx, l.ID, due.LowSet, pushes)
}

// daysLeft is how many days from today (in city time) a card is valid
// until: the expiry alert says it, so "valid until 15.12.2026" needs no
// calendar.
func daysLeft(until, today time.Time) int {
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	return int(until.Sub(day).Hours() / 24)
}

// linkPush is an alert about a linked card; its key names the link and
// what the alert is about, so each goes once.
func linkPush(l card.Link, what, message string, args any) store.Push {
	return store.Push{Kind: "card", Key: "link:" + strconv.FormatInt(l.ID, 10) + ":" + what, ChatID: l.ChatID,
		Message: message, Args: args}
}

func (a *Checker) checkWatch(ctx context.Context, w card.Watch) (int, error) {
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
	switch {
	case app.Status == card.AppIssued:
		return 0, a.Store.DropWatch(ctx, w.UserID, w.No) // picked up meanwhile: nothing left to tell
	case app.Status == card.AppRejected:
		// It will never be ready; the resident waiting for it hears why.
		return a.Store.EndWatch(ctx, w.UserID, w.No, watchPush(w, "rejected", store.MsgCardRejected,
			store.CardApplicationArgs{No: w.No, Reason: app.Reason}))
	case card.ReadyDue(app):
		return a.Store.EndWatch(ctx, w.UserID, w.No, watchPush(w, "ready", store.MsgCardReady,
			store.CardApplicationArgs{No: w.No, Point: app.PickupPoint}))
	}
	return 0, nil
}

// watchPush is the last message about a watched application; its key
// names the outcome, so each goes once.
func watchPush(w card.Watch, outcome, message string, args store.CardApplicationArgs) store.Push {
	return store.Push{Kind: "card", Key: outcome + ":" + w.No, ChatID: w.ChatID, Message: message, Args: args}
}

// Run checks alerts every interval until ctx ends: the provider sync of
// the http provider, whose data changes without an import.
func (a *Checker) Run(ctx context.Context, interval time.Duration, now func() time.Time) {
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

func (a *Checker) logger() *slog.Logger {
	if a.Log != nil {
		return a.Log
	}
	return slog.Default()
}
