package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"

	"github.com/transparentcities/nazar/business"
)

// Business is one record of the directory (SPEC §6, §8 businesses).
type Business struct {
	ID                   int64
	UID, EDRPOU          string
	Name, Kind, KVED     string
	Section, Division    string
	Address              string
	HasPoint             bool
	Lat, Lon             float64
	Phone, Website       string
	Email, Hours         string
	Description, Updated string // Updated: ISO date
}

// BusinessBrief is a line of a list: enough for a button and a distance.
type BusinessBrief struct {
	ID        int64
	Name      string
	Address   string
	KVED      string
	Hours     string
	DistanceM float64 // set by BusinessesNear
}

const businessCols = `id, uid, edrpou, name, kind, kved, section, division, address, lat, lon, phone, website,
	email, hours, description, updated_on`

func scanBusiness(sc interface{ Scan(...any) error }) (Business, error) {
	var b Business
	var lat, lon sql.NullFloat64
	err := sc.Scan(&b.ID, &b.UID, &b.EDRPOU, &b.Name, &b.Kind, &b.KVED, &b.Section, &b.Division, &b.Address,
		&lat, &lon, &b.Phone, &b.Website, &b.Email, &b.Hours, &b.Description, &b.Updated)
	b.HasPoint, b.Lat, b.Lon = lat.Valid && lon.Valid, lat.Float64, lon.Float64
	return b, err
}

// BusinessByID is one business; found is false when it is gone.
func (s *Store) BusinessByID(ctx context.Context, id int64) (Business, bool, error) {
	b, err := scanBusiness(s.db.QueryRowContext(ctx, `SELECT `+businessCols+` FROM businesses WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Business{}, false, nil
	}
	return b, err == nil, err
}

// BusinessesByEDRPOU lists the records with an EDRPOU code (a legal entity
// and its separate units may share one), by name.
func (s *Store) BusinessesByEDRPOU(ctx context.Context, code string) ([]Business, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+businessCols+` FROM businesses WHERE edrpou = ? AND edrpou <> ''
		ORDER BY name, id LIMIT 20`, code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Business
	for rows.Next() {
		b, err := scanBusiness(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

func scanBriefs(rows *sql.Rows) ([]BusinessBrief, error) {
	defer rows.Close()
	var out []BusinessBrief
	for rows.Next() {
		var b BusinessBrief
		if err := rows.Scan(&b.ID, &b.Name, &b.Address, &b.KVED, &b.Hours); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// SearchBusinesses runs an FTS5 match (built by business.MatchQuery, never
// raw user text), best first: bm25 with the name weighted ten times the
// description. It returns one page and the total.
//
// Two statements, because both are cheaper apart: counting the matches does
// not score them, and ORDER BY bm25(…) LIMIT keeps only the best page while
// FTS5's own ORDER BY rank sorts every match (a third slower for a common
// word) and cannot share its pass with a window count.
func (s *Store) SearchBusinesses(ctx context.Context, match string, offset, limit int) ([]BusinessBrief, int, error) {
	if match == "" {
		return nil, 0, nil
	}
	var total int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM business_fts WHERE business_fts MATCH ?`, match).Scan(&total)
	if err != nil || offset >= total {
		return nil, total, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT b.id, b.name, b.address, b.kved, b.hours
		FROM (SELECT rowid, bm25(business_fts, 10.0, 1.0) AS score FROM business_fts WHERE business_fts MATCH ?
			ORDER BY score LIMIT ? OFFSET ?) AS f
		JOIN businesses b ON b.id = f.rowid ORDER BY f.score, b.name`, match, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	page, err := scanBriefs(rows)
	return page, total, err
}

// BusinessesNear lists the businesses within radiusM metres of a point,
// nearest first, at most limit. The R*Tree is asked for the bounding box of
// a small circle first, doubled until it holds limit businesses or reaches
// radiusM: when a circle of radius r holds limit businesses, nobody outside
// it can be nearer, so a dense centre reads a few dozen index entries, not
// the thousands within the full radius.
func (s *Store) BusinessesNear(ctx context.Context, lat, lon, radiusM float64, limit int) ([]BusinessBrief, error) {
	var hits []nearHit
	for r := min(radiusM, 250); ; r = min(2*r, radiusM) {
		var err error
		if hits, err = s.nearHits(ctx, lat, lon, r); err != nil {
			return nil, err
		}
		if len(hits) >= limit || r >= radiusM {
			break
		}
	}
	return s.nearBriefs(ctx, nearestFirst(hits, limit))
}

// nearestFirst sorts hits nearest first (ties by id) and keeps limit of them.
func nearestFirst(hits []nearHit, limit int) []nearHit {
	sort.Slice(hits, func(i, j int) bool {
		return hits[i].d < hits[j].d || (hits[i].d == hits[j].d && hits[i].id < hits[j].id)
	})
	return hits[:min(len(hits), limit)]
}

// nearBriefs reads the hits' businesses in one statement (not one per hit:
// each statement is prepared, run and crossed into C anew) and returns them
// in the hits' order, with their distances.
func (s *Store) nearBriefs(ctx context.Context, hits []nearHit) ([]BusinessBrief, error) {
	if len(hits) == 0 {
		return []BusinessBrief{}, nil
	}
	args := make([]any, len(hits))
	for i, h := range hits {
		args[i] = h.id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, address, kved, hours FROM businesses WHERE id IN (?`+
		strings.Repeat(", ?", len(hits)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	found, err := scanBriefs(rows)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]BusinessBrief, len(found))
	for _, b := range found {
		byID[b.ID] = b
	}
	out := make([]BusinessBrief, 0, len(hits))
	for _, h := range hits {
		b, ok := byID[h.id]
		if !ok {
			continue // deleted since the tree was read
		}
		b.DistanceM = h.d
		out = append(out, b)
	}
	return out, nil
}

type nearHit struct {
	id int64
	d  float64
}

// nearHits are the businesses within r metres, read through the R*Tree.
// The tree keeps 32-bit boxes (rounded outwards, so nothing is missed);
// distances use the exact point of its auxiliary columns.
func (s *Store) nearHits(ctx context.Context, lat, lon, r float64) ([]nearHit, error) {
	box := business.BoundingBox(lat, lon, r)
	rows, err := s.db.QueryContext(ctx, `SELECT id, lat, lon FROM business_geo
		WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?`,
		box.MinLat, box.MaxLat, box.MinLon, box.MaxLon)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []nearHit
	for rows.Next() {
		var h nearHit
		var plat, plon float64
		if err := rows.Scan(&h.id, &plat, &plon); err != nil {
			return nil, err
		}
		if h.d = business.Distance(lat, lon, plat, plon); h.d <= r {
			hits = append(hits, h)
		}
	}
	return hits, rows.Err()
}
