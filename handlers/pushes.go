package handlers

import (
	"encoding/json"
	"fmt"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/voucher"
)

// Pushes renders the pushes queued as data (store.PushMessages) when the
// sender sends them, in the recipient's language of that moment: a
// resident who switched to English after subscribing reads English. The
// producers (the importer, the store's import transactions, the card alert
// check) only store a message id and its arguments.
type Pushes struct {
	// Content names the card pick-up points; nil shows a point by its code.
	Content *card.Content
}

// pushRenderers holds one renderer per message of store.PushMessages.
var pushRenderers = map[string]func(p *Pushes, l *locales.Localizer, args []byte) (string, error){
	store.MsgVoucherStatus: renderArgs(func(_ *Pushes, l *locales.Localizer, c voucher.StatusChange) string {
		return voucherPushText(l, c)
	}),
	store.MsgCouncilFollow: renderArgs(func(_ *Pushes, l *locales.Localizer, n council.News) string {
		return l.N("council_follow_push", n.Votes, map[string]any{"Name": n.Deputy, "Date": l.Date(n.Last.Time()),
			"UID": n.DeputyUID})
	}),
	store.MsgCardLow: renderArgs(func(_ *Pushes, l *locales.Localizer, a store.CardLowArgs) string {
		return l.T("card_low_push", map[string]any{"Card": a.Card, "Balance": l.Money(a.Balance),
			"Threshold": l.Money(a.Threshold)})
	}),
	store.MsgCardExpiry: renderArgs(func(_ *Pushes, l *locales.Localizer, a store.CardExpiryArgs) string {
		data := map[string]any{"Card": a.Card, "Date": l.Date(a.ValidUntil)}
		if a.Days <= 0 {
			return l.T("card_expiry_push_today", data)
		}
		return l.N("card_expiry_push", a.Days, data)
	}),
	store.MsgCardRejected: renderArgs(func(_ *Pushes, l *locales.Localizer, a store.CardApplicationArgs) string {
		text := l.T("card_rejected_push", map[string]any{"No": a.No})
		if a.Reason != "" {
			text += "\n" + l.T("card_app_reason", map[string]any{"Reason": a.Reason})
		}
		return text
	}),
	store.MsgCardReady: renderArgs(func(p *Pushes, l *locales.Localizer, a store.CardApplicationArgs) string {
		point := a.Point
		if pt, ok := p.point(a.Point); ok {
			point = pt.Name.In(l.Lang) + ", " + pt.Address.In(l.Lang)
		}
		return l.T("card_ready_push", map[string]any{"No": a.No, "Point": point})
	}),
}

// renderArgs decodes a message's JSON arguments into their type for render.
func renderArgs[A any](render func(p *Pushes, l *locales.Localizer, args A) string) func(*Pushes, *locales.Localizer, []byte) (string, error) {
	return func(p *Pushes, l *locales.Localizer, raw []byte) (string, error) {
		var args A
		if err := json.Unmarshal(raw, &args); err != nil {
			return "", err
		}
		return render(p, l, args), nil
	}
}

// Render is the text of a message in lang (a supported language).
func (p *Pushes) Render(lang, message string, args []byte) (string, error) {
	render, ok := pushRenderers[message]
	if !ok {
		return "", fmt.Errorf("push message %q: no renderer", message)
	}
	text, err := render(p, locales.New(lang), args)
	if err != nil {
		return "", fmt.Errorf("push message %q: %w", message, err)
	}
	return text, nil
}

func (p *Pushes) point(id string) (*card.Point, bool) {
	if p == nil || p.Content == nil {
		return nil, false
	}
	return p.Content.Point(id)
}

// voucherPushText tells a subscriber that their application's status
// changed. It names the application only by number: no tax id, no
// applicant name.
func voucherPushText(l *locales.Localizer, c voucher.StatusChange) string {
	text := l.T("voucher_push", map[string]any{"No": c.No, "Status": l.T(VoucherStatusIDs[c.Status])})
	if !c.Date.IsZero() {
		text += " (" + l.Date(c.Date) + ")"
	}
	if c.Approved > 0 && voucher.CarriesAmount(c.Status) {
		text += "\n" + l.T("voucher_app_approved", map[string]any{"Amount": l.Money(c.Approved)})
	}
	if c.Comment != "" {
		text += "\n" + l.T("voucher_app_comment", map[string]any{"Comment": c.Comment})
	}
	return text + "\n" + l.T("voucher_push_more", map[string]any{"No": c.No})
}

// VoucherStatusIDs name the statuses (the pushes above and the voucher
// section, handlers/voucher).
var VoucherStatusIDs = map[string]string{
	voucher.Submitted:   locales.ID("voucher_status_submitted"),
	voucher.UnderReview: locales.ID("voucher_status_under_review"),
	voucher.Approved:    locales.ID("voucher_status_approved"),
	voucher.Rejected:    locales.ID("voucher_status_rejected"),
	voucher.Paid:        locales.ID("voucher_status_paid"),
}
