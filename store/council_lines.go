package store

import (
	"fmt"
	"sort"
	"strings"

	"github.com/transparentcities/nazar/council"
)

// rosterSignatures describe, per deputy, everything their faction of a day
// depends on; a change for a deputy with stored votes means every line
// must be recomputed.
func (ci *councilImport) rosterSignatures() (map[int64]string, error) {
	sig := map[int64]string{}
	rows, err := ci.tx.QueryContext(ci.ctx, `SELECT d.id, d.faction, d.mandate_from, d.mandate_until,
		coalesce((SELECT group_concat(m.faction || ':' || m.day_from || ':' || m.day_until, ',') FROM
			(SELECT * FROM council_memberships WHERE deputy = d.id AND kind = 'faction' ORDER BY day_from, faction) m), '')
		FROM council_deputies d`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, f, from, until int64
		var ms string
		if err := rows.Scan(&id, &f, &from, &until, &ms); err != nil {
			return nil, err
		}
		sig[id] = fmt.Sprintf("%d/%d/%d/%s", f, from, until, ms)
	}
	return sig, rows.Err()
}

func rosterChanged(before, after map[int64]string) bool {
	for id, s := range before {
		if after[id] != s {
			return true
		}
	}
	return false
}

// collectVotes gathers the rows whose lines must be computed: this import's
// named lists, plus every stored row when the roster changed. It removes the
// stored rows it replaces and returns, per deputy, the events where they have
// a row that was not stored before.
func (ci *councilImport) collectVotes(full bool) ([]voteRow, map[int32][]int32, error) {
	imp := ci.importVotes()
	mine := importEvents(imp)
	old := map[uint64]bool{}
	var kept []voteRow
	var err error
	if full {
		kept, err = ci.takeAllVotes(mine, old)
	} else {
		err = ci.takeEventVotes(mine, old)
	}
	if err != nil {
		return nil, nil, err
	}
	fresh := map[int32][]int32{}
	for _, r := range imp {
		if !old[pairKey(r.deputy, r.event)] {
			fresh[r.deputy] = append(fresh[r.deputy], r.event)
			ci.res.NewVotes++
		}
	}
	return append(kept, imp...), fresh, nil
}

