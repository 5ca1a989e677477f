package forms

import (
	"context"
	"errors"
	"time"

	"github.com/transparentcities/nazar/forms"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/store"
)

// FormsStore is what the city-service forms need from the store.
type FormsStore interface {
	FormQuota(ctx context.Context, userID int64, form string, limit int, window time.Duration) error
	SubmitForm(ctx context.Context, in forms.NewSubmission, limit int, window time.Duration,
		pushes []store.Push) (forms.Submission, error)
	Submission(ctx context.Context, id int64) (forms.Submission, error)
	MarkSubmissionHandled(ctx context.Context, id, adminID int64, pushes []store.Push) (forms.Submission, bool, error)
	UnhandledSubmissions(ctx context.Context, limit int) ([]forms.PendingSubmission, int, int, error)
	ResendSubmissions(ctx context.Context) (int, error)
	Audit(ctx context.Context, adminID int64, action, detail string) error
}

// Forms serves the Services menu (SPEC §11): the city's forms, run as
// persisted conversations from their YAML definitions, and the static info
// pages. A confirmed form is stored and sent to its operators' chat through
// the outbox; an admin there marks it handled and the user is told.
type Forms struct {
	Store   FormsStore
	Catalog *forms.Catalog
	// MaxPerDay is how many submissions one user may send with one form
	// within quotaWindow.
	MaxPerDay int
	Location  *time.Location // the city's, for slots and dates
	// OperatorLanguage is the language of the operators' messages (a group
	// has no language of its own): the configured default language.
	OperatorLanguage string
	// More adds rows to the Services menu after the forms, one function per
	// feature that lives there (the courses' «🎓 Навчання»).
	More []func(req *handlers.Request) [][]handlers.Button
}

const (
	convForm    = "form" // the conversation feature and the callback feature
	stepConfirm = "confirm"
	keyForm     = "form" // conversation data key of the form id
	quotaWindow = 24 * time.Hour
	slotButtons = 6
)

// Services lists the forms and info pages. "/services threat" (or the deep
// link "/start form_threat") opens a form directly.
func (f *Forms) Services(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if form, ok := f.Catalog.Form(req.Text); ok {
		return f.start(ctx, req, form)
	}
	return handlers.Response{Replies: []handlers.Reply{f.servicesList(req)}}, nil
}

func (f *Forms) servicesList(req *handlers.Request) handlers.Reply {
	lang := req.L.Lang
	var rows [][]handlers.Button
	for _, form := range f.Catalog.Forms {
		rows = append(rows, []handlers.Button{{Text: form.Title.In(lang), Data: FormNS.Data(FormStart, form.ID)}})
	}
	for _, more := range f.More {
		rows = append(rows, more(req)...)
	}
	for _, p := range f.Catalog.Pages {
		rows = append(rows, []handlers.Button{{Text: p.Title.In(lang), Data: FormNS.Data(FormPage, p.ID)}})
	}
	text := req.L.T("forms_services_title")
	if len(rows) == 0 {
		text = req.L.T("forms_services_empty")
	}
	return handlers.Reply{Text: text, Buttons: rows}
}

// Button handles every "form" button: the Services menu, the steps of a
// form, its confirmation, and the operators' and admins' buttons.
func (f *Forms) Button(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	d := req.Callback.Data
	switch FormNS.Action(d) {
	case formList:
		list := f.servicesList(req)
		list.Edit = true
		return handlers.Response{Replies: []handlers.Reply{list}}, nil
	case FormPage:
		return f.page(req, d.Arg(0)), nil
	case FormStart:
		if form, ok := f.Catalog.Form(d.Arg(0)); ok {
			return f.start(ctx, req, form)
		}
	case formChoice, formSkip, formSlot:
		return f.stepButton(req)
	case formSend, formRestart, formCancel:
		return f.confirmButton(ctx, req)
	case formHandled:
		return f.markHandled(ctx, req)
	case formAdmin, formResend:
		return f.adminButton(ctx, req)
	}
	return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
}

// page shows an info page in place of the Services list, with its links
// and a way back.
func (f *Forms) page(req *handlers.Request, id string) handlers.Response {
	p, ok := f.Catalog.Page(id)
	if !ok {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}
	}
	lang := req.L.Lang
	var rows [][]handlers.Button
	for _, l := range p.Links {
		rows = append(rows, []handlers.Button{{Text: l.Title.In(lang), URL: l.URL}})
	}
	rows = append(rows, []handlers.Button{FormNS.Button(req.L, "forms_back", formList)})
	return handlers.Response{Replies: []handlers.Reply{{Text: p.Title.In(lang) + "\n\n" + p.Text.In(lang), Buttons: rows, Edit: true}}}
}

// start opens a form at its first step, unless the user has used up the
// form's daily quota: better said now than after they filled it in.
func (f *Forms) start(ctx context.Context, req *handlers.Request, form *forms.Form) (handlers.Response, error) {
	if err := f.Store.FormQuota(ctx, req.UserID, form.ID, f.MaxPerDay, quotaWindow); err != nil {
		return f.quotaResponse(req, err)
	}
	lang := req.L.Lang
	var replies []handlers.Reply
	intro := req.L.T("forms_start", map[string]any{"Title": form.Title.In(lang)})
	if text := form.Intro.In(lang); text != "" {
		intro += "\n\n" + text
	}
	replies = append(replies, handlers.Reply{Text: intro + "\n\n" + req.L.T("forms_cancel_hint")})
	first := form.Steps[0]
	replies = append(replies, f.ask(req, form, first))
	return handlers.Response{Replies: replies, Next: handlers.Step(convForm, first.ID, map[string]string{keyForm: form.ID})}, nil
}

// quotaResponse tells a user over the limit when they may send again.
func (f *Forms) quotaResponse(req *handlers.Request, err error) (handlers.Response, error) {
	var q *store.QuotaError
	if !errors.As(err, &q) {
		return handlers.Response{}, err
	}
	text := req.L.N("forms_quota", q.Limit, map[string]any{"When": req.L.DateTime(q.RetryAt.In(f.Location))})
	return handlers.Response{EndConv: true, Replies: []handlers.Reply{{Text: text, Menu: req.L}}}, nil
}

// current resolves the form and step of the conversation in progress.
func (f *Forms) current(req *handlers.Request) (*forms.Form, *forms.Step, bool) {
	if req.Conv == nil || req.Conv.Feature != convForm {
		return nil, nil, false
	}
	form, ok := f.Catalog.Form(req.Conv.Data[keyForm])
	if !ok {
		return nil, nil, false
	}
	if req.Conv.Step == stepConfirm {
		return form, nil, true
	}
	step, ok := form.Step(req.Conv.Step)
	return form, step, ok
}
