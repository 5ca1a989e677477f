package handlers

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/transparentcities/nazar/forms"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// answerLines lists a form's answers as "Label: value" lines, with the
// origin of a forwarded post under it.
func (f *Forms) answerLines(l *locales.Localizer, form *forms.Form, answers map[string]string, operators bool) string {
	var b strings.Builder
	for _, step := range form.Steps {
		value := f.display(l, step, answers[step.ID])
		if operators && step.Type == forms.TypePhoto && answers[step.ID] != "" {
			value = l.T("forms_op_photo", map[string]any{"FileID": answers[step.ID]})
		}
		b.WriteString("\n" + step.Label.In(l.Lang) + ": " + value)
		if origin := answers[step.ID+".origin"]; origin != "" {
			b.WriteString("\n  " + l.T("forms_forwarded_from", map[string]any{"Origin": origin}))
		}
	}
	return b.String()
}

// summary shows everything the user entered with the confirm buttons.
func (f *Forms) summary(req *Request, form *forms.Form, data map[string]string) Reply {
	text := req.L.T("forms_summary", map[string]any{"Title": form.Title.In(req.L.Lang)}) + "\n" +
		f.answerLines(req.L, form, data, false)
	return Reply{Text: text, Buttons: [][]Button{
		{formNS.Button(req.L, "forms_send", formSend, form.ID)},
		{formNS.Button(req.L, "forms_restart", formRestart, form.ID),
			formNS.Button(req.L, "forms_cancel", formCancel, form.ID)},
	}}
}

// confirmButton sends, restarts or cancels a filled-in form.
func (f *Forms) confirmButton(ctx context.Context, req *Request) (Response, error) {
	form, step, ok := f.current(req)
	if !ok || step != nil || form.ID != req.Callback.Data.Arg(0) {
		return Response{Answer: req.L.T("forms_stale")}, nil
	}
	summary := f.summary(req, form, req.Conv.Data)
	summary.Buttons, summary.Edit = nil, true
	switch formNS.Action(req.Callback.Data) {
	case formRestart:
		first := form.Steps[0]
		return Response{Next: Step(convForm, first.ID, map[string]string{keyForm: form.ID}),
			Replies: []Reply{summary, f.ask(req, form, first)}}, nil
	case formCancel:
		summary.Text += "\n\n" + req.L.T("forms_cancelled")
		return Response{EndConv: true, Replies: []Reply{summary,
			{Text: req.L.T("menu_title"), Menu: req.L}}}, nil
	}
	return f.submit(ctx, req, form, summary)
}

// submit stores the form and queues its pushes in one transaction.
func (f *Forms) submit(ctx context.Context, req *Request, form *forms.Form, summary Reply) (Response, error) {
	answers := map[string]string{}
	for k, v := range req.Conv.Data {
		if k != keyForm {
			answers[k] = v
		}
	}
	in := store.NewSubmission{UserID: req.UserID, ChatID: req.ChatID, Form: form.ID, Answers: answers,
		OperatorsChat: form.OperatorsChat}
	if rs := form.ReminderStep(); rs != nil {
		in.SlotAt, _ = time.Parse(time.RFC3339, answers[rs.ID])
	}
	sub, err := f.Store.SubmitForm(ctx, in, f.MaxPerDay, quotaWindow, func(sub store.Submission) []store.Push {
		return f.submissionPushes(form, sub, req.L)
	})
	if err != nil {
		return f.quotaResponse(req, err)
	}
	summary.Text += "\n\n" + req.L.T("forms_sent")
	text := form.Confirmation.In(req.L.Lang) + "\n\n" + req.L.T("forms_number", map[string]any{"ID": sub.ID})
	if at, ok := f.reminderAt(form, sub); ok {
		text += "\n" + req.L.T("forms_reminder_set", map[string]any{"When": req.L.DateTime(at.In(f.Location))})
	}
	return Response{EndConv: true, Replies: []Reply{summary, {Text: text, Menu: req.L}}}, nil
}

// submissionPushes are the operators' message (with its "mark handled"
// button) and, for a booked slot, the user's reminder before it.
func (f *Forms) submissionPushes(form *forms.Form, sub store.Submission, user *locales.Localizer) []store.Push {
	ol := locales.New(f.OperatorLanguage)
	id := strconv.FormatInt(sub.ID, 10)
	pushes := []store.Push{{Kind: "form", Key: id, ChatID: sub.OperatorsChat, Text: f.operatorText(ol, form, sub),
		Buttons: [][]store.PushButton{{{Text: ol.T("forms_op_mark_handled"), Data: formNS.Data(formHandled, id)}}}}}
	if at, ok := f.reminderAt(form, sub); ok {
		text := user.T("forms_reminder", map[string]any{"Title": form.Title.In(user.Lang), "ID": sub.ID,
			"When": user.DateTime(sub.SlotAt.In(f.Location))})
		pushes = append(pushes, store.Push{Kind: "form", Key: id + ":reminder", ChatID: sub.ChatID, Text: text,
			NotBefore: at})
	}
	return pushes
}

// reminderAt is when to remind the user of their slot; no reminder when
// that moment has already passed (the slot is sooner than reminder_before).
func (f *Forms) reminderAt(form *forms.Form, sub store.Submission) (time.Time, bool) {
	rs := form.ReminderStep()
	if rs == nil || sub.SlotAt.IsZero() {
		return time.Time{}, false
	}
	at := sub.SlotAt.Add(-rs.ReminderBefore)
	return at, at.After(sub.CreatedAt)
}
