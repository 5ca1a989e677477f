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

// tally is one deputy's aggregate over their rows within the mandate:
// for, against, abstain, not voting, present days, line events, deviations.
type tally [7]int64

// refreshCouncilStats recomputes every deputy's figures (SPEC §5.1) from
// the named lists within their mandate, so the card and the leaderboards
// read one row per deputy. When rows hold every stored row (a first import,
// or a recomputed roster) the aggregate is taken from them in Go; otherwise
// from one pass over council_votes in key order.
func (s *Store) refreshCouncilStats(ctx context.Context, tx *sql.Tx, rows []voteRow, complete bool) error {
	cal, err := loadCalendar(ctx, tx)
	if err != nil {
		return err
	}
	_, mandates, err := s.councilRoster(ctx, tx)
	if err != nil {
		return err
	}
	var sums map[int64]tally
	if complete {
		sums = tallyRows(rows, mandates)
	} else if sums, err = tallyStored(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM council_stats`); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO council_stats(deputy, events, days, n_for, n_against,
		n_abstain, n_not_voting, present_days, line_events, deviations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for id, span := range mandates {
		events, days := cal.within(span)
		t := sums[id]
		if _, err := stmt.ExecContext(ctx, id, events, days, t[0], t[1], t[2], t[3], t[4], t[5], t[6]); err != nil {
			return err
		}
	}
	return nil
}

// tallyRows aggregates rows sorted by (deputy, day, event).
func tallyRows(rows []voteRow, mandates map[int64]council.Span) map[int64]tally {
	sums := map[int64]tally{}
	var cur tally
	deputy, lastPresent := int32(-1), int32(-1)
	for _, r := range rows {
		if r.deputy != deputy {
			if deputy >= 0 {
				sums[int64(deputy)] = cur
			}
			cur, deputy, lastPresent = tally{}, r.deputy, -1
		}
		if !mandates[int64(r.deputy)].Covers(council.Day(r.day)) {
			continue
		}
		if o := council.Option(r.option); o.Present() {
			cur[o]++
			if r.day != lastPresent {
				cur[4]++
				lastPresent = r.day
			}
		}
		if r.dev >= 0 {
			cur[5]++
			cur[6] += int64(r.dev)
		}
	}
	if deputy >= 0 {
		sums[int64(deputy)] = cur
	}
	return sums
}

func tallyStored(ctx context.Context, tx *sql.Tx) (map[int64]tally, error) {
	rows, err := tx.QueryContext(ctx, `SELECT d.id, count(v.option = 0 OR NULL), count(v.option = 1 OR NULL),
		count(v.option = 2 OR NULL), count(v.option = 3 OR NULL),
		count(DISTINCT CASE WHEN v.option <> 4 THEN v.day END), count(v.dev), coalesce(sum(v.dev), 0)
		FROM council_deputies d JOIN council_votes v
			ON v.deputy = d.id AND v.day BETWEEN d.mandate_from AND d.mandate_until
		GROUP BY d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sums := map[int64]tally{}
	for rows.Next() {
		var id int64
		var t tally
		if err := rows.Scan(&id, &t[0], &t[1], &t[2], &t[3], &t[4], &t[5], &t[6]); err != nil {
			return nil, err
		}
		sums[id] = t
	}
	return sums, rows.Err()
}
