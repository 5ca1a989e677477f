// Package hours reads opening hours written the way Ukrainian open data
// writes them (annex 30 style: "Пн-Пт 09:00-18:00, обід 13:00-14:00,
// Сб 10:00-14:00, Нд вихідний") and tells whether a place is open at a time.
package hours

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Span is a part of a day in minutes since midnight. To ≤ From means the
// span runs past midnight into the next day ("22:00-02:00"); To is 1440 for
// "24:00".
type Span struct{ From, To int }

func (s Span) overnight() bool { return s.To <= s.From }

// Schedule is a week of opening hours, Monday first.
type Schedule struct {
	Open   [7][]Span
	Breaks [7][]Span // lunch breaks, within the same day
}

// Empty reports whether the schedule opens on no day at all.
func (s Schedule) Empty() bool {
	for _, d := range s.Open {
		if len(d) > 0 {
			return false
		}
	}
	return true
}

// IsOpen reports whether the place is open at t. The caller passes t in the
// city's time zone: the schedule's clock times are local times.
func (s Schedule) IsOpen(t time.Time) bool {
	day := (int(t.Weekday()) + 6) % 7 // Monday = 0
	m := t.Hour()*60 + t.Minute()
	for _, b := range s.Breaks[day] {
		if m >= b.From && m < b.To {
			return false
		}
	}
	for _, sp := range s.Open[day] {
		if m >= sp.From && (sp.overnight() || m < sp.To) {
			return true
		}
	}
	for _, sp := range s.Open[(day+6)%7] { // yesterday's span past midnight
		if sp.overnight() && m < sp.To {
			return true
		}
	}
	return false
}

// ParseInLocation is a convenience: parse text and check it at now in loc.
func ParseInLocation(text string, now time.Time, loc *time.Location) (open bool, err error) {
	s, err := Parse(text)
	if err != nil {
		return false, err
	}
	return s.IsOpen(now.In(loc)), nil
}

// dayWords maps the ways a day is written to Monday-based indexes.
var dayWords = map[string]int{
	"пн": 0, "вт": 1, "ср": 2, "чт": 3, "пт": 4, "сб": 5, "нд": 6, "нед": 6,
	"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
	"mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6,
	"понеділок": 0, "вівторок": 1, "середа": 2, "четвер": 3, "пятниця": 4, "субота": 5, "неділя": 6,
}

var (
	allDays    = map[string]bool{"щодня": true, "щоденно": true, "daily": true, "пн-нд": true, "mon-sun": true}
	closedWord = map[string]bool{"вихідний": true, "вихідні": true, "зачинено": true, "closed": true, "off": true}
	allDay     = map[string]bool{"цілодобово": true, "24/7": true, "24h": true, "00:00-24:00": true}
	breakWord  = map[string]bool{"обід": true, "перерва": true, "break": true, "lunch": true}
	dashes     = regexp.MustCompile(`\s*[-–—]\s*`)
	timeRange  = regexp.MustCompile(`^(\d{1,2})[:.](\d{2})-(\d{1,2})[:.](\d{2})$`)
	apostrophe = strings.NewReplacer("'", "", "ʼ", "", "’", "", "`", "")
	separators = strings.NewReplacer("(", ",", ")", ",", ";", ",")
)

// Parse reads opening hours. Groups are separated by commas or semicolons;
// a group starts with days ("Пн-Пт", "Сб", "щодня") and gives time ranges,
// "вихідний", or "цілодобово"; a group without days adds to the days
// before it; "обід 13:00-14:00" or "перерва …" is a break of those days.
// "" is an empty schedule (hours not given).
func Parse(text string) (Schedule, error) {
	var p parser
	norm := strings.ToLower(apostrophe.Replace(text))
	norm = separators.Replace(dashes.ReplaceAllString(norm, "-"))
	for _, seg := range strings.Split(norm, ",") {
		if err := p.segment(strings.Fields(seg)); err != nil {
			return Schedule{}, fmt.Errorf("hours %q: %w", text, err)
		}
	}
	if len(p.pending) > 0 {
		return Schedule{}, fmt.Errorf("hours %q: days without times", text)
	}
	return p.s, nil
}

