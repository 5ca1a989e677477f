package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/transparentcities/nazar/council"
)

// sessionsQuery reads a page of sessions newest first; the order comes
// from council_sessions_day (migration 0020), so only the page's sessions
// have their items and events counted.
const sessionsQuery = `SELECT s.id, s.label, s.day_from, s.day_until,
	(SELECT count(*) FROM council_motions m WHERE m.session = s.id),
	(SELECT count(*) FROM council_events e WHERE e.session = s.id)
	FROM council_sessions s ORDER BY s.day_from DESC, s.id DESC LIMIT ? OFFSET ?`

// CouncilSessions lists sessions, newest first, and how many there are.
func (s *Store) CouncilSessions(ctx context.Context, offset, limit int) ([]council.SessionBrief, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM council_sessions`).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, sessionsQuery, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []council.SessionBrief
	for rows.Next() {
		var b council.SessionBrief
		if err := rows.Scan(&b.ID, &b.Label, &b.Span.From, &b.Span.Until, &b.Items, &b.Events); err != nil {
			return nil, 0, err
		}
		out = append(out, b)
	}
	return out, total, rows.Err()
}

// CouncilSession returns one session.
func (s *Store) CouncilSession(ctx context.Context, id int64) (council.SessionBrief, bool, error) {
	var b council.SessionBrief
	err := s.db.QueryRowContext(ctx, `SELECT s.id, s.label, s.day_from, s.day_until,
		(SELECT count(*) FROM council_motions m WHERE m.session = s.id),
		(SELECT count(*) FROM council_events e WHERE e.session = s.id)
		FROM council_sessions s WHERE s.id = ?`, id).
		Scan(&b.ID, &b.Label, &b.Span.From, &b.Span.Until, &b.Items, &b.Events)
	if errors.Is(err, sql.ErrNoRows) {
		return b, false, nil
	}
	return b, err == nil, err
}

// SessionAgenda lists a session's agenda items in the order they were voted.
func (s *Store) SessionAgenda(ctx context.Context, session int64, offset, limit int) ([]council.AgendaItem, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM council_motions WHERE session = ?`, session).
		Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.uid, m.number, m.title,
		coalesce(m.day, (SELECT min(e.day) FROM council_events e WHERE e.motion = m.id), -1),
		(SELECT count(*) FROM council_events e WHERE e.motion = m.id),
		EXISTS (SELECT 1 FROM council_events e WHERE e.motion = m.id AND e.kind IN (0, 3)),
		coalesce((SELECT e.adopted FROM council_events e WHERE e.motion = m.id AND e.kind IN (0, 3)
			ORDER BY e.at DESC LIMIT 1), 0)
		FROM council_motions m WHERE m.session = ?
		ORDER BY coalesce((SELECT min(e.at) FROM council_events e WHERE e.motion = m.id), 1e18), m.id
		LIMIT ? OFFSET ?`, session, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []council.AgendaItem
	for rows.Next() {
		var it council.AgendaItem
		if err := rows.Scan(&it.ID, &it.UID, &it.Number, &it.Title, &it.Day, &it.Events, &it.Decided, &it.Adopted); err != nil {
			return nil, 0, err
		}
		out = append(out, it)
	}
	return out, total, rows.Err()
}

const eventColumns = `e.id, e.uid, e.title, e.classification, e.kind, e.result, e.adopted, e.at, e.day,
	e.h_for, e.h_against, e.h_abstain, e.h_not_voting, e.h_absent, e.mismatch, e.motion, m.number, m.title,
	coalesce(s.label, ''), e.session
	FROM council_events e JOIN council_motions m ON m.id = e.motion LEFT JOIN council_sessions s ON s.id = e.session`

func scanEvent(row interface{ Scan(...any) error }) (council.VoteEvent, error) {
	var e council.VoteEvent
	var at int64
	var h [5]sql.NullInt64
	err := row.Scan(&e.ID, &e.UID, &e.Title, &e.Classification, &e.Kind, &e.Result, &e.Adopted, &at, &e.Day,
		&h[0], &h[1], &h[2], &h[3], &h[4], &e.Mismatch, &e.Motion, &e.MotionNumber, &e.MotionTitle, &e.Session,
		&e.SessionID)
	e.At = fromUnix(at)
	if h[0].Valid {
		e.Header = &[5]int{}
		for i := range h {
			e.Header[i] = int(h[i].Int64)
		}
	}
	return e, err
}

// MotionEvents lists the vote events of an agenda item in order.
func (s *Store) MotionEvents(ctx context.Context, motion int64) ([]council.VoteEvent, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+eventColumns+` WHERE e.motion = ? ORDER BY e.at, e.id`, motion)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []council.VoteEvent
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Motion returns one agenda item as a Draft.
func (s *Store) Motion(ctx context.Context, id int64) (council.Draft, bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+draftColumns+` WHERE m.id = ?`, id)
	if err != nil {
		return council.Draft{}, false, err
	}
	defer rows.Close()
	out, err := scanDrafts(rows)
	if err != nil || len(out) == 0 {
		return council.Draft{}, false, err
	}
	return out[0], true, nil
}
