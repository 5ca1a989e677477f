package config

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// MinDigestGap is the shortest time allowed between two digests: a digest
// is a broadcast to every subscriber, so a schedule such as "*/5 * * * *"
// is a mistake that would flood them and Telegram's limits.
const MinDigestGap = time.Hour

// digestFirings is how many firings checkMinGap looks at. A standard cron
// expression fires on the same minutes in every hour it fires in, so with
// two or more minutes the third firing at the latest is within an hour of
// the one before; with one minute, firings are at least an hour apart
// (23:m to 00:m included); @every has one constant gap. Ten leave a margin;
// each firing costs about 12 µs for a weekly schedule (BenchmarkParseSchedule).
const digestFirings = 10

// checkEpoch is where the gap check starts counting firings: any fixed
// instant keeps validation deterministic.
var checkEpoch = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// ParseSchedule parses digest.schedule. Times are in loc (the city's zone)
// unless the expression names its own zone with CRON_TZ=. It never hands
// the cron parser an expression that would make it panic, and it refuses
// schedules that never fire or fire more often than MinDigestGap.
func (d DigestConfig) ParseSchedule(loc *time.Location) (cron.Schedule, error) {
	spec, err := withZone(d.Schedule, loc)
	if err != nil {
		return nil, err
	}
	sched, err := parseCron(spec)
	if err != nil {
		return nil, err
	}
	return sched, checkMinGap(sched)
}

// withZone returns the expression with an explicit CRON_TZ= prefix: the
// given one when it is well formed, else loc's. The parser itself slices
// past the first space after TZ= and panics when there is none ("CRON_TZ=",
// "CRON_TZ=Europe/Kyiv"), and takes an empty zone for UTC; both are
// caught here. Fields are rejoined with single spaces, so a tab after the
// zone cannot reach the parser either.
func withZone(expr string, loc *time.Location) (string, error) {
	fields := strings.Fields(expr)
	if len(fields) == 0 {
		return "", errors.New("must not be empty (a cron expression such as \"0 10 * * 1\")")
	}
	zone := loc.String()
	if name, ok := zonePrefix(fields[0]); ok {
		if name == "" {
			return "", fmt.Errorf("%s needs a time zone name, such as CRON_TZ=Europe/Kyiv", fields[0])
		}
		if _, err := time.LoadLocation(name); err != nil {
			return "", fmt.Errorf("unknown time zone %q after %s (use an IANA name such as Europe/Kyiv)",
				name, strings.TrimSuffix(fields[0], name))
		}
		if len(fields) == 1 {
			return "", fmt.Errorf("%s is followed by no schedule (such as \"CRON_TZ=%s 0 10 * * 1\")", fields[0], name)
		}
		zone, fields = name, fields[1:]
	}
	return "CRON_TZ=" + zone + " " + strings.Join(fields, " "), nil
}

// zonePrefix reports whether field is the parser's TZ=/CRON_TZ= prefix and
// returns the zone name after it.
func zonePrefix(field string) (string, bool) {
	for _, p := range []string{"CRON_TZ=", "TZ="} {
		if name, ok := strings.CutPrefix(field, p); ok {
			return name, true
		}
	}
	return "", false
}

// parseCron is cron.ParseStandard that turns a panic into an error: the
// library has panicked on odd input before, and a configuration mistake
// must end in a message, not a crash.
func parseCron(spec string) (s cron.Schedule, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("not a valid cron expression (%v)", r)
		}
	}()
	s, err = cron.ParseStandard(spec)
	if err != nil {
		return nil, fmt.Errorf("not a valid cron expression: %v (standard 5 fields: minute hour day month weekday)", err)
	}
	return s, nil
}

// checkMinGap computes the schedule's next firings and refuses it when two
// of them are closer than MinDigestGap, or when it never fires (such as
// "0 10 30 2 *", the 30th of February).
func checkMinGap(s cron.Schedule) error {
	prev := s.Next(checkEpoch)
	if prev.IsZero() {
		return errors.New("never fires (no such date in the next five years)")
	}
	for range digestFirings - 1 {
		next := s.Next(prev)
		if next.IsZero() {
			return nil // fires rarely (such as only on the 29th of February): fine for a digest
		}
		if gap := next.Sub(prev); gap < MinDigestGap {
			return fmt.Errorf("fires only %s apart (%s and %s); a digest may go out at most once an hour",
				fmtDuration(gap), prev.Format("Mon 2006-01-02 15:04"), next.Format("15:04"))
		}
		prev = next
	}
	return nil
}
