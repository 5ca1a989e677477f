package store

import (
	"context"
	"slices"
	"time"

	"github.com/transparentcities/nazar/council"
)

// monthOf is the month of a day as an index (year×12 + month).
func monthOf(d council.Day) int {
	t := d.Time()
	return t.Year()*12 + int(t.Month()) - 1
}

type monthly map[int]*council.MonthFigures

func (m monthly) at(d council.Day) *council.MonthFigures {
	k := monthOf(d)
	if m[k] == nil {
		m[k] = &council.MonthFigures{Month: time.Date(k/12, time.Month(k%12+1), 1, 0, 0, 0, 0, time.UTC)}
	}
	return m[k]
}

// DeputyMonths are a deputy's attendance and discipline month by month,
// with the discipline of their faction of today (or of the mandate's end)
// as the reference; oldest first. found is false for an unknown deputy.
func (s *Store) DeputyMonths(ctx context.Context, deputy int64, today time.Time) ([]council.MonthFigures, bool, error) {
	roster, mandates, err := s.councilRoster(ctx, s.db)
	if err != nil {
		return nil, false, err
	}
	span, ok := mandates[deputy]
	if !ok {
		return nil, false, nil
	}
	m := monthly{}
	if err := s.sittingDays(ctx, []council.Span{span}, m); err != nil {
		return nil, true, err
	}
	if err := s.eachRow(ctx, `SELECT day, count(DISTINCT day) FROM council_votes WHERE deputy = ? AND option <> 4
		AND day BETWEEN ? AND ? GROUP BY day`, func(d council.Day, n, _ int) { m.at(d).Attendance.Num += n },
		deputy, span.From, span.Until); err != nil {
		return nil, true, err
	}
	if err := s.eachRow(ctx, `SELECT day, count(dev), coalesce(sum(dev), 0) FROM council_votes
		WHERE deputy = ? AND dev IS NOT NULL AND day BETWEEN ? AND ? GROUP BY day`,
		func(d council.Day, lines, devs int) { r := &m.at(d).Discipline; r.Den += lines; r.Num += lines - devs },
		deputy, span.From, span.Until); err != nil {
		return nil, true, err
	}
	faction := roster.FactionAt(deputy, min(council.DayOf(today), span.Until))
	if faction != 0 {
		if err := s.factionLines(ctx, faction, span, m); err != nil {
			return nil, true, err
		}
	}
	return m.sorted(), true, nil
}

// FactionMonths are a faction's attendance (over its members of today) and
// discipline month by month, with the whole council's discipline as the
// reference; oldest first.
func (s *Store) FactionMonths(ctx context.Context, faction int64, today time.Time) ([]council.MonthFigures, error) {
	members, err := s.currentMembers(ctx, council.DayOf(today))
	if err != nil {
		return nil, err
	}
	_, mandates, err := s.councilRoster(ctx, s.db)
	if err != nil {
		return nil, err
	}
	m := monthly{}
	var spans []council.Span
	for _, b := range members[faction] {
		spans = append(spans, mandates[b.ID])
		if err := s.eachRow(ctx, `SELECT day, count(DISTINCT day) FROM council_votes WHERE deputy = ? AND option <> 4
			AND day BETWEEN ? AND ? GROUP BY day`, func(d council.Day, n, _ int) { m.at(d).Attendance.Num += n },
			b.ID, mandates[b.ID].From, mandates[b.ID].Until); err != nil {
			return nil, err
		}
	}
	if err := s.sittingDays(ctx, spans, m); err != nil {
		return nil, err
	}
	all := council.Span{From: -1 << 30, Until: 1 << 30}
	if err := s.eachRow(ctx, lineSums+` AND l.faction = ? GROUP BY e.day`,
		func(d council.Day, present, devs int) {
			r := &m.at(d).Discipline
			r.Den += present
			r.Num += present - devs
		},
		all.From, all.Until, faction); err != nil {
		return nil, err
	}
	err = s.eachRow(ctx, lineSums+` GROUP BY e.day`,
		func(d council.Day, present, devs int) {
			r := &m.at(d).Reference
			r.Den += present
			r.Num += present - devs
		},
		all.From, all.Until)
	return m.sorted(), err
}

// lineSums adds up, per day, the members present at events where a faction
// had a line and those of them who deviated (line 2 = support: the present
// who did not support; line 3 = oppose: those who supported).
const lineSums = `SELECT e.day, sum(l.present), sum(CASE l.line WHEN 2 THEN l.present - l.support ELSE l.support END)
	FROM council_lines l JOIN council_events e ON e.id = l.event
	WHERE l.line IN (2, 3) AND e.day BETWEEN ? AND ?`

func (s *Store) factionLines(ctx context.Context, faction int64, span council.Span, m monthly) error {
	return s.eachRow(ctx, lineSums+` AND l.faction = ? GROUP BY e.day`,
		func(d council.Day, present, devs int) {
			r := &m.at(d).Reference
			r.Den += present
			r.Num += present - devs
		},
		span.From, span.Until, faction)
}

// sittingDays adds to each month the sitting days (days with a vote event
// with a named list) that each span covers.
func (s *Store) sittingDays(ctx context.Context, spans []council.Span, m monthly) error {
	cal, err := loadCalendar(ctx, s.db)
	if err != nil {
		return err
	}
	for _, d := range cal.days {
		for _, sp := range spans {
			if sp.Covers(d) {
				m.at(d).Attendance.Den++
			}
		}
	}
	return nil
}

// eachRow runs a query of (day, a, b) rows (b may be absent: a constant 0 is
// passed then).
func (s *Store) eachRow(ctx context.Context, q string, fn func(d council.Day, a, b int), args ...any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	for rows.Next() {
		var d council.Day
		var a, b int
		dest := []any{&d, &a, &b}[:len(cols)]
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		fn(d, a, b)
	}
	return rows.Err()
}

func (m monthly) sorted() []council.MonthFigures {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]council.MonthFigures, len(keys))
	for i, k := range keys {
		out[i] = *m[k]
	}
	return out
}
