package council

import "time"

// Day is a calendar date in the city's time zone, counted in days since
// 1970-01-01. Sitting days, mandates and memberships are compared as Days so
// that a vote at 23:30 local time belongs to its local date.
type Day int32

// Bounds of an open date range: a mandate or membership with no start or end.
const (
	FirstDay Day = 0       // 1970-01-01
	LastDay  Day = 2932896 // 9999-12-31
)

// DayOf is the calendar date of t in t's own location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Time is midnight UTC of the day, for formatting the date.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Span is a closed range of days: a mandate or a membership.
type Span struct{ From, Until Day }

// Always is the span of a mandate or membership without dates.
var Always = Span{FirstDay, LastDay}

// Covers reports whether d is within the span, both ends included.
func (s Span) Covers(d Day) bool { return d >= s.From && d <= s.Until }