// takeAllVotes reads and deletes every stored row and line; rows of events
// this import replaces are only remembered as old.
func (ci *councilImport) takeAllVotes(mine map[int32]bool, old map[uint64]bool) ([]voteRow, error) {
	rows, err := ci.tx.QueryContext(ci.ctx, `SELECT deputy, day, event, option FROM council_votes`)
	if err != nil {
		return nil, err
	}
	days := map[int32]int32{}
	for _, ref := range ci.events {
		days[int32(ref.id)] = int32(ref.day)
	}
	var kept []voteRow
	for rows.Next() {
		r := voteRow{dev: -1}
		if err := rows.Scan(&r.deputy, &r.day, &r.event, &r.option); err != nil {
			rows.Close()
			return nil, err
		}
		if mine[r.event] {
			old[pairKey(r.deputy, r.event)] = true
			continue
		}
		r.day = days[r.event] // an event re-dated by this import
		kept = append(kept, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := ci.exec(`DELETE FROM council_votes`); err != nil {
		return nil, err
	}
	return kept, ci.exec(`DELETE FROM council_lines`)
}

// byEvent selects the rows of one event through the primary key: one seek
// per deputy instead of a scan of the table.
const byEvent = `deputy IN (SELECT id FROM council_deputies) AND day = ? AND event = ?`

// takeEventVotes deletes the stored rows and lines of the events this
// import carries, remembering who had a row; events it re-dates without a
// new list keep their rows under the new day.
func (ci *councilImport) takeEventVotes(mine map[int32]bool, old map[uint64]bool) error {
	for _, ref := range ci.events {
		id := int32(ref.id)
		switch {
		case !ref.existed:
			continue
		case mine[id]:
			if err := ci.rememberOld(ref, old); err != nil {
				return err
			}
			if err := ci.exec(`DELETE FROM council_votes WHERE `+byEvent, ref.old, ref.id); err != nil {
				return err
			}
			if err := ci.exec(`DELETE FROM council_lines WHERE event = ?`, ref.id); err != nil {
				return err
			}
		case ref.day != ref.old:
			if err := ci.exec(`UPDATE council_votes SET day = ? WHERE `+byEvent, ref.day, ref.old, ref.id); err != nil {
				return err
			}
		}
	}
	return nil
}

func (ci *councilImport) rememberOld(ref eventRef, old map[uint64]bool) error {
	rows, err := ci.tx.QueryContext(ci.ctx, `SELECT deputy FROM council_votes WHERE `+byEvent, ref.old, ref.id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var d int32
		if err := rows.Scan(&d); err != nil {
			return err
		}
		old[pairKey(d, int32(ref.id))] = true
	}
	return rows.Err()
}

// computeAndWrite sets each row's faction of the day and deviation, and
// writes the rows, the lines and the events' named-list sizes.
func (ci *councilImport) computeAndWrite(rows []voteRow) error {
	roster, mandates, err := ci.s.councilRoster(ci.ctx, ci.tx)
	if err != nil {
		return err
	}
	tallies := map[council.EventFaction]council.Tally{}
	named := map[int32]int{}
	for i := range rows {
		r := &rows[i]
		named[r.event]++
		if !mandates[int64(r.deputy)].Covers(council.Day(r.day)) {
			ci.res.OutsideMandate++
			continue
		}
		r.faction = int32(roster.FactionAt(int64(r.deputy), council.Day(r.day)))
		if r.faction != 0 {
			key := council.EventFaction{Event: int64(r.event), Faction: int64(r.faction)}
			t := tallies[key]
			t.Add(council.Option(r.option))
			tallies[key] = t
		}
	}
	for i := range rows {
		r := &rows[i]
		line := tallies[council.EventFaction{Event: int64(r.event), Faction: int64(r.faction)}].Line()
		if r.faction != 0 && council.Option(r.option).Present() && line.Has() {
			r.dev = 0
			if council.Deviates(council.Option(r.option), line) {
				r.dev = 1
			}
		}
	}
	if err := insertVotes(ci, rows); err != nil {
		return err
	}
	if err := insertLines(ci, tallies); err != nil {
		return err
	}
	return ci.updateNamed(named)
}

func (ci *councilImport) updateNamed(named map[int32]int) error {
	stmt, err := ci.tx.PrepareContext(ci.ctx, `UPDATE council_events SET named = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for ev, n := range named {
		if _, err := stmt.ExecContext(ci.ctx, n, ev); err != nil {
			return err
		}
	}
	return nil
}

// voteBatch rows go into one INSERT: crossing from Go into SQLite once per
// row is what makes a naive import slow.
const voteBatch = 160

func insertVotes(ci *councilImport, rows []voteRow) error {
	return insertBatched(ci, "council_votes(deputy, day, event, option, faction, dev)", 6, len(rows),
		func(i int, args []any) []any {
			r := rows[i]
			var dev any
			if r.dev >= 0 {
				dev = int64(r.dev)
			}
			return append(args, int64(r.deputy), int64(r.day), int64(r.event), int64(r.option), int64(r.faction), dev)
		})
}

func insertLines(ci *councilImport, tallies map[council.EventFaction]council.Tally) error {
	keys := make([]council.EventFaction, 0, len(tallies))
	for k := range tallies {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].Event < keys[j].Event || keys[i].Event == keys[j].Event && keys[i].Faction < keys[j].Faction
	})
	return insertBatched(ci, "council_lines(event, faction, present, support, line)", 5, len(keys),
		func(i int, args []any) []any {
			t := tallies[keys[i]]
			return append(args, keys[i].Event, keys[i].Faction, int64(t.Present), int64(t.Support), int64(t.Line()))
		})
}

// insertBatched inserts n rows of cols values, voteBatch rows per statement.
func insertBatched(ci *councilImport, table string, cols, n int, row func(i int, args []any) []any) error {
	one := "(?" + strings.Repeat(",?", cols-1) + ")"
	prepared := map[int]func(args []any) error{}
	args := make([]any, 0, voteBatch*cols)
	for start := 0; start < n; start += voteBatch {
		end := min(start+voteBatch, n)
		args = args[:0]
		for i := start; i < end; i++ {
			args = row(i, args)
		}
		exec, ok := prepared[end-start]
		if !ok {
			stmt, err := ci.tx.PrepareContext(ci.ctx, "INSERT INTO "+table+" VALUES "+
				one+strings.Repeat(","+one, end-start-1))
			if err != nil {
				return err
			}
			defer stmt.Close()
			exec = func(args []any) error { _, err := stmt.ExecContext(ci.ctx, args...); return err }
			prepared[end-start] = exec
		}
		if err := exec(args); err != nil {
			return err
		}
	}
	return nil
}
