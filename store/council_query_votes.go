package store

import (
	"context"

	"github.com/transparentcities/nazar/council"
)

// DeputyVotes returns a page of a deputy's named-list rows, newest first,
// and how many rows there are. The order is the table's key order read
// backwards, so a page costs the same at any offset within reason.
func (s *Store) DeputyVotes(ctx context.Context, deputy int64, offset, limit int) ([]council.DeputyVote, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM council_votes WHERE deputy = ?`, deputy).
		Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT v.event, e.uid, e.at,
		CASE WHEN e.title <> '' THEN e.title ELSE (SELECT m.title FROM council_motions m WHERE m.id = e.motion) END,
		v.option, e.adopted, e.result, coalesce(v.dev, 0) FROM council_votes v JOIN council_events e ON e.id = v.event
		WHERE v.deputy = ? ORDER BY v.day DESC, v.event DESC LIMIT ? OFFSET ?`, deputy, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []council.DeputyVote
	for rows.Next() {
		var v council.DeputyVote
		var at int64
		if err := rows.Scan(&v.Event, &v.UID, &at, &v.Title, &v.Option, &v.Adopted, &v.Result, &v.Deviated); err != nil {
			return nil, 0, err
		}
		v.At = fromUnix(at)
		out = append(out, v)
	}
	return out, total, rows.Err()
}

func scanDrafts(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
}) ([]council.Draft, error) {
	var out []council.Draft
	for rows.Next() {
		var d council.Draft
		if err := rows.Scan(&d.ID, &d.UID, &d.Number, &d.Title, &d.Session, &d.Day); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

const draftColumns = `m.id, m.uid, m.number, m.title, coalesce(s.label, ''), coalesce(m.day, -1)
	FROM council_motions m LEFT JOIN council_sessions s ON s.id = m.session`

// DeputyDrafts lists the drafts a deputy tabled, newest first.
func (s *Store) DeputyDrafts(ctx context.Context, deputy int64, offset, limit int) ([]council.Draft, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM council_motions
		WHERE author = (SELECT voting_id FROM council_deputies WHERE id = ?)`, deputy).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+draftColumns+`
		WHERE m.author = (SELECT voting_id FROM council_deputies WHERE id = ?)
		ORDER BY coalesce(m.day, -1) DESC, m.id DESC LIMIT ? OFFSET ?`, deputy, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out, err := scanDrafts(rows)
	return out, total, err
}

// underReview selects agenda items with no final (or procedural) vote yet;
// amendments are not drafts of their own.
const underReview = `m.amendment = 0 AND NOT EXISTS
	(SELECT 1 FROM council_events e WHERE e.motion = m.id AND e.kind IN (0, 3))`

// DraftsUnderReview lists agenda items with no final vote yet, newest first.
func (s *Store) DraftsUnderReview(ctx context.Context, offset, limit int) ([]council.Draft, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM council_motions m WHERE `+underReview).
		Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+draftColumns+` WHERE `+underReview+`
		ORDER BY coalesce(m.day, -1) DESC, m.id DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out, err := scanDrafts(rows)
	return out, total, err
}

// CompareDeputies is the agreement of two deputies (SPEC §5.1): events
// within both mandates where both were present and their reduced votes
// were equal, of the events where both were present.
func (s *Store) CompareDeputies(ctx context.Context, a, b int64) (council.Ratio, error) {
	var r council.Ratio
	err := s.db.QueryRowContext(ctx, `SELECT count(*), count((va.option = 0) = (vb.option = 0) OR NULL) `+
		compareFrom+compareWhere, a, b).Scan(&r.Den, &r.Num)
	return r, err
}
