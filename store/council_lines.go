package store

import (
	"fmt"

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
// stored rows it replaces and returns this import's rows (imp) and the
// (deputy, event) pairs that had a stored row (old), for freshVotes.
func (ci *councilImport) collectVotes(full bool) (rows, imp []voteRow, old map[uint64]bool, err error) {
	imp = ci.importVotes()
	mine := importEvents(imp)
	ci.listed = mine
	old = map[uint64]bool{}
	var kept []voteRow
	if full {
		kept, err = ci.takeAllVotes(mine, old)
	} else {
		err = ci.takeEventVotes(mine, old)
	}
	if err != nil {
		return nil, nil, nil, err
	}
	if len(kept) == 0 {
		return imp, imp, old, nil // a million rows not copied
	}
	return append(kept, imp...), imp, old, nil
}

// newVotes is what a follow push tells of a deputy's new rows: how many,
// and the newest event among them (by day, then id: the order of votes
// within a day).
type newVotes struct {
	n         int
	day, last int32
}

// freshVotes returns, per deputy with rows that were not stored before
// (see collectVotes), what their follow push tells. The import asks once
// its rows are written: a large import's named lists are then on their way
// to the database meanwhile, and this pass over a million rows is not in
// their way.
func (ci *councilImport) freshVotes(imp []voteRow, old map[uint64]bool) map[int32]*newVotes {
	fresh := map[int32]*newVotes{}
	for _, r := range imp {
		if old[pairKey(r.deputy, r.event)] {
			continue
		}
		ci.res.NewVotes++
		nv := fresh[r.deputy]
		if nv == nil {
			nv = &newVotes{day: r.day, last: r.event}
			fresh[r.deputy] = nv
		}
		nv.n++
		if r.day > nv.day || r.day == nv.day && r.event > nv.last {
			nv.day, nv.last = r.day, r.event
		}
	}
	return fresh
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
// writes the rows, the lines and the events' named-list sizes. It returns
// the rows in key order.
func (ci *councilImport) computeAndWrite(rows []voteRow, namedAtInsert bool) ([]voteRow, error) {
	roster, mandates, err := ci.s.councilRoster(ci.ctx, ci.tx)
	if err != nil {
		return nil, err
	}
	tallies := newTallies(rows)
	named := namedSizes(rows)
	for i := range rows {
		r := &rows[i]
		if !mandates[int64(r.deputy)].Covers(council.Day(r.day)) {
			ci.res.OutsideMandate++
			continue
		}
		r.faction = int32(roster.FactionAt(int64(r.deputy), council.Day(r.day)))
		if r.faction != 0 {
			tallies.add(r.event, r.faction, council.Option(r.option))
		}
	}
	for i := range rows {
		r := &rows[i]
		line := tallies.line(r.event, r.faction)
		if r.faction != 0 && council.Option(r.option).Present() && line.Has() {
			r.dev = 0
			if council.Deviates(council.Option(r.option), line) {
				r.dev = 1
			}
		}
	}
	// In key order every row lands at the end of its deputy's range: pages
	// fill up instead of splitting, which halves the time and the file.
	rows = sortByKey(rows)
	write := func(rows []voteRow) error { return insertVotes(ci, rows) }
	if ci.staged {
		write = ci.stage
	}
	if err := write(rows); err != nil {
		return nil, err
	}
	if err := insertLines(ci, tallies); err != nil {
		return nil, err
	}
	return rows, ci.updateNamed(named, namedAtInsert)
}

// namedSizes counts the rows of each event. Rows come mostly event by event:
// one map update per run of an event's rows instead of one per row.
func namedSizes(rows []voteRow) map[int32]int {
	named := map[int32]int{}
	for start := 0; start < len(rows); {
		end := start + 1
		for end < len(rows) && rows[end].event == rows[start].event {
			end++
		}
		named[rows[start].event] += end - start
		start = end
	}
	return named
}
