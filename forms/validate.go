package forms

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/transparentcities/nazar/locales"
)

// Limits of a definition. Ids are short because they travel in callback
// data, which Telegram caps at 64 bytes.
const (
	DefaultMaxText = 1000
	maxTextLimit   = 3000
	maxDaysAhead   = 90
	minSlot        = 5 * time.Minute
)

// idRe is the shape of form, step, option and page ids.
var idRe = regexp.MustCompile(`^[a-z0-9_]{1,12}$`)

// reservedSteps are names the engine uses itself: the confirmation step
// and the conversation key holding the form id.
var reservedSteps = []string{"confirm", "form"}

// ValidationError lists every problem of a forms file, one per line.
type ValidationError struct {
	Source   string
	Problems []string
}

// Error returns one "forms file X: problem" line per problem.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = "forms file " + e.Source + ": " + p
	}
	return strings.Join(lines, "\n")
}

// problems collects the problems of one definition under a prefix
// (`form "threat" step "post": `).
type problems struct {
	prefix string
	list   *[]string
}

func (p problems) in(format string, args ...any) problems {
	return problems{prefix: p.prefix + fmt.Sprintf(format, args...) + " ", list: p.list}
}

func (p problems) add(format string, args ...any) {
	*p.list = append(*p.list, strings.TrimSpace(p.prefix)+": "+fmt.Sprintf(format, args...))
}

// Validate checks every definition and prepares the steps' rules (compiled
// patterns, opening hours); it returns nil or a *ValidationError.
func (c *Catalog) Validate() error {
	var list []string
	root := problems{list: &list}
	formIDs := map[string]bool{}
	for i, f := range c.Forms {
		if f == nil {
			root.in("form #%d", i+1).add("empty definition")
			continue
		}
		p := root.in("form %q", f.ID)
		if f.ID == "" {
			p = root.in("form #%d", i+1)
		}
		checkID(p, "id", f.ID, formIDs)
		f.validate(p)
	}
	pageIDs := map[string]bool{}
	for i, pg := range c.Pages {
		if pg == nil {
			root.in("page #%d", i+1).add("empty definition")
			continue
		}
		p := root.in("page %q", pg.ID)
		if pg.ID == "" {
			p = root.in("page #%d", i+1)
		}
		checkID(p, "id", pg.ID, pageIDs)
		pg.validate(p)
	}
	if len(list) == 0 {
		return nil
	}
	return &ValidationError{Source: c.source, Problems: list}
}

func checkID(p problems, key, id string, seen map[string]bool) {
	switch {
	case !idRe.MatchString(id):
		p.add("%s %q must be 1-12 characters of a-z 0-9 _", key, id)
	case seen[id]:
		p.add("duplicate %s %q", key, id)
	}
	seen[id] = true
}

// checkText requires a non-empty text in every supported language and no
// other language.
func checkText(p problems, key string, t Text, required bool) {
	if len(t) == 0 && !required {
		return
	}
	for _, lang := range locales.Supported {
		if strings.TrimSpace(t[lang]) == "" {
			p.add("%s: missing translation %q", key, lang)
		}
	}
	for lang := range t {
		if !slices.Contains(locales.Supported, lang) {
			p.add("%s: unsupported language %q (use %s)", key, lang, strings.Join(locales.Supported, ", "))
		}
	}
}

func (f *Form) validate(p problems) {
	checkText(p, "title", f.Title, true)
	checkText(p, "intro", f.Intro, false)
	checkText(p, "confirmation", f.Confirmation, true)
	if f.OperatorsChat == 0 {
		p.add("operators_chat: bad chat id: must be a non-zero Telegram chat id (groups are negative, e.g. -1001234567890)")
	}
	if len(f.Steps) == 0 {
		p.add("steps: a form needs at least one step")
	}
	stepIDs := map[string]bool{}
	reminders := 0
	for i, s := range f.Steps {
		if s == nil {
			p.in("step #%d", i+1).add("empty definition")
			continue
		}
		sp := p.in("step %q", s.ID)
		if s.ID == "" {
			sp = p.in("step #%d", i+1)
		}
		checkID(sp, "id", s.ID, stepIDs)
		if slices.Contains(reservedSteps, s.ID) {
			sp.add("id %q is reserved", s.ID)
		}
		s.validate(sp)
		if s.Type == TypeDateTime && s.ReminderBefore > 0 {
			reminders++
		}
	}
	if reminders > 1 {
		p.add("steps: at most one datetime step may have reminder_before")
	}
}

func (s *Step) validate(p problems) {
	checkText(p, "question", s.Question, true)
	checkText(p, "label", s.Label, true)
	switch s.Type {
	case TypeText:
		s.validateText(p)
	case TypeChoice:
		s.validateChoice(p)
	case TypeDateTime:
		s.validateDateTime(p)
	case TypePhone, TypeURL, TypePhoto, TypeForward:
	default:
		p.add("unknown step type %q (want one of %s)", s.Type, strings.Join(Types, ", "))
	}
}

func (s *Step) validateText(p problems) {
	if s.Max == 0 {
		s.Max = DefaultMaxText
	}
	if s.Min == 0 {
		s.Min = 1
	}
	if s.Min < 0 || s.Max > maxTextLimit || s.Min > s.Max {
		p.add("min/max: need 0 <= min <= max <= %d, got min %d, max %d", maxTextLimit, s.Min, s.Max)
	}
	if s.Pattern == "" {
		return
	}
	re, err := regexp.Compile(s.Pattern)
	if err != nil {
		p.add("pattern: %v", err)
	}
	s.compiled.pattern = re
	checkText(p, "pattern_error", s.PatternError, true)
}

func (s *Step) validateChoice(p problems) {
	if len(s.Options) == 0 {
		p.add("options: a choice step needs at least one option")
	}
	seen := map[string]bool{}
	for i, o := range s.Options {
		op := p.in("option %q", o.ID)
		if o.ID == "" {
			op = p.in("option #%d", i+1)
		}
		checkID(op, "id", o.ID, seen)
		checkText(op, "label", o.Label, true)
	}
}

func (s *Step) validateDateTime(p problems) {
	week, err := parseWeek(s.Hours)
	if err != nil {
		p.add("hours: %v", err)
	}
	s.compiled.week = week
	if s.Slot < minSlot || s.Slot > 24*time.Hour || s.Slot%time.Minute != 0 {
		p.add("slot: must be whole minutes between 5m and 24h, got %s", s.Slot)
	}
	if s.DaysAhead < 1 || s.DaysAhead > maxDaysAhead {
		p.add("days_ahead: must be between 1 and %d, got %d", maxDaysAhead, s.DaysAhead)
	}
	if s.MinLead < 0 || s.ReminderBefore < 0 {
		p.add("min_lead and reminder_before must not be negative")
	}
}

func (pg *Page) validate(p problems) {
	checkText(p, "title", pg.Title, true)
	checkText(p, "text", pg.Text, true)
	for i, l := range pg.Links {
		lp := p.in("link #%d", i+1)
		checkText(lp, "title", l.Title, true)
		if u, err := url.Parse(l.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			lp.add("url: must be an absolute http(s) URL, got %q", l.URL)
		}
	}
}
