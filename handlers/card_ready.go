package handlers

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// appNoRe is what an application number may look like.
var appNoRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9/-]{2,31}$`)

// askApp starts "is my card ready?", unless the user is locked out.
func (c *Card) askApp(ctx context.Context, req *Request) (Response, error) {
	if locked, resp, err := c.appLock().check(ctx, req, ""); locked || err != nil {
		return resp, err
	}
	return Response{Replies: []Reply{{Text: req.L.T("card_ask_app")}}, Next: Step(convCard, "app", nil)}, nil
}

// appLock guards "is my card ready?": the application number and date of
// birth reveal the status, the pickup point and a rejection's reason.
func (c *Card) appLock() lookupLock {
	return lookupLock{Store: c.Store, Scope: store.LookupCardApp, Locked: locales.ID("card_app_locked"), Location: c.Location}
}

// appNumber takes the application number and asks for the date of birth,
// unless the user or the application is locked.
func (c *Card) appNumber(ctx context.Context, req *Request) (Response, error) {
	no := strings.ToUpper(strings.TrimSpace(req.Text))
	if !appNoRe.MatchString(no) {
		return Response{Replies: []Reply{{Text: req.L.T("card_bad_app")}}, Next: req.Conv}, nil
	}
	if locked, resp, err := c.appLock().check(ctx, req, no); locked || err != nil {
		return resp, err
	}
	return Response{Replies: []Reply{{Text: req.L.T("card_ask_app_dob")}},
		Next: Step(convCard, "appdob", map[string]string{"no": no})}, nil
}

// appStatus checks the application with the date of birth and shows its
// status; before ready it offers to tell the user when the card is ready.
// An unknown number and a wrong date are one failure, answered alike.
func (c *Card) appStatus(ctx context.Context, req *Request) (Response, error) {
	birth, bad := c.birthDate(req)
	if bad != nil {
		return *bad, nil
	}
	no := req.Conv.Data["no"]
	// Checked again: other tries, here or in another chat, may have been made meanwhile.
	if locked, resp, err := c.appLock().check(ctx, req, no); locked || err != nil {
		return resp, err
	}
	var app card.Application
	err := c.call(ctx, "application", "", func(ctx context.Context) (err error) {
		app, err = c.Provider.Application(ctx, no, birth)
		return err
	})
	switch {
	case errors.Is(err, card.ErrNotFound) || errors.Is(err, card.ErrMismatch):
		return c.appFailed(ctx, req, no)
	case err != nil:
		return c.unavailable(req.L), nil
	}
	back := []Button{cardNS.Button(req.L, "card_btn_back", cardMenu)}
	resp := Response{Replies: []Reply{{Text: c.appText(req.L, app), Buttons: [][]Button{back}}}}
	if app.Status == card.AppSubmitted || app.Status == card.AppInProduction {
		resp.Replies[0].Buttons = [][]Button{{cardNS.Button(req.L, "card_btn_watch", cardWatch)}, back}
		resp.Next = Step(convCard, "watch", map[string]string{"no": no, "birth": birth.Format(time.DateOnly)})
	}
	return resp, nil
}

// appFailed counts a failed check toward the lock and says so.
func (c *Card) appFailed(ctx context.Context, req *Request, no string) (Response, error) {
	c.logger().Info("card application check failed", "user", req.UserID, "application", no)
	locked, resp, left, err := c.appLock().fail(ctx, req, no, no)
	if locked || err != nil {
		return resp, err
	}
	return WithMenu(req.L, req.L.T("card_app_not_found")+"\n"+req.L.N("lookup_tries_left", left, nil)), nil
}

func (c *Card) appText(l *locales.Localizer, a card.Application) string {
	text := l.T("card_app_status", map[string]any{"No": a.No, "Status": l.T(appStatusIDs[a.Status]),
		"Date": l.Date(a.StatusDate)})
	switch {
	case a.Status == card.AppReady && a.PickupPoint != "":
		text += "\n" + l.T("card_app_ready_at", map[string]any{"Point": c.pointName(l.Lang, a.PickupPoint)})
	case a.Status == card.AppRejected && a.Reason != "":
		text += "\n" + l.T("card_app_reason", map[string]any{"Reason": a.Reason})
	}
	return text
}

var appStatusIDs = map[string]string{
	card.AppSubmitted:    locales.ID("card_app_status_submitted"),
	card.AppInProduction: locales.ID("card_app_status_in_production"),
	card.AppReady:        locales.ID("card_app_status_ready"),
	card.AppIssued:       locales.ID("card_app_status_issued"),
	card.AppRejected:     locales.ID("card_app_status_rejected"),
}

// watch is the "tell me when ready" button: the application and date come
// from the conversation, so no date of birth travels in button data.
func (c *Card) watch(ctx context.Context, req *Request) (Response, error) {
	if req.Conv == nil || req.Conv.Feature != convCard || req.Conv.Step != "watch" {
		return Response{Answer: req.L.T("card_watch_gone"), ShowAlert: true}, nil
	}
	birth, err := time.Parse(time.DateOnly, req.Conv.Data["birth"])
	if err != nil {
		return Response{Answer: req.L.T("card_watch_gone"), ShowAlert: true}, nil
	}
	if err := c.Store.WatchApplication(ctx, req.UserID, req.ChatID, req.Conv.Data["no"], birth); err != nil {
		return Response{}, err
	}
	return Response{EndConv: true, Replies: []Reply{{Text: req.L.T("card_watch_on"), Menu: req.L}}}, nil
}

// birthDate parses the date of birth the user typed; bad is the reply
// naming what is wrong (the conversation stays at its step).
func (c *Card) birthDate(req *Request) (time.Time, *Response) {
	birth, err := card.ParseBirthDate(req.Text, req.Now.In(c.Location))
	if err == nil {
		return birth, nil
	}
	id := locales.ID("card_bad_date_format")
	switch {
	case errors.Is(err, card.ErrDateBad):
		id = locales.ID("card_bad_date")
	case errors.Is(err, card.ErrDateFuture):
		id = locales.ID("card_bad_date_future")
	case errors.Is(err, card.ErrDateOld):
		id = locales.ID("card_bad_date_old")
	}
	return time.Time{}, &Response{Replies: []Reply{{Text: req.L.T(id)}}, Next: req.Conv}
}
