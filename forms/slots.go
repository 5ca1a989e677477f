package forms

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// span is an opening period of a day, in minutes since midnight.
type span struct{ From, To int }

// Week is the opening hours by time.Weekday (0 = Sunday); a closed day has
// no spans.
type Week [7][]span

// stepRules are what validation prepares for checking input quickly.
type stepRules struct {
	pattern *regexp.Regexp
	week    Week
}

// dayKeys are the weekday names of the hours table, in week order from Monday.
var dayKeys = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

var dayIndex = map[string]time.Weekday{"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday}

// parseWeek reads an hours table: keys are a day ("sat") or a range of days
// ("mon-fri"), values one or more periods ("09:00-13:00, 14:00-17:00").
func parseWeek(table map[string]string) (Week, error) {
	var w Week
	if len(table) == 0 {
		return w, fmt.Errorf(`must list the opening hours, e.g. mon-fri: "09:00-17:00"`)
	}
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var errs []string
	for _, key := range keys {
		days, err := parseDays(key)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		spans, err := parseSpans(table[key])
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", key, err))
			continue
		}
		for _, d := range days {
			if w[d] != nil {
				errs = append(errs, fmt.Sprintf("%s: %s is listed twice", key, dayKeys[(d+6)%7]))
			}
			w[d] = spans
		}
	}
	if len(errs) > 0 {
		return w, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return w, nil
}

func parseDays(key string) ([]time.Weekday, error) {
	from, to, isRange := strings.Cut(strings.ToLower(strings.TrimSpace(key)), "-")
	if !isRange {
		to = from
	}
	a, okA := dayIndex[from]
	b, okB := dayIndex[to]
	if !okA || !okB {
		return nil, fmt.Errorf("unknown day %q (use mon, tue, wed, thu, fri, sat, sun or a range like mon-fri)", key)
	}
	// Walk Monday-first, so "mon-fri" is five days and "sat-sun" two.
	ia, ib := (int(a)+6)%7, (int(b)+6)%7
	if ia > ib {
		return nil, fmt.Errorf("day range %q runs backwards", key)
	}
	var out []time.Weekday
	for i := ia; i <= ib; i++ {
		out = append(out, dayIndex[dayKeys[i]])
	}
	return out, nil
}

func parseSpans(value string) ([]span, error) {
	var out []span
	for _, part := range strings.Split(value, ",") {
		from, to, ok := strings.Cut(strings.TrimSpace(part), "-")
		a, errA := parseClock(from)
		b, errB := parseClock(to)
		if !ok || errA != nil || errB != nil || a >= b {
			return nil, fmt.Errorf("bad period %q (want HH:MM-HH:MM, the start before the end)", strings.TrimSpace(part))
		}
		if len(out) > 0 && a < out[len(out)-1].To {
			return nil, fmt.Errorf("periods overlap or are out of order in %q", value)
		}
		out = append(out, span{a, b})
	}
	return out, nil
}

func parseClock(s string) (int, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		if strings.TrimSpace(s) == "24:00" {
			return 24 * 60, nil
		}
		return 0, err
	}
	return t.Hour()*60 + t.Minute(), nil
}

// OpenHours returns the opening periods of a weekday as "09:00–13:00" strings.
func (s *Step) OpenHours(d time.Weekday) []string {
	var out []string
	for _, sp := range s.compiled.week[d] {
		out = append(out, fmt.Sprintf("%02d:%02d–%02d:%02d", sp.From/60, sp.From%60, sp.To/60, sp.To%60))
	}
	return out
}

// Slots returns up to n bookable slot starts, earliest first: not sooner
// than min_lead from now, within days_ahead days (today is the first).
func (s *Step) Slots(now time.Time, loc *time.Location, n int) []time.Time {
	var out []time.Time
	earliest := now.Add(s.MinLead)
	step := int(s.Slot / time.Minute)
	today := midnight(now.In(loc))
	for d := 0; d < s.DaysAhead && len(out) < n; d++ {
		day := today.AddDate(0, 0, d)
		for _, sp := range s.compiled.week[day.Weekday()] {
			for m := sp.From; m+step <= sp.To && len(out) < n; m += step {
				t := time.Date(day.Year(), day.Month(), day.Day(), m/60, m%60, 0, 0, loc)
				if !t.Before(earliest) {
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// checkSlot tells whether t is a bookable slot start.
func (s *Step) checkSlot(t, now time.Time, loc *time.Location) *Problem {
	local := t.In(loc)
	if earliest := now.Add(s.MinLead); local.Before(earliest) {
		// The earliest time offered is the first slot the centre is open
		// for, not now + min_lead, which may fall on a Sunday evening.
		if first := s.Slots(now, loc, 1); len(first) > 0 {
			earliest = first[0]
		}
		return &Problem{ID: idSlotTooSoon, At: earliest}
	}
	last := midnight(now.In(loc)).AddDate(0, 0, s.DaysAhead)
	if !local.Before(last) {
		return &Problem{ID: idSlotTooFar, At: last.AddDate(0, 0, -1)}
	}
	m := local.Hour()*60 + local.Minute()
	step := int(s.Slot / time.Minute)
	for _, sp := range s.compiled.week[local.Weekday()] {
		if m >= sp.From && m+step <= sp.To && local.Second() == 0 {
			if (m-sp.From)%step != 0 {
				return &Problem{ID: idSlotGrid, Data: map[string]any{"Every": step}}
			}
			return nil
		}
	}
	return &Problem{ID: idSlotClosed}
}

// dateTimeLayouts are the typed forms accepted, after commas are turned to
// spaces: 30.11.2026 10:30, 2026-11-30 10:30, 2026-11-30T10:30.
var dateTimeLayouts = []string{"2.1.2006 15:04", "2006-01-02 15:04", "2006-01-02T15:04"}

// ParseDateTime reads a typed date and time in the city's zone.
func ParseDateTime(text string, loc *time.Location) (time.Time, bool) {
	text = strings.Join(strings.Fields(strings.ReplaceAll(text, ",", " ")), " ")
	for _, layout := range dateTimeLayouts {
		if t, err := time.ParseInLocation(layout, text, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}
