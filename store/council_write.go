package store

import (
	"cmp"
	"slices"

	"github.com/transparentcities/nazar/council"
)

// sortByKey orders rows by (deputy, day, event). Rows arrive event by event
// in time order, so a stable bucket pass by deputy usually leaves nothing
// to sort within a bucket; a full sort would cost more than the insert.
func sortByKey(rows []voteRow) []voteRow {
	var maxDeputy int32
	for _, r := range rows {
		maxDeputy = max(maxDeputy, r.deputy)
	}
	start := make([]int, maxDeputy+2)
	for _, r := range rows {
		start[r.deputy+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	out := make([]voteRow, len(rows))
	next := append([]int(nil), start...)
	for _, r := range rows {
		out[next[r.deputy]] = r
		next[r.deputy]++
	}
	byKey := func(a, b voteRow) int { return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.event, b.event)) }
	for d := 0; d+1 < len(start); d++ {
		if bucket := out[start[d]:start[d+1]]; !slices.IsSortedFunc(bucket, byKey) {
			slices.SortFunc(bucket, byKey)
		}
	}
	return out
}

// updateNamed stores the size of each named list; events inserted by this
// import got theirs with the insert when the votes were known by then.
func (ci *councilImport) updateNamed(named map[int32]int, namedAtInsert bool) error {
	stmt, err := ci.tx.PrepareContext(ci.ctx, `UPDATE council_events SET named = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, ref := range ci.events {
		if !ref.existed && namedAtInsert {
			delete(named, int32(ref.id))
		}
	}
	for ev, n := range named {
		if _, err := stmt.ExecContext(ci.ctx, n, ev); err != nil {
			return err
		}
	}
	return nil
}

// insertVotes writes rows (in key order), voteBatch rows per statement.
func insertVotes(ci *councilImport, rows []voteRow) error {
	return insertBatched(ci, bulk{into: "council_votes(deputy, day, event, vote)", row: votePacked, cols: 2}, len(rows),
		func(i int, args []any) []any {
			deputyEvent, dayVote := packVote(rows[i])
			return append(args, deputyEvent, dayVote)
		})
}

// Each vote travels as two packed integers that SQLite unpacks: binding a
// value costs more than the shift that splits it, and votes are most of an
// import. The ids are positive int32s; day<<4 keeps the sign of a day
// before 1970 (SQLite's >> is arithmetic).
const votePacked = "(?%[1]d>>32, ?%[2]d>>4, ?%[1]d&4294967295, ?%[2]d&15)"

func packVote(r voteRow) (deputyEvent, dayVote int64) {
	vote := int64(r.option) + 5*int64(r.dev+1) // 0..14, see council_votes in the migration
	return int64(r.deputy)<<32 | int64(r.event), int64(r.day)<<4 | vote
}

func insertLines(ci *councilImport, t tallies) error {
	type line struct {
		event, faction int32
		t              council.Tally
	}
	var lines []line
	t.each(func(event, faction int32, t council.Tally) { lines = append(lines, line{event, faction, t}) })
	return insertBatched(ci, bulk{into: "council_lines(event, faction, present, support, line)", row: plainRow(5), cols: 5},
		len(lines),
		func(i int, args []any) []any {
			l := lines[i]
			return append(args, int64(l.event), int64(l.faction), int64(l.t.Present), int64(l.t.Support),
				int64(l.t.Line()))
		})
}

// markMismatches flags the events of this import whose published header
// counts disagree with their named list here (the named list is what counts).
func (ci *councilImport) markMismatches() error {
	counts := map[string]*[5]int{}
	var c *[5]int
	uid := ""
	for _, v := range ci.data.Votes {
		if c == nil || v.Event != uid { // named lists come event by event
			if uid, c = v.Event, counts[v.Event]; c == nil {
				c = &[5]int{}
				counts[uid] = c
			}
		}
		c[v.Option]++
	}
	for _, e := range ci.data.Events {
		c, ok := counts[e.UID]
		if !ok {
			continue
		}
		ref := ci.events[e.UID]
		bad := e.Header != nil && *e.Header != *c
		if bad {
			ci.res.Mismatches = append(ci.res.Mismatches, e.UID)
		}
		if bad || ref.existed {
			if err := ci.exec(`UPDATE council_events SET mismatch = ? WHERE id = ?`, bad, ref.id); err != nil {
				return err
			}
		}
	}
	return nil
}
