package handlers

import (
	"context"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/transparentcities/nazar/forms"
	"github.com/transparentcities/nazar/locales"
)

// skipText is what a user may type to skip an optional step (the Skip
// button does the same; a phone step has a reply keyboard instead).
const skipText = "-"

// ask renders the question of a step with what answering it needs: option
// buttons, slot buttons and the opening hours, the contact button, Skip.
func (f *Forms) ask(req *Request, form *forms.Form, step *forms.Step) Reply {
	lang := req.L.Lang
	n := 1
	for i, s := range form.Steps {
		if s == step {
			n = i + 1
		}
	}
	text := req.L.T("forms_step", map[string]any{"N": n, "Of": len(form.Steps), "Question": step.Question.In(lang)})
	switch step.Type {
	case forms.TypeDateTime:
		text += "\n" + req.L.T("forms_datetime_example", map[string]any{"Example": f.example(req, step)}) +
			"\n\n" + req.L.T("forms_hours") + "\n" + f.hoursText(req.L, step)
	case forms.TypePhone:
		if step.Optional {
			text += "\n" + req.L.T("forms_optional_hint")
		}
		return Reply{Text: text, Keyboard: [][]KeyButton{{{Text: req.L.T("forms_share_phone"), RequestContact: true}}}}
	}
	return Reply{Text: text, Buttons: f.stepRows(req, form, step)}
}

// stepRows are the inline buttons that answer a step: its options or free
// slots, and Skip for an optional step. A refused answer gets them again,
// so that Skip is never lost to a typo.
func (f *Forms) stepRows(req *Request, form *forms.Form, step *forms.Step) [][]Button {
	var rows [][]Button
	switch step.Type {
	case forms.TypeChoice:
		for _, o := range step.Options {
			rows = append(rows, []Button{{Text: o.Label.In(req.L.Lang),
				Data: formNS.Data(formChoice, form.ID, step.ID, o.ID)}})
		}
	case forms.TypeDateTime:
		rows = f.slotRows(req, form, step)
	case forms.TypePhone:
		return nil // the contact keyboard stays from the question
	}
	if step.Optional {
		rows = append(rows, []Button{formNS.Button(req.L, "forms_skip", formSkip, form.ID, step.ID)})
	}
	return rows
}

// slotRows offers the next free slots, two to a row.
func (f *Forms) slotRows(req *Request, form *forms.Form, step *forms.Step) [][]Button {
	var rows [][]Button
	for i, t := range step.Slots(req.Now, f.Location, slotButtons) {
		if i%2 == 0 {
			rows = append(rows, nil)
		}
		b := Button{Text: req.L.DateTime(t), Data: formNS.Data(formSlot, form.ID, step.ID,
			strconv.FormatInt(t.Unix(), 10))}
		rows[len(rows)-1] = append(rows[len(rows)-1], b)
	}
	return rows
}

// example is a date and time to type that the step takes right now: its
// first bookable slot, written as typed (a fixed date in the form's text
// would go stale); with no slot open, the format itself.
func (f *Forms) example(req *Request, step *forms.Step) string {
	if step.Type != forms.TypeDateTime {
		return ""
	}
	if slots := step.Slots(req.Now, f.Location, 1); len(slots) > 0 {
		return slots[0].Format("02.01.2006 15:04")
	}
	return req.L.T("forms_datetime_format")
}

// hoursText lists the opening hours Monday first, one day a line.
func (f *Forms) hoursText(l *locales.Localizer, step *forms.Step) string {
	var lines []string
	monday := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC) // any Monday: only its weekday is used
	for i := range 7 {
		day := monday.AddDate(0, 0, i)
		if hours := step.OpenHours(day.Weekday()); len(hours) > 0 {
			lines = append(lines, l.Weekday(day)+": "+strings.Join(hours, ", "))
		}
	}
	return strings.Join(lines, "\n")
}

// Step takes what the user sent at the current step of a form.
func (f *Forms) Step(_ context.Context, req *Request) (Response, error) {
	form, step, ok := f.current(req)
	if !ok {
		return WithMenu(req.L, req.L.T("forms_gone")), nil
	}
	if step == nil { // at the confirmation: it needs a button
		return Response{Next: req.Conv, Replies: []Reply{f.summary(req, form, req.Conv.Data)}}, nil
	}
	if step.Optional && req.Text == skipText && req.Photo == "" && !req.Forwarded {
		return f.advance(req, form, step, forms.Answer{}, nil), nil
	}
	in := forms.Input{Text: req.Text, Contact: req.Contact, Forwarded: req.Forwarded, Origin: req.ForwardOrigin,
		Photo: req.Photo}
	ans, problem := step.Check(in, req.Now, f.Location)
	if problem != nil {
		return Response{Next: req.Conv, Replies: []Reply{{Text: f.problemText(req, step, problem),
			Buttons: f.stepRows(req, form, step)}}}, nil
	}
	return f.advance(req, form, step, ans, nil), nil
}

