package forms

import (
	"context"
	"strings"
	"time"

	"github.com/transparentcities/nazar/forms"
	"github.com/transparentcities/nazar/handlers"
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
func (f *Forms) summary(req *handlers.Request, form *forms.Form, data map[string]string) handlers.Reply {
	text := req.L.T("forms_summary", map[string]any{"Title": form.Title.In(req.L.Lang)}) + "\n" +
		f.answerLines(req.L, form, data, false)
	return handlers.Reply{Text: text, Buttons: [][]handlers.Button{
		{FormNS.Button(req.L, "forms_send", formSend, form.ID)},
		{FormNS.Button(req.L, "forms_restart", formRestart, form.ID),
			FormNS.Button(req.L, "forms_cancel", formCancel, form.ID)},
	}}
}

// confirmButton sends, restarts or cancels a filled-in form.
func (f *Forms) confirmButton(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	form, step, ok := f.current(req)
	if !ok || step != nil || form.ID != req.Callback.Data.Arg(0) {
		return handlers.Response{Answer: req.L.T("forms_stale")}, nil
	}
	summary := f.summary(req, form, req.Conv.Data)
	summary.Buttons, summary.Edit = nil, true
	switch FormNS.Action(req.Callback.Data) {
	case formRestart:
		first := form.Steps[0]
		return handlers.Response{Next: handlers.Step(convForm, first.ID, map[string]string{keyForm: form.ID}),
			Replies: []handlers.Reply{summary, f.ask(req, form, first)}}, nil
	case formCancel:
		summary.Text += "\n\n" + req.L.T("forms_cancelled")
		return handlers.Response{EndConv: true, Replies: []handlers.Reply{summary,
			{Text: req.L.T("menu_title"), Menu: req.L}}}, nil
	}
	return f.submit(ctx, req, form, summary)
}

// submit stores the form and queues its pushes in one transaction.
func (f *Forms) submit(ctx context.Context, req *handlers.Request, form *forms.Form, summary handlers.Reply) (handlers.Response, error) {
	answers := map[string]string{}
	for k, v := range req.Conv.Data {
		if k != keyForm {
			answers[k] = v
		}
	}
	in := forms.NewSubmission{UserID: req.UserID, ChatID: req.ChatID, Form: form.ID, Answers: answers,
		OperatorsChat: form.OperatorsChat}
	if rs := form.ReminderStep(); rs != nil {
		in.SlotAt, _ = time.Parse(time.RFC3339, answers[rs.ID])
	}
	in.SentAt = req.Now
	sub, err := f.Store.SubmitForm(ctx, in, f.MaxPerDay, quotaWindow, f.submissionPushes(form, in, req.FirstName, req.L))
	if err != nil {
		return f.quotaResponse(req, err)
	}
	summary.Text += "\n\n" + req.L.T("forms_sent")
	text := form.Confirmation.In(req.L.Lang) + "\n\n" + req.L.T("forms_number", map[string]any{"ID": sub.ID})
	if at, ok := f.reminderAt(form, sub); ok {
		text += "\n" + req.L.T("forms_reminder_set", map[string]any{"When": req.L.DateTime(at.In(f.Location))})
	}
	return handlers.Response{EndConv: true, Replies: []handlers.Reply{summary, {Text: text, Menu: req.L}}}, nil
}

// submissionPushes are the operators' message (with its "mark handled"
// button) and, for a booked slot, the user's reminder before it. They are
// rendered before the submission has its number: store.SubmissionNo stands
// for it, and the store writes the number in when it allocates it.
func (f *Forms) submissionPushes(form *forms.Form, in forms.NewSubmission, firstName string,
	user *locales.Localizer) []store.Push {
	ol := locales.New(f.OperatorLanguage)
	// As stored: the store keeps whole seconds.
	sub := forms.Submission{NewSubmission: in, FirstName: firstName, CreatedAt: in.SentAt.Truncate(time.Second)}
	no := store.SubmissionNo
	pushes := []store.Push{{Kind: "form", Key: no, ChatID: sub.OperatorsChat, Text: f.operatorTextNo(ol, form, sub, no),
		Buttons: [][]store.PushButton{{{Text: ol.T("forms_op_mark_handled"), Data: FormNS.Data(formHandled, no)}}}}}
	if at, ok := f.reminderAt(form, sub); ok {
		text := user.T("forms_reminder", map[string]any{"Title": form.Title.In(user.Lang), "ID": no,
			"When": user.DateTime(sub.SlotAt.In(f.Location))})
		pushes = append(pushes, store.Push{Kind: "form", Key: no + ":reminder", ChatID: sub.ChatID, Text: text,
			NotBefore: at})
	}
	return pushes
}

// reminderAt is when to remind the user of their slot; no reminder when
// that moment has already passed (the slot is sooner than reminder_before).
func (f *Forms) reminderAt(form *forms.Form, sub forms.Submission) (time.Time, bool) {
	rs := form.ReminderStep()
	if rs == nil || sub.SlotAt.IsZero() {
		return time.Time{}, false
	}
	at := sub.SlotAt.Add(-rs.ReminderBefore)
	return at, at.After(sub.CreatedAt)
}
