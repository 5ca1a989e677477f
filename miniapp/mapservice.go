package miniapp

import (
	"context"
	"sync"

	"github.com/transparentcities/nazar/business"
)

// BusinessSource is what the map needs from the store.
type BusinessSource interface {
	BusinessesVersion(ctx context.Context) (int64, error)
	BusinessPoints(ctx context.Context) ([]business.Point, error)
	BusinessMatchIDs(ctx context.Context, match string, limit int) ([]int64, error)
	BusinessByID(ctx context.Context, id int64) (business.Record, bool, error)
}

// maxMatches bounds a search's matches on the map (the whole directory of a
// large city; a word common to more is not much of a filter).
const maxMatches = 200_000

// searchCacheSize is how many recent searches keep their match sets.
const searchCacheSize = 64

// mapService keeps the map index in step with the store: each request reads
// the directory's version (one primary-key read) and the index is rebuilt
// only when an import has changed it.
type mapService struct {
	src BusinessSource

	mu       sync.Mutex // serialises rebuilds; readers take the current index
	current  *mapIndex
	searches map[string][]bool // by FTS match, for current
}

func newMapService(src BusinessSource) *mapService {
	return &mapService{src: src}
}

// index returns an index of the directory's current version.
func (m *mapService) index(ctx context.Context) (*mapIndex, error) {
	v, err := m.src.BusinessesVersion(ctx)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.current != nil && m.current.version == v {
		return m.current, nil
	}
	list, err := m.src.BusinessPoints(ctx)
	if err != nil {
		return nil, err
	}
	m.current, m.searches = newMapIndex(v, list), map[string][]bool{}
	return m.current, nil
}

// matches marks the points a search finds: the chat's own full-text search
// (business.MatchQuery, the same FTS5 index and folding), cached per index.
func (m *mapService) matches(ctx context.Context, ix *mapIndex, words string) ([]bool, error) {
	match := business.MatchQuery(words)
	if match == "" {
		return nil, nil
	}
	m.mu.Lock()
	set, ok := m.searches[match]
	fresh := m.current == ix
	m.mu.Unlock()
	if ok && fresh {
		return set, nil
	}
	ids, err := m.src.BusinessMatchIDs(ctx, match, maxMatches)
	if err != nil {
		return nil, err
	}
	set = ix.matchSet(ids)
	m.mu.Lock()
	if m.current == ix {
		if len(m.searches) >= searchCacheSize {
			m.searches = map[string][]bool{}
		}
		m.searches[match] = set
	}
	m.mu.Unlock()
	return set, nil
}
