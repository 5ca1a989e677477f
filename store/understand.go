package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/transparentcities/nazar/business"
)

// MaxMisses bounds how many distinct phrasings are kept: a flood of
// random text must not grow the database without end. Known phrasings are
// still counted when the table is full.
const MaxMisses = 5000

// Miss is a phrasing the bot did not understand, with how often it came.
type Miss struct {
	Phrase   string
	Count    int
	LastSeen time.Time
}

// RecordMiss counts one more occurrence of an (already anonymised) phrasing.
func (s *Store) RecordMiss(ctx context.Context, phrase string, at time.Time) error {
	if phrase == "" {
		return nil
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO understand_misses(phrase, count, first_seen, last_seen)
		SELECT ?, 1, ?, ? WHERE (SELECT count(*) FROM understand_misses) < ?
		   OR EXISTS (SELECT 1 FROM understand_misses WHERE phrase = ?)
		ON CONFLICT(phrase) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen`,
		phrase, unix(at), unix(at), MaxMisses, phrase)
	return err
}

// Misses lists the most frequent phrasings not understood, and how many
// distinct ones there are.
func (s *Store) Misses(ctx context.Context, limit int) ([]Miss, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM understand_misses`).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT phrase, count, last_seen FROM understand_misses
		ORDER BY count DESC, last_seen DESC LIMIT ?`, limit)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Miss
	for rows.Next() {
		var m Miss
		var last int64
		if err := rows.Scan(&m.Phrase, &m.Count, &last); err != nil {
			return nil, 0, err
		}
		m.LastSeen = fromUnix(last)
		out = append(out, m)
	}
	return out, total, rows.Err()
}

// BusinessCategory picks the businesses of a category: their KVED class is
// one of KVED ("47.73", as the import stores it); a category without
// classes is found by Names (folded words of names, "aptek*" a prefix).
type BusinessCategory struct {
	KVED  []string
	Names []string
}

// match is an FTS5 query over names only: any of the words; a word ending
// in * is a prefix. Only letters and digits reach the quotes.
func (c BusinessCategory) match() string {
	var terms []string
	for _, n := range c.Names {
		prefix := strings.HasSuffix(n, "*")
		for _, t := range business.Terms(n, 1) {
			if prefix {
				terms = append(terms, `"`+t+`"*`)
			} else {
				terms = append(terms, `"`+t+`"`)
			}
		}
	}
	if len(terms) == 0 {
		return ""
	}
	return "name : (" + strings.Join(terms, " OR ") + ")"
}

// BusinessesOfCategory is one page of a category's businesses by name, and
// the total. Each class is read in name order through the (kved, name)
// index and the classes are merged here: sorting thousands of pharmacies
// for every page would cost tens of milliseconds.
func (s *Store) BusinessesOfCategory(ctx context.Context, c BusinessCategory, offset, limit int) ([]business.Brief, int, error) {
	if len(c.KVED) == 0 {
		return s.SearchBusinesses(ctx, c.match(), offset, limit)
	}
	var all []business.Brief
	total := 0
	for _, k := range c.KVED {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM businesses WHERE kved = ?`, k).Scan(&n); err != nil {
			return nil, 0, fmt.Errorf("category count: %w", err)
		}
		total += n
		rows, err := s.db.QueryContext(ctx, `SELECT id, name, address, kved, hours FROM businesses WHERE kved = ?
			ORDER BY name, id LIMIT ?`, k, offset+limit)
		if err != nil {
			return nil, 0, err
		}
		part, err := scanBriefs(rows)
		if err != nil {
			return nil, 0, err
		}
		all = append(all, part...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		return all[i].Name < all[j].Name || (all[i].Name == all[j].Name && all[i].ID < all[j].ID)
	})
	if offset >= len(all) {
		return nil, total, nil
	}
	return all[offset:min(offset+limit, len(all))], total, nil
}

// BusinessesNearOfCategory lists a category's businesses within radiusM
// metres of a point, nearest first, at most limit; like BusinessesNear it
// widens a small circle until it holds limit of them.
func (s *Store) BusinessesNearOfCategory(ctx context.Context, lat, lon, radiusM float64, limit int,
	c BusinessCategory) ([]business.Brief, error) {
	cond, args := `b.kved IN (?`+strings.Repeat(`, ?`, max(len(c.KVED)-1, 0))+`)`, []any{}
	for _, k := range c.KVED {
		args = append(args, k)
	}
	if len(c.KVED) == 0 {
		cond, args = `g.id IN (SELECT rowid FROM business_fts WHERE business_fts MATCH ?)`, []any{c.match()}
	}
	var hits []nearHit
	for r := min(radiusM, 500); ; r = min(2*r, radiusM) {
		box := business.BoundingBox(lat, lon, r)
		// CROSS JOIN keeps the R*Tree outside: driven by the kved index
		// SQLite would visit every pharmacy of the city for each circle.
		rows, err := s.db.QueryContext(ctx, `SELECT g.id, g.lat, g.lon FROM business_geo g CROSS JOIN businesses b ON b.id = g.id
			WHERE g.max_lat >= ? AND g.min_lat <= ? AND g.max_lon >= ? AND g.min_lon <= ? AND `+cond,
			append([]any{box.MinLat, box.MaxLat, box.MinLon, box.MaxLon}, args...)...)
		if err != nil {
			return nil, err
		}
		if hits, err = scanNear(rows, lat, lon, r); err != nil {
			return nil, err
		}
		if len(hits) >= limit || r >= radiusM {
			break
		}
	}
	return s.nearBriefs(ctx, nearestFirst(hits, limit))
}

// scanNear reads id, lat, lon rows and keeps those within r metres.
func scanNear(rows *sql.Rows, lat, lon, r float64) ([]nearHit, error) {
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

// UnderstandNames are the names the understanding layer knows: every
// deputy's full name with their id, and every business name.
func (s *Store) UnderstandNames(ctx context.Context) (deputies map[int64]string, businesses []string, err error) {
	deputies = map[int64]string{}
	rows, err := s.db.QueryContext(ctx, `SELECT id, full_name FROM council_deputies ORDER BY id`)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, nil, err
		}
		deputies[id] = name
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT name FROM businesses`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, nil, err
		}
		businesses = append(businesses, name)
	}
	return deputies, businesses, rows.Err()
}

// UnderstandNamesVersion changes whenever the names UnderstandNames returns
// may have changed (an import added, removed or renamed a deputy or a
// business); it is cheap enough to ask every half minute.
func (s *Store) UnderstandNamesVersion(ctx context.Context) (string, error) {
	var dep, biz string
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(length(full_name)), 0) FROM council_deputies),
		(SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(length(name)), 0) FROM businesses)`).
		Scan(&dep, &biz)
	return dep + "/" + biz, err
}
