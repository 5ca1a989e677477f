package store

import (
	"sort"

	"github.com/transparentcities/nazar/council"
)

// upsertEvent writes one stored vote event again.
const upsertEvent = `INSERT INTO council_events(uid, motion, session, title, number,
	classification, kind, result, adopted, at, day, h_for, h_against, h_abstain, h_not_voting, h_absent,
	text_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT(uid) DO UPDATE SET motion = excluded.motion, session = excluded.session,
	title = excluded.title, number = excluded.number, classification = excluded.classification,
	kind = excluded.kind, result = excluded.result, adopted = excluded.adopted, at = excluded.at,
	day = excluded.day, h_for = excluded.h_for, h_against = excluded.h_against,
	h_abstain = excluded.h_abstain, h_not_voting = excluded.h_not_voting, h_absent = excluded.h_absent,
	text_url = excluded.text_url`

// upsertEvents writes the vote events: stored ones one by one, new ones in
// batches in the order they happened, so that within a sitting day a larger
// id is a later vote.
func (ci *councilImport) upsertEvents() error {
	if err := ci.loadEvents(); err != nil {
		return err
	}
	evs := append([]council.EventRow(nil), ci.data.Events...)
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].At.Before(evs[j].At) })
	stmt, err := ci.tx.PrepareContext(ci.ctx, upsertEvent)
	if err != nil {
		return err
	}
	defer stmt.Close()
	fresh := make([]council.EventRow, 0, len(evs)) // a first import's are all new: no copies while it grows
	for _, e := range evs {
		ref, existed := ci.events[e.UID]
		if !existed {
			fresh = append(fresh, e)
			continue
		}
		if _, err := stmt.ExecContext(ci.ctx, ci.eventArgs(e, nil)...); err != nil {
			return err
		}
		ci.events[e.UID] = eventRef{id: ref.id, day: e.Day, old: ref.day, existed: true}
	}
	named := namedLists(ci.data.Votes) // empty when the votes come later: updateNamed sets them
	if err := insertBatched(ci, bulk{into: eventInsert, row: plainRow(18), cols: 18}, len(fresh), func(i int, args []any) []any {
		return append(ci.eventArgs(fresh[i], args), int64(named[fresh[i].UID]))
	}); err != nil {
		return err
	}
	ci.res.Events, ci.res.NewEvents = len(evs), len(fresh)
	return ci.loadNewEvents(fresh)
}

// eventInsert is the table and columns of upsertEvent, for new events.
const eventInsert = `council_events(uid, motion, session, title, number, classification, kind, result, adopted,
	at, day, h_for, h_against, h_abstain, h_not_voting, h_absent, text_url, named)`

// namedLists counts the rows of each event's named list in votes.
func namedLists(votes []council.VoteRow) map[string]int {
	named := map[string]int{}
	uid, n := "", 0
	for _, v := range votes {
		if v.Event != uid { // named lists come event by event: one map write per event
			if n > 0 {
				named[uid] += n
			}
			uid, n = v.Event, 0
		}
		n++
	}
	if n > 0 {
		named[uid] += n
	}
	return named
}

func (ci *councilImport) eventArgs(e council.EventRow, args []any) []any {
	var h [5]any
	if e.Header != nil {
		for i, n := range e.Header {
			h[i] = int64(n)
		}
	}
	m := ci.motions[e.Motion]
	return append(args, e.UID, m.id, m.session, e.Title, e.Number, e.Classification, int64(e.Kind), e.Result,
		e.Adopted, e.At.Unix(), int64(e.Day), h[0], h[1], h[2], h[3], h[4], e.TextURL)
}

// loadNewEvents learns the ids of the events just inserted.
func (ci *councilImport) loadNewEvents(fresh []council.EventRow) error {
	if len(fresh) == 0 {
		return nil
	}
	days := make(map[string]council.Day, len(fresh))
	for _, e := range fresh {
		days[e.UID] = e.Day
	}
	rows, err := ci.tx.QueryContext(ci.ctx, `SELECT uid, id FROM council_events`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var uid string
		var id int64
		if err := rows.Scan(&uid, &id); err != nil {
			return err
		}
		if day, ok := days[uid]; ok {
			ci.events[uid] = eventRef{id: id, day: day, old: day}
		}
	}
	return rows.Err()
}

func (ci *councilImport) loadEvents() error {
	ci.events = map[string]eventRef{}
	rows, err := ci.tx.QueryContext(ci.ctx, `SELECT uid, id, day FROM council_events`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var uid string
		var r eventRef
		if err := rows.Scan(&uid, &r.id, &r.day); err != nil {
			return err
		}
		r.old, r.existed = r.day, true
		ci.events[uid] = r
	}
	return rows.Err()
}