// problemText renders why an answer was refused, in the user's language.
func (f *Forms) problemText(req *Request, step *forms.Step, p *forms.Problem) string {
	if len(p.Custom) > 0 {
		return p.Custom.In(req.L.Lang)
	}
	data := map[string]any{"When": "", "Day": "", "Hours": f.hoursText(req.L, step), "Example": f.example(req, step)}
	maps.Copy(data, p.Data)
	if !p.At.IsZero() {
		data["When"], data["Day"] = req.L.DateTime(p.At.In(f.Location)), req.L.Date(p.At.In(f.Location))
	}
	return req.L.T(p.ID, data)
}

// stepButton takes an option, a slot or Skip pressed under a question; a
// button of a question already answered is turned away politely.
func (f *Forms) stepButton(req *Request) (Response, error) {
	d := req.Callback.Data
	form, step, ok := f.current(req)
	if !ok || step == nil || form.ID != d.Arg(0) || step.ID != d.Arg(1) {
		return Response{Answer: req.L.T("forms_stale")}, nil
	}
	var ans forms.Answer
	switch formNS.Action(d) {
	case formChoice:
		if !hasOption(step, d.Arg(2)) {
			return Response{Answer: req.L.T("forms_stale")}, nil
		}
		ans.Value = d.Arg(2)
	case formSlot:
		sec, err := strconv.ParseInt(d.Arg(2), 10, 64)
		if err != nil || step.Type != forms.TypeDateTime {
			return Response{Answer: req.L.T("forms_stale")}, nil
		}
		var problem *forms.Problem
		// A slot offered a while ago may have become too soon since.
		if ans, problem = step.CheckSlot(time.Unix(sec, 0), req.Now, f.Location); problem != nil {
			return Response{Answer: f.problemText(req, step, problem), ShowAlert: true}, nil
		}
	case formSkip:
		if !step.Optional {
			return Response{Answer: req.L.T("forms_stale")}, nil
		}
	}
	answered := &Reply{Edit: true, Text: step.Question.In(req.L.Lang) + "\n\n✔ " + f.display(req.L, step, ans.Value)}
	return f.advance(req, form, step, ans, answered), nil
}

func hasOption(step *forms.Step, id string) bool {
	for _, o := range step.Options {
		if o.ID == id {
			return true
		}
	}
	return false
}

// advance keeps an answer and asks the next question, or shows the summary
// after the last one. answered, when set, rewrites the pressed question.
func (f *Forms) advance(req *Request, form *forms.Form, step *forms.Step, ans forms.Answer, answered *Reply) Response {
	data := maps.Clone(req.Conv.Data)
	data[step.ID] = ans.Value
	delete(data, step.ID+".origin")
	if ans.Origin != "" {
		data[step.ID+".origin"] = ans.Origin
	}
	var replies []Reply
	if answered != nil {
		replies = append(replies, *answered)
	}
	if step.Type == forms.TypePhone {
		// The contact button replaced the menu keyboard: bring the menu back.
		replies = append(replies, Reply{Text: req.L.T("forms_saved"), Menu: req.L})
	}
	next := form.After(step.ID)
	if next == nil {
		return Response{Replies: append(replies, f.summary(req, form, data)), Next: Step(convForm, stepConfirm, data)}
	}
	return Response{Replies: append(replies, f.ask(req, form, next)), Next: Step(convForm, next.ID, data)}
}

// display renders a kept value for people: an option's label, a slot in
// the user's format, a note for a photo, "—" for a skipped step.
func (f *Forms) display(l *locales.Localizer, step *forms.Step, value string) string {
	if value == "" {
		return "—"
	}
	switch step.Type {
	case forms.TypeChoice:
		for _, o := range step.Options {
			if o.ID == value {
				return o.Label.In(l.Lang)
			}
		}
	case forms.TypeDateTime:
		if t, err := time.Parse(time.RFC3339, value); err == nil {
			return l.DateTime(t.In(f.Location))
		}
	case forms.TypePhoto:
		return l.T("forms_photo_attached")
	}
	return value
}
