package forms

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/forms"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// formsStub answers FormQuota; any other store call panics on the nil
// embedded interface, failing a test that was not meant to reach the store.
type formsStub struct{ FormsStore }

func (s formsStub) FormQuota(context.Context, int64, string, int, time.Duration) error { return nil }

func newForms(t *testing.T) *Forms {
	c, err := forms.Load("")
	require.NoError(t, err)
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	require.NoError(t, err)
	return &Forms{Store: formsStub{}, Catalog: c, MaxPerDay: 5, Location: kyiv, OperatorLanguage: "uk"}
}

// Saturday 28 Nov 2026, 12:00 Kyiv.
var formsNow = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

func press(conv *handlers.Conv, action string, args ...string) *handlers.Request {
	return &handlers.Request{ChatID: 1, UserID: 1, L: locales.New("en"), Now: formsNow, Conv: conv,
		Callback: &handlers.Callback{ID: "q", MessageID: 3, Data: callback.Data{Feature: "form", Action: action, Args: args}}}
}

func TestFormButtonsOfClosedQuestionsAreTurnedAway(t *testing.T) {
	f := newForms(t)
	atStage := handlers.Step(convForm, "stage", map[string]string{keyForm: "incubator"})
	atSlot := handlers.Step(convForm, "slot", map[string]string{keyForm: "interpreter"})
	tests := []struct {
		name   string
		req    *handlers.Request
		answer string
	}{
		{"no conversation", press(nil, "ch", "incubator", "stage", "idea"), "This question is already closed."},
		{"another step", press(atStage, "ch", "incubator", "name", "idea"), "This question is already closed."},
		{"unknown option", press(atStage, "ch", "incubator", "stage", "moon"), "This question is already closed."},
		{"skip of a required step", press(atStage, "sk", "incubator", "stage"), "This question is already closed."},
		{"confirm before the end", press(atStage, "ok", "incubator"), "This question is already closed."},
		{"a slot gone by", press(atSlot, "at", "interpreter", "slot", "1764489600"), // 28 Nov 10:00 Kyiv
			// now + min_lead is Saturday 14:00, after the centre closed at 13:00;
			// Sunday is closed: the earliest slot is Monday's first (issue 19).
			"Too soon: the earliest you can book is 30 Nov 2026, 09:00."},
		{"unknown action", press(atStage, "zz"), "This button is out of date. Open the menu again: /menu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := f.Button(t.Context(), tt.req)
			require.NoError(t, err)
			assert.Equal(t, tt.answer, resp.Answer)
			assert.Nil(t, resp.Next, "the conversation stays as it was")
			assert.Empty(t, resp.Replies)
		})
	}
}

func TestFormStepAdvancesOrExplains(t *testing.T) {
	f := newForms(t)
	req := &handlers.Request{ChatID: 1, UserID: 1, L: locales.New("en"), Now: formsNow, Text: "Al",
		Conv: handlers.Step(convForm, "name", map[string]string{keyForm: "incubator"})}
	resp, err := f.Step(t.Context(), req)
	require.NoError(t, err)
	assert.Equal(t, req.Conv, resp.Next, "a refused answer keeps the step")
	assert.Equal(t, "Too short: at least 3 characters, please. Try again.", resp.Replies[0].Text)

	req.Text = "Ann Smith"
	resp, err = f.Step(t.Context(), req)
	require.NoError(t, err)
	require.NotNil(t, resp.Next)
	assert.Equal(t, "phone", resp.Next.Step)
	assert.Equal(t, "Ann Smith", resp.Next.Data["name"])
	assert.Empty(t, req.Conv.Data["name"], "the request's data is not changed in place")
	require.Len(t, resp.Replies, 1)
	assert.True(t, resp.Replies[0].Keyboard[0][0].RequestContact)

	req.Conv = handlers.Step(convForm, "name", map[string]string{keyForm: "removed"})
	resp, err = f.Step(t.Context(), req)
	require.NoError(t, err)
	assert.Nil(t, resp.Next, "a form no longer configured ends the conversation")
	assert.Contains(t, resp.Replies[0].Text, "no longer available")
}

func TestReminderOnlyWhenItIsStillAhead(t *testing.T) {
	f := newForms(t)
	form, _ := f.Catalog.Form("interpreter")
	slot := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	sub := forms.Submission{CreatedAt: formsNow}
	sub.SlotAt = slot
	at, ok := f.reminderAt(form, sub)
	assert.True(t, ok)
	assert.Equal(t, slot.Add(-time.Hour), at)
	sub.CreatedAt = slot.Add(-30 * time.Minute)
	_, ok = f.reminderAt(form, sub)
	assert.False(t, ok, "a slot sooner than reminder_before gets no reminder")
}

func TestSummaryStartOverAndCancel(t *testing.T) {
	f := newForms(t)
	atConfirm := handlers.Step(convForm, stepConfirm, map[string]string{keyForm: "threat", "post": "https://t.me/x/1",
		"about": "a long enough description", "shot": ""})
	resp, err := f.Button(t.Context(), press(atConfirm, "re", "threat"))
	require.NoError(t, err)
	require.NotNil(t, resp.Next)
	assert.Equal(t, "post", resp.Next.Step)
	assert.Equal(t, map[string]string{keyForm: "threat"}, resp.Next.Data, "the answers are dropped")
	require.Len(t, resp.Replies, 2)
	assert.True(t, resp.Replies[0].Edit)
	assert.Empty(t, resp.Replies[0].Buttons, "the old summary loses its buttons")
	assert.Contains(t, resp.Replies[1].Text, "(1/3)")

	resp, err = f.Button(t.Context(), press(atConfirm, "no", "threat"))
	require.NoError(t, err)
	assert.True(t, resp.EndConv)
	assert.Contains(t, resp.Replies[0].Text, "Cancelled: nothing was sent.")
	assert.Contains(t, resp.Replies[0].Text, "Screenshot: —", "the summary stays readable")
}
