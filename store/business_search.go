package store

import (
	"context"
	"sort"
	"sync"

	"github.com/transparentcities/nazar/business"
)

// searchTop is how many of a query's best matches the search cache keeps:
// 25 pages of 8, further than anyone pages. Pages past it are ranked anew.
const searchTop = 200

// searchCacheSize bounds the cached queries (≤ 512 × 200 ids and scores,
// 1.6 MB at most).
const searchCacheSize = 512

// searchCache keeps, per FTS5 match expression, the total and the best
// searchTop matches with their scores, as of one business data version.
// Ranking is the whole cost of a search (FTS5's bm25 scores every match:
// 4–6 ms for a word that 7,000 of 100,000 businesses hold); residents ask
// the same few things over and over ("аптека", "банк"), and the directory
// only changes with an import, which raises data_versions — also when it
// runs in another process, so every search reads the version (one
// primary-key read) and a changed version empties the cache.
type searchCache struct {
	off     bool // Options.NoSearchCache
	mu      sync.Mutex
	version int64
	entries map[string]*rankedMatches
}

type rankedMatches struct {
	total  int
	ids    []int64
	scores []float64
}

// get is the entry for match at version, if cached.
func (c *searchCache) get(match string, version int64) *rankedMatches {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		return nil
	}
	return c.entries[match]
}

// put caches r for match. version was read before r was ranked, so r is
// never older than version; a newer import raises the version the next
// search reads and the entry is dropped.
func (c *searchCache) put(match string, version int64, r *rankedMatches) {
	if c.off {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version || c.entries == nil {
		c.version, c.entries = version, make(map[string]*rankedMatches)
	}
	if len(c.entries) >= searchCacheSize {
		for k := range c.entries { // a random entry: Go maps iterate in random order
			delete(c.entries, k)
			break
		}
	}
	c.entries[match] = r
}

// rankMatches counts match's businesses and ranks the best searchTop of
// them: bm25 with a name match weighing ten times a description match, ties
// by id so that pages never overlap.
//
// Two statements, because both are cheaper apart: counting the matches does
// not score them, and ORDER BY bm25(…) LIMIT keeps only the best while
// FTS5's own ORDER BY rank sorts every match (a third slower for a common
// word) and cannot share its pass with a window count.
func (s *Store) rankMatches(ctx context.Context, match string) (*rankedMatches, error) {
	r := &rankedMatches{}
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM business_fts WHERE business_fts MATCH ?`, match).Scan(&r.total)
	if err != nil || r.total == 0 {
		return r, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT rowid, bm25(business_fts, 10.0, 1.0) AS score FROM business_fts
		WHERE business_fts MATCH ? ORDER BY score, rowid LIMIT ?`, match, searchTop)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	r.ids, r.scores = make([]int64, 0, min(r.total, searchTop)), make([]float64, 0, min(r.total, searchTop))
	for rows.Next() {
		var id int64
		var score float64
		if err := rows.Scan(&id, &score); err != nil {
			return nil, err
		}
		r.ids, r.scores = append(r.ids, id), append(r.scores, score)
	}
	return r, rows.Err()
}

// SearchBusinesses runs an FTS5 match (built by business.MatchQuery, never
// raw user text), best first: bm25 with the name weighted ten times the
// description, equal scores by name within a page. It returns one page and
// the total. The ranking comes from the search cache when the directory
// has not changed since the same match was last ranked.
func (s *Store) SearchBusinesses(ctx context.Context, match string, offset, limit int) ([]business.Brief, int, error) {
	if match == "" {
		return nil, 0, nil
	}
	version, err := s.BusinessesVersion(ctx)
	if err != nil {
		return nil, 0, err
	}
	r := s.search.get(match, version)
	if r == nil {
		if r, err = s.rankMatches(ctx, match); err != nil {
			return nil, 0, err
		}
		s.search.put(match, version, r)
	}
	if offset >= r.total {
		return nil, r.total, nil
	}
	if offset+limit > len(r.ids) && len(r.ids) < r.total {
		page, err := s.searchPastTop(ctx, match, offset, limit)
		return page, r.total, err
	}
	end := min(offset+limit, len(r.ids))
	page, err := s.briefsInOrder(ctx, r.ids[offset:end])
	if err != nil {
		return nil, 0, err
	}
	scores := make(map[int64]float64, len(page))
	for i, id := range r.ids[offset:end] {
		scores[id] = r.scores[offset+i]
	}
	sort.SliceStable(page, func(i, j int) bool {
		si, sj := scores[page[i].ID], scores[page[j].ID]
		return si < sj || (si == sj && page[i].Name < page[j].Name)
	})
	return page, r.total, nil
}

// searchPastTop ranks a page beyond the cached best (rarely asked for).
func (s *Store) searchPastTop(ctx context.Context, match string, offset, limit int) ([]business.Brief, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT b.id, b.name, b.address, b.kved, b.hours
		FROM (SELECT rowid, bm25(business_fts, 10.0, 1.0) AS score FROM business_fts WHERE business_fts MATCH ?
			ORDER BY score, rowid LIMIT ? OFFSET ?) AS f
		JOIN businesses b ON b.id = f.rowid ORDER BY f.score, b.name`, match, limit, offset)
	if err != nil {
		return nil, err
	}
	return scanBriefs(rows)
}
