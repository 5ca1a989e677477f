package store

import (
	"context"
	"database/sql"
	"sort"

	"github.com/transparentcities/nazar/council"
)

// querier is what both *sql.DB and *sql.Tx offer for reading.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// councilRoster reads the faction roster and every deputy's mandate.
func (s *Store) councilRoster(ctx context.Context, q querier) (*council.Roster, map[int64]council.Span, error) {
	base, mandates := map[int64]int64{}, map[int64]council.Span{}
	rows, err := q.QueryContext(ctx, `SELECT id, faction, mandate_from, mandate_until FROM council_deputies`)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var id, f int64
		var m council.Span
		if err := rows.Scan(&id, &f, &m.From, &m.Until); err != nil {
			rows.Close()
			return nil, nil, err
		}
		base[id], mandates[id] = f, m
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	var dated []council.Membership
	rows, err = q.QueryContext(ctx, `SELECT deputy, faction, day_from, day_until FROM council_memberships
		WHERE kind = 'faction'`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var m council.Membership
		if err := rows.Scan(&m.Deputy, &m.Faction, &m.From, &m.Until); err != nil {
			return nil, nil, err
		}
		dated = append(dated, m)
	}
	return council.NewRoster(base, dated), mandates, rows.Err()
}

// sittingCalendar counts vote events and sitting days within any span.
type sittingCalendar struct {
	eventDays []council.Day // the day of every event with a named list, sorted
	days      []council.Day // distinct sitting days, sorted
}

func (c sittingCalendar) within(span council.Span) (events, days int) {
	return countWithin(c.eventDays, span), countWithin(c.days, span)
}

func countWithin(sorted []council.Day, span council.Span) int {
	lo := sort.Search(len(sorted), func(i int) bool { return sorted[i] >= span.From })
	hi := sort.Search(len(sorted), func(i int) bool { return sorted[i] > span.Until })
	return hi - lo
}

func loadCalendar(ctx context.Context, q querier) (sittingCalendar, error) {
	var c sittingCalendar
	rows, err := q.QueryContext(ctx, `SELECT day FROM council_events WHERE named > 0 ORDER BY day`)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var d council.Day
		if err := rows.Scan(&d); err != nil {
			return c, err
		}
		c.eventDays = append(c.eventDays, d)
		if len(c.days) == 0 || c.days[len(c.days)-1] != d {
			c.days = append(c.days, d)
		}
	}
	return c, rows.Err()
}

// refreshCouncilStats recomputes every deputy's figures (SPEC §5.1) from
// the named lists within their mandate: one pass over council_votes in key
// order, so the card and the leaderboards read one row per deputy.
func (s *Store) refreshCouncilStats(ctx context.Context, tx *sql.Tx) error {
	cal, err := loadCalendar(ctx, tx)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM council_stats`); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT d.id, d.mandate_from, d.mandate_until,
		count(v.option = 0 OR NULL), count(v.option = 1 OR NULL), count(v.option = 2 OR NULL),
		count(v.option = 3 OR NULL), count(DISTINCT CASE WHEN v.option <> 4 THEN v.day END),
		count(v.dev), coalesce(sum(v.dev), 0)
		FROM council_deputies d LEFT JOIN council_votes v
			ON v.deputy = d.id AND v.day BETWEEN d.mandate_from AND d.mandate_until
		GROUP BY d.id`)
	if err != nil {
		return err
	}
	var stats [][10]int64
	for rows.Next() {
		var st [10]int64
		var span council.Span
		if err := rows.Scan(&st[0], &span.From, &span.Until, &st[3], &st[4], &st[5], &st[6], &st[7], &st[8],
			&st[9]); err != nil {
			rows.Close()
			return err
		}
		events, days := cal.within(span)
		st[1], st[2] = int64(events), int64(days)
		stats = append(stats, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO council_stats(deputy, events, days, n_for, n_against,
		n_abstain, n_not_voting, present_days, line_events, deviations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, st := range stats {
		if _, err := stmt.ExecContext(ctx, st[0], st[1], st[2], st[3], st[4], st[5], st[6], st[7], st[8], st[9]); err != nil {
			return err
		}
	}
	return nil
}
