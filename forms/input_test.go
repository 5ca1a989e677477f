package forms

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var kyiv = mustLoc("Europe/Kyiv")

func mustLoc(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// now is Saturday 28 Nov 2026, 12:00 in Kyiv.
var now = time.Date(2026, 11, 28, 12, 0, 0, 0, kyiv)

func step(t *testing.T, form, id string) *Step {
	t.Helper()
	c, err := Load("")
	require.NoError(t, err)
	f, ok := c.Form(form)
	require.True(t, ok)
	s, ok := f.Step(id)
	require.True(t, ok)
	return s
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name, form, step string
		in               Input
		want             Answer
		problem          string
	}{
		{"text ok", "incubator", "name", Input{Text: "  Оксана Петренко "}, Answer{Value: "Оксана Петренко"}, ""},
		{"text too short", "incubator", "name", Input{Text: "Ок"}, Answer{}, "forms_err_too_short"},
		{"text too long", "incubator", "name", Input{Text: strings.Repeat("я", 101)}, Answer{}, "forms_err_too_long"},
		{"text empty (a sticker)", "incubator", "name", Input{}, Answer{}, "forms_err_need_text"},
		{"choice by label", "incubator", "stage", Input{Text: "🛠 prototype"}, Answer{Value: "prototype"}, ""},
		{"choice unknown", "incubator", "stage", Input{Text: "maybe"}, Answer{}, "forms_err_choice"},
		{"phone shared", "incubator", "phone", Input{Contact: "380671234567"}, Answer{Value: "+380671234567"}, ""},
		{"phone typed local", "incubator", "phone", Input{Text: "067 123-45-67"}, Answer{Value: "+380671234567"}, ""},
		{"phone garbage", "incubator", "phone", Input{Text: "call me"}, Answer{}, "forms_err_phone"},
		{"url bare", "incubator", "site", Input{Text: "nove-misto.example.org/x"},
			Answer{Value: "https://nove-misto.example.org/x"}, ""},
		{"url bad", "incubator", "site", Input{Text: "not a link"}, Answer{}, "forms_err_url"},
		{"photo", "threat", "shot", Input{Photo: "AgAD123"}, Answer{Value: "AgAD123"}, ""},
		{"photo missing", "threat", "shot", Input{Text: "here"}, Answer{}, "forms_err_photo"},
		{"forwarded post", "threat", "post", Input{Text: "Фейк!", Forwarded: true, Origin: "channel @fake"},
			Answer{Value: "Фейк!", Origin: "channel @fake"}, ""},
		{"link", "threat", "post", Input{Text: "see https://t.me/fake/5"}, Answer{Value: "see https://t.me/fake/5"}, ""},
		{"neither", "threat", "post", Input{Text: "there was a post"}, Answer{}, "forms_err_forward"},
		{"slot typed", "interpreter", "slot", Input{Text: "30.11.2026, 10:30"},
			Answer{Value: "2026-11-30T10:30:00+02:00"}, ""},
		{"slot bad format", "interpreter", "slot", Input{Text: "tomorrow"}, Answer{}, "forms_err_datetime"},
		{"slot too soon", "interpreter", "slot", Input{Text: "28.11.2026 12:30"}, Answer{}, "forms_err_slot_too_soon"},
		{"slot on sunday", "interpreter", "slot", Input{Text: "29.11.2026 10:00"}, Answer{}, "forms_err_slot_closed"},
		{"slot at lunch", "interpreter", "slot", Input{Text: "30.11.2026 13:00"}, Answer{}, "forms_err_slot_closed"},
		{"slot off the grid", "interpreter", "slot", Input{Text: "30.11.2026 10:10"}, Answer{}, "forms_err_slot_grid"},
		{"slot too far", "interpreter", "slot", Input{Text: "14.12.2026 10:00"}, Answer{}, "forms_err_slot_too_far"},
		{"slot last day", "interpreter", "slot", Input{Text: "11.12.2026 09:00"},
			Answer{Value: "2026-12-11T09:00:00+02:00"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, p := step(t, tt.form, tt.step).Check(tt.in, now, kyiv)
			if tt.problem == "" {
				require.Nil(t, p)
				assert.Equal(t, tt.want, got)
				return
			}
			require.NotNil(t, p)
			assert.Equal(t, tt.problem, p.ID)
		})
	}
}

func TestPatternUsesTheFormsOwnMessage(t *testing.T) {
	c, err := Parse([]byte(strings.Replace(validForm, "type: text", `type: text
        pattern: "^[0-9]{5}$"
        pattern_error: {uk: "П'ять цифр", en: "Five digits"}`, 1)), "t")
	require.NoError(t, err)
	s := c.Forms[0].Steps[0]
	_, p := s.Check(Input{Text: "123"}, now, kyiv)
	require.NotNil(t, p)
	assert.Equal(t, "Five digits", p.Custom.In("en"))
	a, p := s.Check(Input{Text: "12345"}, now, kyiv)
	assert.Nil(t, p)
	assert.Equal(t, "12345", a.Value)
}

func TestSlotsFollowTheHours(t *testing.T) {
	s := step(t, "interpreter", "slot")
	// Saturday 12:00: today's hours end at 13:00, and min_lead is 2 h, so
	// the first slot is Monday 09:00 (Sunday is closed).
	got := s.Slots(now, kyiv, 3)
	require.Len(t, got, 3)
	assert.Equal(t, "2026-11-30T09:00:00+02:00", got[0].Format(time.RFC3339))
	assert.Equal(t, "2026-11-30T10:00:00+02:00", got[2].Format(time.RFC3339))
	// Friday afternoon: the 13:00-14:00 break is skipped.
	fri := time.Date(2026, 12, 4, 10, 0, 0, 0, kyiv)
	got = s.Slots(fri, kyiv, 4)
	assert.Equal(t, "12:00 12:30 14:00 14:30", clocks(got))
	for _, sl := range s.Slots(now, kyiv, 500) {
		_, p := s.CheckSlot(sl, now, kyiv)
		require.Nil(t, p, "every offered slot is bookable: %s", sl)
	}
	assert.Equal(t, []string{"09:00–13:00", "14:00–16:00"}, s.OpenHours(time.Friday))
	assert.Empty(t, s.OpenHours(time.Sunday))
}

func clocks(ts []time.Time) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Format("15:04"))
	}
	return strings.Join(out, " ")
}

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"+380 (67) 123-45-67", "+380671234567", true},
		{"0671234567", "+380671234567", true},
		{"+44 20 7946 0958", "+442079460958", true},
		{"12345", "", false},
		{"+38 067 abc", "", false},
		{"0000000000000000", "", false},
		{"67+1234567890", "", false},
	}
	for _, tt := range tests {
		got, ok := NormalizePhone(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"+380671234567", "067 123 45 67", "", "+", "(((", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := NormalizePhone(s)
		if !ok {
			return
		}
		again, ok2 := NormalizePhone(got)
		if !ok2 || again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
	})
}

func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"30.11.2026 10:30", "2026-11-30T10:30", "1.2.2027, 9:05", "", "31.02.2026 10:00"} {
		f.Add(s)
	}
	s := &Step{Type: TypeDateTime, Slot: 30 * time.Minute, DaysAhead: 14}
	s.compiled.week[time.Monday] = []span{{9 * 60, 17 * 60}}
	f.Fuzz(func(t *testing.T, text string) {
		if tm, ok := ParseDateTime(text, kyiv); ok && tm.Location() != kyiv {
			t.Fatalf("%q parsed outside the city zone", text)
		}
		_, _ = s.Check(Input{Text: text}, now, kyiv) // must not panic
	})
}
