package store

import (
	"context"
	"sync"

	"github.com/transparentcities/nazar/council"
)

// deputyNames is every deputy's brief and name key, in the Ukrainian
// alphabet, as of one council import. Deputy search matches every name in
// Go (substrings of Cyrillic and Latin keys, which no SQL index serves);
// reading and sorting 450 deputies anew at each search took most of its
// time, and the list only changes with an import, which adds a
// council_imports row — also when it runs in another process — so every
// search reads the latest import's id (one index read) and rereads the list
// when it moved.
type deputyNames struct {
	mu      sync.Mutex
	version int64                 // council import id
	briefs  []council.DeputyBrief // nil: not read yet
	keys    []string              // council.NameKey of briefs[i]
}

// deputyList is the deputies and their name keys as of the latest import.
func (s *Store) deputyList(ctx context.Context) ([]council.DeputyBrief, []string, error) {
	version, err := s.CouncilVersion(ctx)
	if err != nil {
		return nil, nil, err
	}
	n := &s.deputies
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.briefs != nil && n.version == version {
		return n.briefs, n.keys, nil
	}
	briefs, keys, err := s.readDeputyNames(ctx)
	if err != nil {
		return nil, nil, err
	}
	// version was read first, so the list is never older than version.
	n.version, n.briefs, n.keys = version, briefs, keys
	return briefs, keys, nil
}

// readDeputyNames reads every deputy, sorted in the Ukrainian alphabet.
func (s *Store) readDeputyNames(ctx context.Context) ([]council.DeputyBrief, []string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.full_name, d.name_key, coalesce(f.name, '')
		FROM council_deputies d LEFT JOIN council_factions f ON f.id = d.faction ORDER BY d.full_name, d.id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	type named struct {
		b   council.DeputyBrief
		key string
	}
	var all []named
	for rows.Next() {
		var d named
		if err := rows.Scan(&d.b.ID, &d.b.FullName, &d.key, &d.b.Faction); err != nil {
			return nil, nil, err
		}
		all = append(all, d)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	briefs := make([]council.DeputyBrief, len(all))
	for i := range all {
		briefs[i] = all[i].b
	}
	keyOf := make(map[int64]string, len(all))
	for _, d := range all {
		keyOf[d.b.ID] = d.key
	}
	sortBriefs(briefs)
	keys := make([]string, len(briefs))
	for i, b := range briefs {
		keys[i] = keyOf[b.ID]
	}
	return briefs, keys, nil
}

// SearchDeputies finds deputies whose name contains every word of q, in
// Cyrillic or Latin, in the Ukrainian alphabet, with the rule the council
// package's tests check (council.NameQuery.Matches).
func (s *Store) SearchDeputies(ctx context.Context, q council.NameQuery) ([]council.DeputyBrief, error) {
	briefs, keys, err := s.deputyList(ctx)
	if err != nil {
		return nil, err
	}
	var out []council.DeputyBrief
	for i, key := range keys {
		if q.Matches(key) {
			out = append(out, briefs[i])
		}
	}
	return out, nil
}
