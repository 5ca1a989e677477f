package store

import (
	"context"
	"database/sql"
	"sort"

	"github.com/transparentcities/nazar/business"
)

// KeepHours tells whether to keep a business by the text of its opening
// hours: the "open now" filter, which parses hours in Go (package hours),
// so the lists that use it page here. It must depend on the text alone:
// the section and near-me lists ask about each distinct text once.
type KeepHours func(hours string) bool

// keptPage (search's open filter, in ranking order) reads briefs in the rows' order, keeps those keep accepts and
// returns the page [offset, offset+limit) of them and how many were kept.
// One pass over the candidates: filtering in SQL by the hours texts found
// open (json_each) measured twice as slow, for it reads the rows twice.
func keptPage(rows *sql.Rows, keep KeepHours, offset, limit int) ([]business.Brief, int, error) {
	defer rows.Close()
	var page []business.Brief
	total := 0
	for rows.Next() {
		var b business.Brief
		if err := rows.Scan(&b.ID, &b.Name, &b.Address, &b.KVED, &b.Hours); err != nil {
			return nil, 0, err
		}
		if !keep(b.Hours) {
			continue
		}
		if total >= offset && len(page) < limit {
			page = append(page, b)
		}
		total++
	}
	return page, total, rows.Err()
}

// SearchBusinessesKept is SearchBusinesses over the businesses keep accepts.
func (s *Store) SearchBusinessesKept(ctx context.Context, match string, keep KeepHours, offset, limit int) ([]business.Brief, int, error) {
	if match == "" {
		return nil, 0, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT b.id, b.name, b.address, b.kved, b.hours
		FROM (SELECT rowid, bm25(business_fts, 10.0, 1.0) AS score FROM business_fts WHERE business_fts MATCH ?) AS f
		JOIN businesses b ON b.id = f.rowid WHERE b.hours <> '' ORDER BY f.score, b.name`, match)
	if err != nil {
		return nil, 0, err
	}
	return keptPage(rows, keep, offset, limit)
}

// BusinessListKept is BusinessList over the businesses keep accepts. It
// filters the open-hours index in memory (store/business_open_index.go) and
// reads only the page's rows.
func (s *Store) BusinessListKept(ctx context.Context, f business.Filter, keep KeepHours, offset, limit int) ([]business.Brief, int, error) {
	from, to, ok := divisionRange(f)
	if !ok {
		return nil, 0, nil
	}
	idx, err := s.openIndex(ctx)
	if err != nil {
		return nil, 0, err
	}
	texts := newOpenTexts(idx, keep)
	var ids []int64
	total := 0
	for _, e := range idx.byName {
		if e.division < from || e.division > to || !texts.kept(e.text) {
			continue
		}
		if total >= offset && len(ids) < limit {
			ids = append(ids, e.id)
		}
		total++
	}
	if len(ids) == 0 {
		return nil, total, nil
	}
	page, err := s.briefsInOrder(ctx, ids)
	return page, total, err
}

// BusinessesNearKept lists the businesses keep accepts within radiusM
// metres of a point, nearest first, at most limit: every business in the
// circle is a candidate (the nearest open one may lie past many closed
// ones), checked in the open-hours index from the nearest until limit are
// kept; only those are read.
func (s *Store) BusinessesNearKept(ctx context.Context, lat, lon, radiusM float64, limit int, keep KeepHours) ([]business.Brief, error) {
	hits, err := s.nearHits(ctx, lat, lon, radiusM)
	if err != nil {
		return nil, err
	}
	sort.Slice(hits, func(i, j int) bool {
		return hits[i].d < hits[j].d || (hits[i].d == hits[j].d && hits[i].id < hits[j].id)
	})
	idx, err := s.openIndex(ctx)
	if err != nil {
		return nil, err
	}
	texts := newOpenTexts(idx, keep)
	var ids []int64
	distance := map[int64]float64{}
	for _, h := range hits {
		if len(ids) >= limit {
			break
		}
		if t := idx.text(h.id); t >= 0 && texts.kept(t) {
			ids = append(ids, h.id)
			distance[h.id] = h.d
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	out, err := s.briefsInOrder(ctx, ids)
	for i := range out {
		out[i].DistanceM = distance[out[i].ID]
	}
	return out, err
}
