package csvin

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseDate reads a date as ISO (2026-11-28) or DD.MM.YYYY (28.11.2026),
// rejecting impossible dates such as 31.02.1980.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "02.01.2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (use YYYY-MM-DD or DD.MM.YYYY)", s)
}

// ParseTimestamp reads an RFC 3339 timestamp; a plain date is midnight UTC.
func ParseTimestamp(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := ParseDate(s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a timestamp (use RFC 3339, e.g. 2026-11-28T10:00:00+02:00)", s)
}

// LocalTimeForms names what ParseLocalTime accepts, for error messages.
const LocalTimeForms = "RFC 3339 like 2026-11-28T10:00:00+02:00, or city time as YYYY-MM-DD HH:MM, " +
	"YYYY-MM-DD or DD.MM.YYYY"

// ParseLocalTime reads RFC 3339 (its own offset), a local date and time
// "YYYY-MM-DD HH:MM", or a date as ParseDate reads it (midnight): the last two
// in loc, the city's time zone, so an operator's wall-clock time is that time
// in the city whatever zone the importing machine runs in.
func ParseLocalTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02 15:04", s, loc); err == nil {
		return t, nil
	}
	if d, err := ParseDate(s); err == nil {
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a time (use %s)", s, LocalTimeForms)
}

// ParseKopiykas reads an amount in hryvnias with a decimal point or comma
// ("1234.5", "1234,50", "1 234,50") into integer kopiykas, refusing more
// than two decimals.
func ParseKopiykas(s string) (int64, error) {
	clean := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(strings.TrimSpace(s))
	clean = strings.Replace(clean, ",", ".", 1)
	neg := strings.HasPrefix(clean, "-")
	clean = strings.TrimPrefix(clean, "-")
	whole, frac, _ := strings.Cut(clean, ".")
	if whole == "" || len(frac) > 2 || !digits(whole) || (frac != "" && !digits(frac)) || len(whole) > 12 {
		return 0, fmt.Errorf("%q is not an amount in UAH (e.g. 1234.50)", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f, _ := strconv.ParseInt(frac, 10, 64)
	v := w*100 + f
	if neg {
		v = -v
	}
	return v, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
