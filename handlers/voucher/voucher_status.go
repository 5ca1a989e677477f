package voucher

import (
	"context"
	"errors"
	"strings"

	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/privacy"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/taxid"
	"github.com/transparentcities/nazar/voucher"
)

// askStatus starts the status check, unless the user is locked out.
func (v *Voucher) askStatus(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if locked, resp, err := v.statusLock().Check(ctx, req, ""); locked || err != nil {
		return resp, err
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("voucher_status_ask_no")}}, Next: handlers.Step(ConvVoucher, "no", nil)}, nil
}

// statusLock guards the status check: application numbers are sequential
// and EDRPOU codes public, and a match shows amounts and comments and
// subscribes the user to the application's pushes.
func (v *Voucher) statusLock() handlers.LookupLock {
	return handlers.LookupLock{Store: v.Store, Scope: store.LookupVoucher, Locked: locales.ID("voucher_status_locked"),
		Location: v.Location}
}

// statusNumber takes the application number and asks for the applicant's
// tax id, whose length says who applied (see statusTax).
func (v *Voucher) statusNumber(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	no, ok := voucher.NormalizeNumber(req.Text)
	if !ok {
		return handlers.Response{Next: handlers.Step(ConvVoucher, "no", nil), Replies: []handlers.Reply{{Text: req.L.T("voucher_status_bad_no")}}}, nil
	}
	if locked, resp, err := v.statusLock().Check(ctx, req, no); locked || err != nil {
		return resp, err
	}
	return handlers.Response{Next: handlers.Step(ConvVoucher, "tax", map[string]string{"no": no}), Replies: []handlers.Reply{{
		Text: req.L.T("voucher_status_ask_tax", map[string]any{"No": no})}}}, nil
}

// statusType is a press of an applicant-type button on a message from
// before the type was inferred: the flow goes on to the tax id.
func (v *Voucher) statusType(req *handlers.Request) handlers.Response {
	if req.Conv == nil || req.Conv.Feature != ConvVoucher || req.Conv.Step != "type" {
		return handlers.Response{Answer: req.L.T("voucher_gone"), ShowAlert: true}
	}
	no := req.Conv.Data["no"]
	return handlers.Response{Next: handlers.Step(ConvVoucher, "tax", map[string]string{"no": no}), Replies: []handlers.Reply{{
		Text: req.L.T("voucher_status_ask_tax", map[string]any{"No": no}), Edit: true}}}
}

// taxErrorIDs say what is wrong with a typed tax id.
var taxErrorIDs = map[error]string{
	taxid.ErrNotDigits: locales.ID("voucher_tax_not_digits"),
	taxid.ErrLength:    locales.ID("voucher_tax_length"),
	taxid.ErrChecksum:  locales.ID("voucher_tax_invalid"),
}

