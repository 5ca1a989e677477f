package store

import (
	"github.com/transparentcities/nazar/business"
)
import "context"

// BusinessPoints lists every business with coordinates, by id (the Mini
// App's map keeps them in memory; 100,000 rows load in well under a second).
func (s *Store) BusinessPoints(ctx context.Context) ([]business.Point, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, lat, lon, section, hours FROM businesses
		WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []business.Point
	for rows.Next() {
		var p business.Point
		if err := rows.Scan(&p.ID, &p.Name, &p.Lat, &p.Lon, &p.Section, &p.Hours); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// BusinessMatchIDs are the ids of every business an FTS5 match (built by
// business.MatchQuery, as the chat's search builds it) finds, at most limit,
// best first.
func (s *Store) BusinessMatchIDs(ctx context.Context, match string, limit int) ([]int64, error) {
	if match == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM business_fts WHERE business_fts MATCH ?
		ORDER BY bm25(business_fts, 10.0, 1.0) LIMIT ?`, match, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
