package store

import (
	"context"
	"slices"
	"sync"

	"github.com/transparentcities/nazar/council"
)

// deputiesCache holds CouncilDeputies as of one council import. The
// leaderboards read every deputy's row (22 columns) and sort the names on
// each tap, and only an import changes them; CouncilVersion, one read of a
// key, tells whether one ran since, in this process or in `nazar import`.
type deputiesCache struct {
	mu      sync.Mutex
	loaded  bool
	version int64
	list    []council.Deputy
}

// councilDeputies returns the cached list while version is current, else
// loads and keeps it. The version is read before the rows: rows newer than
// it are cached under the older version and read again at the next call.
func (s *Store) councilDeputies(ctx context.Context, load func(context.Context) ([]council.Deputy, error)) ([]council.Deputy, error) {
	v, err := s.CouncilVersion(ctx)
	if err != nil {
		return nil, err
	}
	c := &s.figures
	c.mu.Lock()
	if c.loaded && c.version == v {
		list := slices.Clone(c.list)
		c.mu.Unlock()
		return list, nil
	}
	c.mu.Unlock()
	list, err := load(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.loaded, c.version, c.list = true, v, list
	c.mu.Unlock()
	return slices.Clone(list), nil
}
