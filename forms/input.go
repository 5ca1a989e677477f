package forms

import (
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/transparentcities/nazar/locales"
)

// Input is what a user sent at a step.
type Input struct {
	Text      string // typed text, or the caption of a photo or forwarded post
	Contact   string // phone number of a shared contact
	Forwarded bool   // the message was forwarded
	Origin    string // who a forwarded message came from, when Telegram says
	Photo     string // Telegram file id of a photo
}

// Answer is an accepted, normalised value of a step.
type Answer struct {
	Value  string // text, option id, +380…, RFC 3339 time, file id
	Origin string // the forward origin of a forward step
}

// Problem is why an input was refused: a message id of package locales with
// its data, or the form's own message (Custom) for a pattern.
type Problem struct {
	ID     string
	Data   map[string]any
	At     time.Time // a time the message mentions; the caller formats it
	Custom Text
}

// Message ids of refused input (see locales/forms.*.toml).
var (
	idTooShort    = locales.ID("forms_err_too_short")
	idTooLong     = locales.ID("forms_err_too_long")
	idNeedText    = locales.ID("forms_err_need_text")
	idChoice      = locales.ID("forms_err_choice")
	idPhone       = locales.ID("forms_err_phone")
	idURL         = locales.ID("forms_err_url")
	idPhoto       = locales.ID("forms_err_photo")
	idForward     = locales.ID("forms_err_forward")
	idDateTime    = locales.ID("forms_err_datetime")
	idSlotTooSoon = locales.ID("forms_err_slot_too_soon")
	idSlotTooFar  = locales.ID("forms_err_slot_too_far")
	idSlotClosed  = locales.ID("forms_err_slot_closed")
	idSlotGrid    = locales.ID("forms_err_slot_grid")
)

// Check validates what the user sent at this step and returns the value to
// keep, or the problem to tell them.
func (s *Step) Check(in Input, now time.Time, loc *time.Location) (Answer, *Problem) {
	text := strings.TrimSpace(in.Text)
	switch s.Type {
	case TypeText:
		return s.checkText(text)
	case TypeChoice:
		for _, o := range s.Options {
			for _, label := range o.Label {
				if strings.EqualFold(strings.TrimSpace(label), text) {
					return Answer{Value: o.ID}, nil
				}
			}
		}
		return Answer{}, &Problem{ID: idChoice}
	case TypePhone:
		raw := in.Contact
		if raw == "" {
			raw = text
		}
		if phone, ok := NormalizePhone(raw); ok {
			return Answer{Value: phone}, nil
		}
		return Answer{}, &Problem{ID: idPhone}
	case TypeURL:
		if u, ok := NormalizeURL(text); ok {
			return Answer{Value: u}, nil
		}
		return Answer{}, &Problem{ID: idURL}
	case TypePhoto:
		if in.Photo != "" {
			return Answer{Value: in.Photo}, nil
		}
		return Answer{}, &Problem{ID: idPhoto}
	case TypeForward:
		return checkForward(in, text)
	case TypeDateTime:
		t, ok := ParseDateTime(text, loc)
		if !ok {
			return Answer{}, &Problem{ID: idDateTime}
		}
		return s.CheckSlot(t, now, loc)
	}
	return Answer{}, &Problem{ID: idNeedText}
}

// CheckSlot validates a slot chosen with a button or typed.
func (s *Step) CheckSlot(t, now time.Time, loc *time.Location) (Answer, *Problem) {
	if p := s.checkSlot(t, now, loc); p != nil {
		return Answer{}, p
	}
	return Answer{Value: t.In(loc).Format(time.RFC3339)}, nil
}

func (s *Step) checkText(text string) (Answer, *Problem) {
	n := utf8.RuneCountInString(text)
	switch {
	case n == 0:
		return Answer{}, &Problem{ID: idNeedText}
	case n < s.Min:
		return Answer{}, &Problem{ID: idTooShort, Data: map[string]any{"Min": s.Min}}
	case n > s.Max:
		return Answer{}, &Problem{ID: idTooLong, Data: map[string]any{"Max": s.Max}}
	case s.compiled.pattern != nil && !s.compiled.pattern.MatchString(text):
		return Answer{}, &Problem{Custom: s.PatternError}
	}
	return Answer{Value: text}, nil
}

// checkForward takes a forwarded post (its text and origin) or a message
// with a link in it.
func checkForward(in Input, text string) (Answer, *Problem) {
	text = truncate(text, maxTextLimit)
	if in.Forwarded {
		if text == "" && in.Origin == "" {
			return Answer{}, &Problem{ID: idForward}
		}
		return Answer{Value: text, Origin: in.Origin}, nil
	}
	if linkRe.MatchString(text) {
		return Answer{Value: text}, nil
	}
	return Answer{}, &Problem{ID: idForward}
}

// linkRe finds a link in a message: an http(s) URL or a bare t.me link.
var linkRe = regexp.MustCompile(`(?i)(https?://|\bt\.me/)\S+`)

// NormalizePhone accepts a phone number as typed or shared ("+380 67 123-45-67",
// "067 123 45 67", "380671234567") and returns it as +<digits>. A 10-digit
// number with a leading 0 is taken as Ukrainian.
func NormalizePhone(raw string) (string, bool) {
	var digits strings.Builder
	for i, r := range strings.TrimSpace(raw) {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '+' && i == 0, r == ' ', r == '-', r == '(', r == ')', r == '.':
		default:
			return "", false
		}
	}
	d := digits.String()
	if len(d) == 10 && d[0] == '0' {
		d = "38" + d
	}
	if len(d) < 10 || len(d) > 15 || d[0] == '0' {
		return "", false
	}
	return "+" + d, true
}

// NormalizeURL accepts an http(s) link, adding https:// when the scheme is
// left out ("example.org/page").
func NormalizeURL(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.ContainsAny(raw, " \t\n") || utf8.RuneCountInString(raw) > 2000 {
		return "", false
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.Contains(u.Hostname(), ".") ||
		strings.HasPrefix(u.Hostname(), ".") || strings.HasSuffix(u.Hostname(), ".") {
		return "", false
	}
	return u.String(), true
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
