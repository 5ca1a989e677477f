package forms

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/transparentcities/nazar/forms"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// pendingShown is how many unhandled submissions the admin list shows.
const pendingShown = 20

// operatorText is the operators' message about a submission; it is
// rendered again, with the handled line, when an operator marks it.
func (f *Forms) operatorText(l *locales.Localizer, form *forms.Form, sub forms.Submission) string {
	return f.operatorTextNo(l, form, sub, sub.ID)
}

// operatorTextNo is operatorText showing no as the submission's number (a
// new submission's has none yet: store.SubmissionNo stands for it).
func (f *Forms) operatorTextNo(l *locales.Localizer, form *forms.Form, sub forms.Submission, no any) string {
	text := l.T("forms_op_new", map[string]any{"ID": no, "Title": form.Title.In(l.Lang), "Name": sub.FirstName,
		"UserID": sub.UserID, "At": l.DateTime(sub.CreatedAt.In(f.Location))}) + "\n" +
		f.answerLines(l, form, sub.Answers, true)
	if sub.Handled() {
		text += "\n\n" + l.T("forms_op_handled", map[string]any{"At": l.DateTime(sub.HandledAt.In(f.Location)),
			"Admin": sub.HandledBy})
	}
	return text
}

// markHandled is an operator's press of "mark handled": only an admin (per
// the admins setting) in the submission's operators' chat may do it. The
// submission is marked and audited, the user is told through the outbox,
// and the operators' message shows who handled it and when.
func (f *Forms) markHandled(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	arg := req.Callback.Data.Arg(0)
	if !req.Admin {
		if err := f.Store.Audit(ctx, req.UserID, "refused:form.handled", arg); err != nil {
			return handlers.Response{}, err
		}
		return handlers.Response{Answer: req.L.T("admin_refused"), ShowAlert: true}, nil
	}
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	ol := locales.New(f.OperatorLanguage)
	sub, err := f.Store.Submission(ctx, id)
	if errors.Is(err, store.ErrNoSubmission) {
		return handlers.Response{Answer: ol.T("forms_op_gone"), Replies: []handlers.Reply{{Edit: true,
			Text: ol.T("forms_op_gone_text", map[string]any{"ID": id})}}}, nil
	}
	if err != nil {
		return handlers.Response{}, err
	}
	form, ok := f.Catalog.Form(sub.Form)
	if !ok || sub.OperatorsChat != req.ChatID {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	ul := locales.New(sub.Language)
	told := []store.Push{{Kind: "form", Key: arg + ":handled", ChatID: sub.ChatID,
		Text: ul.T("forms_user_handled", map[string]any{"ID": sub.ID, "Title": form.Title.In(ul.Lang)})}}
	sub, changed, err := f.Store.MarkSubmissionHandled(ctx, id, req.UserID, told)
	if err != nil {
		return handlers.Response{}, err
	}
	answer := ol.T("forms_op_marked")
	if !changed {
		answer = ol.T("forms_op_already")
	}
	return handlers.Response{Answer: answer, Replies: []handlers.Reply{{Edit: true, Text: f.operatorText(ol, form, sub)}}}, nil
}

// AdminButtons is the forms' row in the admin panel: the unhandled
// submissions, counted. The panel's row functions get no context, so the
// count has its own short deadline; without it the button has no number.
func (f *Forms) AdminButtons(req *handlers.Request) [][]handlers.Button {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	label := req.L.T("forms_admin_list")
	if _, total, undelivered, err := f.Store.UnhandledSubmissions(ctx, 0); err == nil {
		label = req.L.T("forms_admin_button", map[string]any{"Total": total, "Undelivered": undelivered})
	}
	return [][]handlers.Button{{{Text: label, Data: FormNS.Data(formAdmin)}}}
}

// adminButton lists unhandled submissions with their delivery to the
// operators, and queues the undelivered ones again.
func (f *Forms) adminButton(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	action := FormNS.Action(req.Callback.Data)
	if !req.Admin {
		if err := f.Store.Audit(ctx, req.UserID, "refused:form."+string(action), ""); err != nil {
			return handlers.Response{}, err
		}
		return handlers.Response{Answer: req.L.T("admin_refused"), ShowAlert: true}, nil
	}
	if action == formResend {
		n, err := f.Store.ResendSubmissions(ctx)
		if err != nil {
			return handlers.Response{}, err
		}
		if err := f.Store.Audit(ctx, req.UserID, "form.resend", strconv.Itoa(n)); err != nil {
			return handlers.Response{}, err
		}
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.N("forms_admin_resent", n, nil)}}}, nil
	}
	list, total, undelivered, err := f.Store.UnhandledSubmissions(ctx, pendingShown)
	if err != nil {
		return handlers.Response{}, err
	}
	if err := f.Store.Audit(ctx, req.UserID, "form.list", ""); err != nil {
		return handlers.Response{}, err
	}
	var b strings.Builder
	b.WriteString(req.L.T("forms_admin_title", map[string]any{"Total": total, "Undelivered": undelivered}))
	for _, p := range list {
		fmt.Fprintf(&b, "\n#%d · %s · %s · %s", p.ID, p.Form, req.L.DateTime(p.CreatedAt.In(f.Location)),
			deliveryText(req.L, p))
	}
	reply := handlers.Reply{Text: b.String()}
	if undelivered > 0 {
		reply.Buttons = [][]handlers.Button{{FormNS.Button(req.L, "forms_admin_resend", formResend)}}
	}
	return handlers.Response{Replies: []handlers.Reply{reply}}, nil
}

// deliveryIDs name the outbox statuses for admins.
var deliveryIDs = map[string]string{
	"queued": locales.ID("forms_delivery_queued"), "sending": locales.ID("forms_delivery_queued"),
	"sent": locales.ID("forms_delivery_sent"), "failed": locales.ID("forms_delivery_failed"),
	"inactive": locales.ID("forms_delivery_failed"), "cancelled": locales.ID("forms_delivery_failed"),
	"": locales.ID("forms_delivery_failed"),
}

func deliveryText(l *locales.Localizer, p forms.PendingSubmission) string {
	id, ok := deliveryIDs[p.Delivery]
	if !ok {
		id = deliveryIDs["failed"]
	}
	text := l.T(id)
	if p.Error != "" && p.Delivery != "sent" {
		text += " (" + p.Error + ")"
	}
	return text
}