// statusTax checks the tax id, infers who applied from it (8 digits: an
// EDRPOU, a legal entity; 10: an RNOKPP, a sole proprietor), looks the
// application up by number and tax id together, subscribes the user and
// shows the status. An unknown number, a tax id of someone else and a tax
// id of the other kind all get the same answer, and count as one failure
// toward the lock.
func (v *Voucher) statusTax(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	no := req.Conv.Data["no"]
	id := taxid.Normalize(req.Text)
	kind, err := taxid.Check(id)
	if err != nil {
		for e, msg := range taxErrorIDs {
			if errors.Is(err, e) {
				return handlers.Response{Next: handlers.Step(ConvVoucher, "tax", map[string]string{"no": no}), Replies: []handlers.Reply{{
					Text: req.L.T(msg, map[string]any{"Masked": privacy.MaskTaxID(id)})}}}, nil
			}
		}
		return handlers.Response{}, err
	}
	t := voucher.ApplicantOf(kind)
	// Checked again: other tries, here or in another chat, may have been made meanwhile.
	if locked, resp, err := v.statusLock().Check(ctx, req, no); locked || err != nil {
		return resp, err
	}
	app, found, err := v.Store.VoucherApplication(ctx, no, id)
	if err != nil {
		return handlers.Response{}, err
	}
	found = found && app.Applicant == t
	v.logger().Info("voucher status checked", "user_id", req.UserID, "application", no,
		"tax_id", privacy.MaskTaxID(id), "found", found)
	if !found {
		locked, resp, left, err := v.statusLock().Fail(ctx, req, no, no)
		if locked || err != nil {
			return resp, err
		}
		return handlers.WithMenu(req.L, req.L.T("voucher_status_not_found", map[string]any{"No": no})+"\n"+
			req.L.N("lookup_tries_left", left, nil)), nil
	}
	if err := v.Store.SubscribeVoucher(ctx, req.UserID, req.ChatID, no); err != nil {
		return handlers.Response{}, err
	}
	history, err := v.Store.VoucherHistory(ctx, no)
	if err != nil {
		return handlers.Response{}, err
	}
	text := voucherStatusText(req.L, app, history) + "\n\n" + req.L.T("voucher_subscribed")
	return handlers.Response{Replies: []handlers.Reply{{Text: text, Buttons: [][]handlers.Button{{VcNS.Button(req.L, "voucher_btn_unsubscribe", vcUnsubscribe, no)}}}}}, nil
}

// voucherStatusText shows an application to its applicant: the tax id
// masked, the timeline, the approved amount and the comment.
func voucherStatusText(l *locales.Localizer, a voucher.Application, history []voucher.StatusChange) string {
	var b strings.Builder
	b.WriteString(l.T("voucher_app_head", map[string]any{"No": a.No, "Name": a.Name,
		"Applicant": l.T(applicantIDs[a.Applicant]), "TaxID": a.TaxIDMasked,
		"Category": voucherCategoryLabel(l, a.Category), "Expenses": l.Money(a.Expenses),
		"Status": l.T(handlers.VoucherStatusIDs[a.Status])}))
	changes := make([]voucher.Change, len(history))
	for i, h := range history {
		changes[i] = voucher.Change{Status: h.Status, Date: dateOrEmpty(l, h)}
	}
	for _, s := range voucher.Timeline(a.Status, changes) {
		id := locales.ID("voucher_stage_todo")
		switch {
		case s.Dated:
			id = locales.ID("voucher_stage_dated")
		case s.Done:
			id = locales.ID("voucher_stage_done")
		}
		b.WriteString("\n" + l.T(id, map[string]any{"Status": l.T(handlers.VoucherStatusIDs[s.Status]), "Date": s.Date}))
	}
	if a.Approved > 0 && a.Status != voucher.Rejected {
		b.WriteString("\n" + l.T("voucher_app_approved", map[string]any{"Amount": l.Money(a.Approved)}))
	}
	if a.Comment != "" {
		b.WriteString("\n" + l.T("voucher_app_comment", map[string]any{"Comment": a.Comment}))
	}
	return b.String()
}

func dateOrEmpty(l *locales.Localizer, c voucher.StatusChange) string {
	if c.Date.IsZero() {
		return ""
	}
	return l.Date(c.Date)
}

// voucherCategoryLabel names a category; a code the programme no longer
// lists (an old application) is shown as it is.
func voucherCategoryLabel(l *locales.Localizer, code string) string {
	if code == "" || !locales.IDs(l.Lang)[voucherCategoryID(code)] {
		return code
	}
	return l.T(voucherCategoryID(code))
}

// unsubscribe stops the pushes about one application of the user's.
func (v *Voucher) unsubscribe(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	no := req.Callback.Data.Arg(0)
	if _, err := v.Store.UnsubscribeVoucher(ctx, req.UserID, no); err != nil {
		return handlers.Response{}, err
	}
	return handlers.Response{Answer: req.L.T("voucher_unsubscribed", map[string]any{"No": no}), ShowAlert: true}, nil
}
