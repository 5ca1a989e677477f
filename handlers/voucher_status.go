package handlers

import (
	"context"
	"errors"
	"strings"

	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/privacy"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/taxid"
	"github.com/transparentcities/nazar/voucher"
)

// askStatus starts the status check, unless the user is locked out.
func (v *Voucher) askStatus(ctx context.Context, req *Request) (Response, error) {
	if locked, resp, err := v.statusLock().check(ctx, req, ""); locked || err != nil {
		return resp, err
	}
	return Response{Replies: []Reply{{Text: req.L.T("voucher_status_ask_no")}}, Next: Step(convVoucher, "no", nil)}, nil
}

// statusLock guards the status check: application numbers are sequential
// and EDRPOU codes public, and a match shows amounts and comments and
// subscribes the user to the application's pushes.
func (v *Voucher) statusLock() lookupLock {
	return lookupLock{Store: v.Store, Scope: store.LookupVoucher, Locked: locales.ID("voucher_status_locked"),
		Location: v.Location}
}

// statusNumber takes the application number and asks for the applicant's
// tax id, whose length says who applied (see statusTax).
func (v *Voucher) statusNumber(ctx context.Context, req *Request) (Response, error) {
	no, ok := voucher.NormalizeNumber(req.Text)
	if !ok {
		return Response{Next: Step(convVoucher, "no", nil), Replies: []Reply{{Text: req.L.T("voucher_status_bad_no")}}}, nil
	}
	if locked, resp, err := v.statusLock().check(ctx, req, no); locked || err != nil {
		return resp, err
	}
	return Response{Next: Step(convVoucher, "tax", map[string]string{"no": no}), Replies: []Reply{{
		Text: req.L.T("voucher_status_ask_tax", map[string]any{"No": no})}}}, nil
}

// statusType is a press of an applicant-type button on a message from
// before the type was inferred: the flow goes on to the tax id.
func (v *Voucher) statusType(req *Request) Response {
	if req.Conv == nil || req.Conv.Feature != convVoucher || req.Conv.Step != "type" {
		return Response{Answer: req.L.T("voucher_gone"), ShowAlert: true}
	}
	no := req.Conv.Data["no"]
	return Response{Next: Step(convVoucher, "tax", map[string]string{"no": no}), Replies: []Reply{{
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
func (v *Voucher) statusTax(ctx context.Context, req *Request) (Response, error) {
	no := req.Conv.Data["no"]
	id := taxid.Normalize(req.Text)
	kind, err := taxid.Check(id)
	if err != nil {
		for e, msg := range taxErrorIDs {
			if errors.Is(err, e) {
				return Response{Next: Step(convVoucher, "tax", map[string]string{"no": no}), Replies: []Reply{{
					Text: req.L.T(msg, map[string]any{"Masked": privacy.MaskTaxID(id)})}}}, nil
			}
		}
		return Response{}, err
	}
	t := voucher.ApplicantOf(kind)
	// Checked again: other tries, here or in another chat, may have been made meanwhile.
	if locked, resp, err := v.statusLock().check(ctx, req, no); locked || err != nil {
		return resp, err
	}
	app, found, err := v.Store.VoucherApplication(ctx, no, id)
	if err != nil {
		return Response{}, err
	}
	found = found && app.Applicant == t
	v.logger().Info("voucher status checked", "user_id", req.UserID, "application", no,
		"tax_id", privacy.MaskTaxID(id), "found", found)
	if !found {
		locked, resp, left, err := v.statusLock().fail(ctx, req, no, no)
		if locked || err != nil {
			return resp, err
		}
		return WithMenu(req.L, req.L.T("voucher_status_not_found", map[string]any{"No": no})+"\n"+
			req.L.N("lookup_tries_left", left, nil)), nil
	}
	if err := v.Store.SubscribeVoucher(ctx, req.UserID, req.ChatID, no); err != nil {
		return Response{}, err
	}
	history, err := v.Store.VoucherHistory(ctx, no)
	if err != nil {
		return Response{}, err
	}
	text := voucherStatusText(req.L, app, history) + "\n\n" + req.L.T("voucher_subscribed")
	return Response{Replies: []Reply{{Text: text, Buttons: [][]Button{{vcNS.Button(req.L, "voucher_btn_unsubscribe", vcUnsubscribe, no)}}}}}, nil
}

// voucherStatusIDs name the statuses.
var voucherStatusIDs = map[string]string{
	voucher.Submitted:   locales.ID("voucher_status_submitted"),
	voucher.UnderReview: locales.ID("voucher_status_under_review"),
	voucher.Approved:    locales.ID("voucher_status_approved"),
	voucher.Rejected:    locales.ID("voucher_status_rejected"),
	voucher.Paid:        locales.ID("voucher_status_paid"),
}

// voucherStatusText shows an application to its applicant: the tax id
// masked, the timeline, the approved amount and the comment.
func voucherStatusText(l *locales.Localizer, a store.VoucherApplication, history []store.VoucherChange) string {
	var b strings.Builder
	b.WriteString(l.T("voucher_app_head", map[string]any{"No": a.No, "Name": a.Name,
		"Applicant": l.T(applicantIDs[a.Applicant]), "TaxID": a.TaxIDMasked,
		"Category": voucherCategoryLabel(l, a.Category), "Expenses": l.Money(a.Expenses),
		"Status": l.T(voucherStatusIDs[a.Status])}))
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
		b.WriteString("\n" + l.T(id, map[string]any{"Status": l.T(voucherStatusIDs[s.Status]), "Date": s.Date}))
	}
	if a.Approved > 0 && a.Status != voucher.Rejected {
		b.WriteString("\n" + l.T("voucher_app_approved", map[string]any{"Amount": l.Money(a.Approved)}))
	}
	if a.Comment != "" {
		b.WriteString("\n" + l.T("voucher_app_comment", map[string]any{"Comment": a.Comment}))
	}
	return b.String()
}

func dateOrEmpty(l *locales.Localizer, c store.VoucherChange) string {
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
func (v *Voucher) unsubscribe(ctx context.Context, req *Request) (Response, error) {
	no := req.Callback.Data.Arg(0)
	if _, err := v.Store.UnsubscribeVoucher(ctx, req.UserID, no); err != nil {
		return Response{}, err
	}
	return Response{Answer: req.L.T("voucher_unsubscribed", map[string]any{"No": no}), ShowAlert: true}, nil
}
