package card

import (
	"context"
	"strconv"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/csvin"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/privacy"
)

// maxThreshold is the largest low-balance threshold, in kopiykas.
const maxThreshold = 100000 * 100

// alertsButton shows and toggles a link's alerts ("al", "alt" with l or e)
// and asks for a new threshold ("thr").
func (c *Card) alertsButton(ctx context.Context, req *handlers.Request, action cardAction, id int64, which string) (handlers.Response, error) {
	l, gone, err := c.link(ctx, req, id)
	if err != nil || gone != nil {
		return deref(gone), err
	}
	p := l.Prefs
	switch action {
	case cardThreshold:
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("card_ask_threshold")}},
			Next: handlers.Step(ConvCard, "thr", map[string]string{"link": handlers.Itoa(id)})}, nil
	case cardAlertToggle:
		switch which {
		case "l":
			p.LowBalance = !p.LowBalance
		case "e":
			p.Expiry = !p.Expiry
		default:
			return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
		}
		if err := c.Store.SetCardAlerts(ctx, req.UserID, id, p); err != nil {
			return handlers.Response{}, err
		}
		if p.LowBalance && !l.Prefs.LowBalance || p.Expiry && !l.Prefs.Expiry {
			l.Prefs = p
			c.checkNow(ctx, l, req)
		}
	}
	return handlers.Edit(c.alertsPage(req, id, l.Number, p)), nil
}

func (c *Card) alertsPage(req *handlers.Request, id int64, number string, p card.Prefs) handlers.Reply {
	l := req.L
	mark := func(on bool) string {
		if on {
			return l.T("card_on")
		}
		return l.T("card_off")
	}
	state := func(on bool) map[string]any {
		if on {
			return map[string]any{"State": l.T("card_state_on")}
		}
		return map[string]any{"State": l.T("card_state_off")}
	}
	text := l.T("card_alerts_title", map[string]any{"Card": privacy.MaskCard(number), "Low": mark(p.LowBalance),
		"Threshold": l.Money(p.Threshold), "Expiry": mark(p.Expiry)})
	low := CardNS.TextButton(l.T("card_btn_alert_low", state(p.LowBalance)), cardAlertToggle, handlers.Itoa(id), "l")
	exp := CardNS.TextButton(l.T("card_btn_alert_expiry", state(p.Expiry)), cardAlertToggle, handlers.Itoa(id), "e")
	return handlers.Reply{Text: text, Buttons: [][]handlers.Button{{low}, {exp},
		{cardButton(l, "card_btn_threshold", cardThreshold, id), cardButton(l, "card_btn_balance", cardBalance, id)}}}
}

// threshold takes the typed amount and switches the low-balance alert on.
func (c *Card) threshold(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	id, _ := parseID(req.Conv.Data["link"])
	l, found, err := c.Store.CardLink(ctx, req.UserID, id)
	if err != nil || !found {
		return handlers.WithMenu(req.L, req.L.T("card_gone")), err
	}
	kop, err := csvin.ParseKopiykas(req.Text)
	if err != nil || kop < 0 || kop > maxThreshold {
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("card_bad_threshold")}}, Next: req.Conv}, nil
	}
	p := l.Prefs
	p.Threshold, p.LowBalance = kop, true
	if err := c.Store.SetCardAlerts(ctx, req.UserID, id, p); err != nil {
		return handlers.Response{}, err
	}
	l.Prefs = p
	c.checkNow(ctx, l, req)
	done := handlers.Reply{Text: req.L.T("card_threshold_set", map[string]any{"Threshold": req.L.Money(kop)})}
	page := c.alertsPage(req, id, l.Number, p)
	return handlers.Response{Replies: []handlers.Reply{done, page}}, nil
}

// checkNow runs the alert rules for a link whose alert was just switched
// on, so a balance already under the threshold or a card already within
// its expiry notice is told now (through the outbox, keyed as the import's
// check keys it, so nothing comes twice), not at the next import. A card
// the provider cannot give now is left to that next check.
func (c *Card) checkNow(ctx context.Context, l card.Link, req *handlers.Request) {
	if c.Alerts == nil {
		return
	}
	if _, err := c.Alerts.CheckLink(ctx, l, req.Now); err != nil {
		c.logger().Warn("card alerts: checked at switch-on failed", "err", privacy.Scrub(err.Error()))
	}
}

func parseID(s string) (int64, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}