type parser struct {
	s       Schedule
	days    []int // the days of the current group
	pending []int // days listed without times yet ("Пн, Ср 10:00-12:00")
}

func (p *parser) segment(words []string) error {
	if len(words) == 0 {
		return nil
	}
	if breakWord[words[0]] {
		return p.breaks(words[1:])
	}
	days, rest, ok := dayList(words)
	if ok {
		p.days = append(p.pending, days...)
		p.pending = nil
		if len(rest) == 0 {
			p.pending, p.days = p.days, nil
			return nil
		}
		words = rest
	}
	if len(p.days) == 0 && allDay[words[0]] && !ok {
		p.days = []int{0, 1, 2, 3, 4, 5, 6} // "цілодобово" alone: every day
	}
	if len(p.days) == 0 {
		return fmt.Errorf("%q: name the days first (e.g. Пн-Пт 09:00-18:00)", strings.Join(words, " "))
	}
	return p.times(words)
}

// dayList reads leading day words ("пн-пт", "сб", "щодня"); ok is false
// when the words do not start with days.
func dayList(words []string) (days []int, rest []string, ok bool) {
	for len(words) > 0 {
		w := words[0]
		if allDays[w] {
			days = append(days, 0, 1, 2, 3, 4, 5, 6)
		} else if d, ok := dayRange(w); ok {
			days = append(days, d...)
		} else {
			break
		}
		words = words[1:]
	}
	return days, words, len(days) > 0
}

func dayRange(w string) ([]int, bool) {
	from, to, isRange := strings.Cut(w, "-")
	a, ok := dayWords[strings.TrimSuffix(from, ".")]
	if !ok {
		return nil, false
	}
	if !isRange {
		return []int{a}, true
	}
	b, ok := dayWords[strings.TrimSuffix(to, ".")]
	if !ok {
		return nil, false
	}
	var out []int
	for d := a; ; d = (d + 1) % 7 { // "Пт-Пн" wraps over the weekend
		out = append(out, d)
		if d == b {
			return out, true
		}
	}
}

func (p *parser) times(words []string) error {
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case closedWord[w]:
			for _, d := range p.days {
				p.s.Open[d] = nil
			}
		case allDay[w]:
			p.add(Span{0, 1440})
		case breakWord[w]:
			return p.breaks(words[i+1:])
		default:
			sp, err := parseSpan(w)
			if err != nil {
				return err
			}
			p.add(sp)
		}
	}
	return nil
}

func (p *parser) add(sp Span) {
	for _, d := range p.days {
		p.s.Open[d] = append(p.s.Open[d], sp)
	}
}

func (p *parser) breaks(words []string) error {
	if len(p.days) == 0 {
		return fmt.Errorf("a break before any days")
	}
	if len(words) != 1 {
		return fmt.Errorf("a break needs one time range (e.g. обід 13:00-14:00)")
	}
	sp, err := parseSpan(words[0])
	if err != nil {
		return err
	}
	if sp.overnight() {
		return fmt.Errorf("break %q must end after it starts", words[0])
	}
	for _, d := range p.days {
		p.s.Breaks[d] = append(p.s.Breaks[d], sp)
	}
	return nil
}

func parseSpan(w string) (Span, error) {
	m := timeRange.FindStringSubmatch(w)
	if m == nil {
		return Span{}, fmt.Errorf("%q is not a time range such as 09:00-18:00", w)
	}
	from, ok1 := clock(m[1], m[2])
	to, ok2 := clock(m[3], m[4])
	if !ok1 || !ok2 || from == 1440 {
		return Span{}, fmt.Errorf("%q has a time that does not exist", w)
	}
	if from == to {
		return Span{}, fmt.Errorf("%q is empty", w)
	}
	return Span{from, to}, nil
}

func clock(h, m string) (int, bool) {
	var hh, mm int
	fmt.Sscanf(h, "%d", &hh) //nolint:errcheck // the regexp allows digits only
	fmt.Sscanf(m, "%d", &mm) //nolint:errcheck
	if mm > 59 || hh > 24 || (hh == 24 && mm != 0) {
		return 0, false
	}
	return hh*60 + mm, true
}
