package store

import (
	"context"

	"github.com/transparentcities/nazar/council"
)

// compareFrom is the pairs of votes CompareDeputies counts: both deputies
// present, within both mandates.
const (
	compareFrom = `FROM council_deputies da JOIN council_deputies db ON db.id = ?2
	JOIN council_votes va ON va.deputy = da.id AND va.day BETWEEN da.mandate_from AND da.mandate_until
	JOIN council_votes vb ON vb.deputy = db.id AND vb.day = va.day AND vb.event = va.event `
	compareWhere = `WHERE da.id = ?1 AND va.option <> 4 AND vb.option <> 4 AND vb.day BETWEEN db.mandate_from AND db.mandate_until`
)

// DeputyDifferences returns a page of the roll calls where deputies a and b
// voted unlike, newest first, and how many there are: the votes behind the
// share missing from their agreement.
func (s *Store) DeputyDifferences(ctx context.Context, a, b int64, offset, limit int) ([]council.VoteDifference, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) `+compareFrom+compareWhere+` AND (va.option = 0) <> (vb.option = 0)`,
		a, b).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.uid, e.at,
		CASE WHEN e.title <> '' THEN e.title ELSE (SELECT m.title FROM council_motions m WHERE m.id = e.motion) END,
		va.option, vb.option, e.adopted `+compareFrom+`JOIN council_events e ON e.id = va.event `+compareWhere+` AND (va.option = 0) <> (vb.option = 0)
		ORDER BY va.day DESC, va.event DESC LIMIT ?3 OFFSET ?4`, a, b, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []council.VoteDifference
	for rows.Next() {
		var d council.VoteDifference
		var at int64
		var title *string
		if err := rows.Scan(&d.Event, &d.UID, &at, &title, &d.A, &d.B, &d.Passed); err != nil {
			return nil, 0, err
		}
		if title != nil {
			d.Title = *title
		}
		d.At = fromUnix(at)
		out = append(out, d)
	}
	return out, total, rows.Err()
}
