package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"

	"github.com/transparentcities/nazar/business"
)

const businessCols = `id, uid, edrpou, name, kind, kved, section, division, address, lat, lon, phone, website,
	email, hours, description, updated_on`

func scanBusiness(sc interface{ Scan(...any) error }) (business.Record, error) {
	var b business.Record
	var lat, lon sql.NullFloat64
	err := sc.Scan(&b.ID, &b.UID, &b.EDRPOU, &b.Name, &b.Kind, &b.KVED, &b.Section, &b.Division, &b.Address,
		&lat, &lon, &b.Phone, &b.Website, &b.Email, &b.Hours, &b.Description, &b.Updated)
	b.HasPoint, b.Lat, b.Lon = lat.Valid && lon.Valid, lat.Float64, lon.Float64
	return b, err
}

// BusinessByID is one business; found is false when it is gone.
func (s *Store) BusinessByID(ctx context.Context, id int64) (business.Record, bool, error) {
	b, err := scanBusiness(s.db.QueryRowContext(ctx, `SELECT `+businessCols+` FROM businesses WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return business.Record{}, false, nil
	}
	return b, err == nil, err
}

// BusinessesByEDRPOU lists the records with an EDRPOU code (a legal entity
// and its separate units may share one), by name.
func (s *Store) BusinessesByEDRPOU(ctx context.Context, code string) ([]business.Record, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+businessCols+` FROM businesses WHERE edrpou = ? AND edrpou <> ''
		ORDER BY name, id LIMIT 20`, code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []business.Record
	for rows.Next() {
		b, err := scanBusiness(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

func scanBriefs(rows *sql.Rows) ([]business.Brief, error) {
	defer rows.Close()
	var out []business.Brief
	for rows.Next() {
		var b business.Brief
		if err := rows.Scan(&b.ID, &b.Name, &b.Address, &b.KVED, &b.Hours); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// BusinessesNear lists the businesses within radiusM metres of a point,
// nearest first, at most limit. The R*Tree is asked for the bounding box of
// a small circle first, doubled until it holds limit businesses or reaches
// radiusM: when a circle of radius r holds limit businesses, nobody outside
// it can be nearer, so a dense centre reads a few dozen index entries, not
// the thousands within the full radius. Where to start is counted in SQLite
// (nearStart): the rows read into Go, each a step across cgo, are then
// about limit to 4 × limit.
func (s *Store) BusinessesNear(ctx context.Context, lat, lon, radiusM float64, limit int) ([]business.Brief, error) {
	r, err := s.nearStart(ctx, lat, lon, radiusM, limit)
	if err != nil {
		return nil, err
	}
	var hits []nearHit
	for ; ; r = min(2*r, radiusM) {
		if hits, err = s.nearHits(ctx, lat, lon, r); err != nil {
			return nil, err
		}
		if len(hits) >= limit || r >= radiusM {
			break
		}
	}
	return s.nearBriefs(ctx, nearestFirst(hits, limit))
}

// nearSteps is how many halvings of the radius nearStart tries (2 km: down
// to 62.5 m).
const nearSteps = 5

// nearStart is the smallest radiusM/2^k (k ≤ nearSteps) whose bounding box
// holds at least limit businesses, or radiusM. The counts stop at limit
// entries, so a dense box costs no more than a sparse one.
func (s *Store) nearStart(ctx context.Context, lat, lon, radiusM float64, limit int) (float64, error) {
	count, err := s.prepared(ctx, `SELECT count(*) FROM (SELECT 1 FROM business_geo
		WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ? LIMIT ?)`)
	if err != nil {
		return 0, err
	}
	for r := radiusM / (1 << nearSteps); r < radiusM; r *= 2 {
		box := business.BoundingBox(lat, lon, r)
		var n int
		if err := count.QueryRowContext(ctx, box.MinLat, box.MaxLat, box.MinLon, box.MaxLon, limit).Scan(&n); err != nil {
			return 0, err
		}
		if n >= limit {
			return r, nil
		}
	}
	return radiusM, nil
}

// nearestFirst sorts hits nearest first (ties by id) and keeps limit of them.
func nearestFirst(hits []nearHit, limit int) []nearHit {
	sort.Slice(hits, func(i, j int) bool {
		return hits[i].d < hits[j].d || (hits[i].d == hits[j].d && hits[i].id < hits[j].id)
	})
	return hits[:min(len(hits), limit)]
}

// nearBriefs returns the hits' businesses in the hits' order, with their
// distances.
func (s *Store) nearBriefs(ctx context.Context, hits []nearHit) ([]business.Brief, error) {
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.id
	}
	out, err := s.briefsInOrder(ctx, ids) // without any business deleted since the tree was read
	for i, j := 0, 0; i < len(out); i, j = i+1, j+1 {
		for out[i].ID != hits[j].id {
			j++
		}
		out[i].DistanceM = hits[j].d
	}
	return out, err
}

// briefsInOrder reads the businesses of ids in one statement (not one per
// id: each statement is prepared, run and crossed into C anew) and returns
// them in the order of ids, leaving out any that are gone.
func (s *Store) briefsInOrder(ctx context.Context, ids []int64) ([]business.Brief, error) {
	if len(ids) == 0 {
		return []business.Brief{}, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	read, err := s.prepared(ctx, `SELECT id, name, address, kved, hours FROM businesses WHERE id IN (?`+
		strings.Repeat(", ?", len(ids)-1)+`)`)
	if err != nil {
		return nil, err
	}
	rows, err := read.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	found, err := scanBriefs(rows)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]business.Brief, len(found))
	for _, b := range found {
		byID[b.ID] = b
	}
	out := make([]business.Brief, 0, len(ids))
	for _, id := range ids {
		if b, ok := byID[id]; ok {
			out = append(out, b)
		}
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
	read, err := s.prepared(ctx, `SELECT id, lat, lon FROM business_geo
		WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?`)
	if err != nil {
		return nil, err
	}
	rows, err := read.QueryContext(ctx, box.MinLat, box.MaxLat, box.MinLon, box.MaxLon)
	if err != nil {
		return nil, err
	}
	return scanNear(rows, lat, lon, r)
}
