package handlers

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/voucher"
)

// maxVoucherComment bounds an admin's comment to the applicant.
const maxVoucherComment = 500

// AdminButtons are the vouchers' row in the admin panel.
func (v *Voucher) AdminButtons(req *Request) [][]Button {
	return [][]Button{{vcaNS.Button(req.L, "voucher_admin_button", vcaNew)}}
}

// AdminButton handles "vca|…": start a status change, pick the status.
func (v *Voucher) AdminButton(ctx context.Context, req *Request) (Response, error) {
	action := vcaNS.Action(req.Callback.Data)
	if !req.Admin {
		return v.Admin.Refuse(ctx, req, "voucher."+string(action))
	}
	switch action {
	case vcaNew:
		return Response{Next: Step(convVoucherAdmin, "no", nil), Replies: []Reply{{Text: req.L.T("voucher_admin_ask_no")}}}, nil
	case vcaSetStatus:
		return v.adminStatusChosen(req), nil
	}
	return Response{Answer: StaleButton(req.L)}, nil
}

// AdminStep takes the application number, then the comment.
func (v *Voucher) AdminStep(ctx context.Context, req *Request) (Response, error) {
	if !req.Admin {
		return v.Admin.Refuse(ctx, req, "voucher.step")
	}
	switch req.Conv.Step {
	case "no":
		return v.adminApplication(ctx, req)
	case "status":
		return Response{Next: req.Conv, Replies: []Reply{{Text: req.L.T("voucher_admin_press_status")}}}, nil
	case "comment":
		return v.adminApply(ctx, req)
	}
	return WithMenu(req.L, req.L.T("conv_expired")), nil
}

// adminApplication shows the application (tax id masked) and the statuses
// it may move to.
func (v *Voucher) adminApplication(ctx context.Context, req *Request) (Response, error) {
	no, ok := voucher.NormalizeNumber(req.Text)
	if !ok {
		return Response{Next: req.Conv, Replies: []Reply{{Text: req.L.T("voucher_status_bad_no")}}}, nil
	}
	app, found, err := v.Store.VoucherByNumber(ctx, no)
	if err != nil {
		return Response{}, err
	}
	if !found {
		return Response{Next: req.Conv, Replies: []Reply{{Text: req.L.T("voucher_admin_not_found", map[string]any{"No": no})}}}, nil
	}
	next := voucher.Next(app.Status)
	if len(next) == 0 {
		return WithMenu(req.L, req.L.T("voucher_admin_final", map[string]any{"No": no,
			"Status": req.L.T(voucherStatusIDs[app.Status])})), nil
	}
	var row []Button
	for _, s := range next {
		row = append(row, vcaNS.Button(req.L, voucherStatusIDs[s], vcaSetStatus, s))
	}
	text := req.L.T("voucher_admin_app", map[string]any{"No": app.No, "Name": app.Name,
		"Applicant": req.L.T(applicantIDs[app.Applicant]), "TaxID": app.TaxIDMasked,
		"Expenses": req.L.Money(app.Expenses), "Status": req.L.T(voucherStatusIDs[app.Status])})
	return Response{Next: Step(convVoucherAdmin, "status", map[string]string{"no": no}),
		Replies: []Reply{{Text: text, Buttons: [][]Button{row}}}}, nil
}

func (v *Voucher) adminStatusChosen(req *Request) Response {
	status := req.Callback.Data.Arg(0)
	if req.Conv == nil || req.Conv.Feature != convVoucherAdmin || req.Conv.Step != "status" || !voucher.ValidStatus(status) {
		return Response{Answer: req.L.T("voucher_gone"), ShowAlert: true}
	}
	data := map[string]string{"no": req.Conv.Data["no"], "status": status}
	return Response{Next: Step(convVoucherAdmin, "comment", data), Replies: []Reply{{Edit: true,
		Text: req.L.T("voucher_admin_ask_comment", map[string]any{"Status": req.L.T(voucherStatusIDs[status])})}}}
}

// adminApply changes the status: application, history, audit entry and the
// subscribers' pushes in one transaction. Approving an application without
// an approved amount approves what the calculator gives.
func (v *Voucher) adminApply(ctx context.Context, req *Request) (Response, error) {
	comment := strings.TrimSpace(req.Text)
	if comment == "-" {
		comment = ""
	}
	if utf8.RuneCountInString(comment) > maxVoucherComment {
		return Response{Next: req.Conv, Replies: []Reply{{Text: req.L.T("voucher_admin_long_comment",
			map[string]any{"Max": maxVoucherComment})}}}, nil
	}
	no, status := req.Conv.Data["no"], req.Conv.Data["status"]
	app, found, err := v.Store.VoucherByNumber(ctx, no)
	if err != nil || !found {
		return WithMenu(req.L, req.L.T("voucher_admin_not_found", map[string]any{"No": no})), err
	}
	var approved int64
	if (status == voucher.Approved || status == voucher.Paid) && app.Approved == 0 {
		if res, err := voucher.Calculate(v.Rules, app.Applicant, app.Expenses); err == nil {
			approved = res.Voucher
		}
	}
	local := req.Now.In(v.Location)
	day := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)
	_, pushed, err := v.Store.SetVoucherStatus(ctx, req.UserID, no, status, comment, approved, day, VoucherPushText)
	switch {
	case errors.Is(err, store.ErrVoucherStatusSame):
		return WithMenu(req.L, req.L.T("voucher_admin_same")), nil
	case err != nil:
		return Response{}, err
	}
	v.logger().Info("voucher status changed", "admin_id", req.UserID, "application", no, "status", status,
		"tax_id", app.TaxIDMasked, "pushes", pushed)
	return WithMenu(req.L, req.L.N("voucher_admin_done", pushed, map[string]any{"No": no,
		"Status": req.L.T(voucherStatusIDs[status])})), nil
}
