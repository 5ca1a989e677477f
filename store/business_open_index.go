package store

import (
	"context"
	"database/sql"
	"sort"
	"sync"
)

// openIndex is the directory as the "open now" lists need it, as of one
// business data version: every business that gives hours, in name order,
// with its division and which of the distinct hours texts it has. A list
// then asks KeepHours once per distinct text (a city has hundreds, not
// 100,000) and filters in memory, reading from SQLite only the page it
// shows. Reading every candidate's row instead cost 80–320 ms for section G
// of 100,000 businesses (BenchmarkOpenNow/section).
type openIndex struct {
	version int64
	texts   []string    // the distinct hours texts ("" never: those rows are left out)
	byName  []openEntry // ORDER BY name, id, as the lists show them
	ids     []int64     // sorted ids of byName, for near me …
	textOf  []int32     // … and the text of each
}

type openEntry struct {
	id       int64
	division string // two digits, compared as the SQL compared them (BETWEEN on text)
	text     int32
}

// openIndexCache holds the index of the current data version. An import
// (in any process) raises the version that every list reads first, and a
// changed version rebuilds the index on the next "open now" list.
type openIndexCache struct {
	mu  sync.Mutex // one build at a time; lists wait for it rather than build twice
	idx *openIndex
}

// openIndex is the index at the current business data version. version is
// read before the rows, so a build is never older than the version it is
// kept under; a newer import raises the version and the next list rebuilds.
func (s *Store) openIndex(ctx context.Context) (*openIndex, error) {
	version, err := s.BusinessesVersion(ctx)
	if err != nil {
		return nil, err
	}
	c := &s.openHours
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.idx != nil && c.idx.version == version {
		return c.idx, nil
	}
	idx, err := s.buildOpenIndex(ctx, version)
	if err != nil {
		return nil, err
	}
	c.idx = idx
	return idx, nil
}

// buildOpenIndex reads id, division and hours of every business with hours,
// sorted by SQLite (name, id) exactly as the lists' ORDER BY sorted them.
func (s *Store) buildOpenIndex(ctx context.Context, version int64) (*openIndex, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, division, hours FROM businesses WHERE hours <> '' ORDER BY name, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	idx := &openIndex{version: version}
	textID := map[string]int32{}
	divisions := map[string]string{} // one string per division, not per row
	// RawBytes and map lookups by string(raw) allocate nothing per row: a
	// directory has a few hundred texts and divisions, not 100,000.
	var division, text sql.RawBytes
	for rows.Next() {
		var e openEntry
		if err := rows.Scan(&e.id, &division, &text); err != nil {
			return nil, err
		}
		d, ok := divisions[string(division)]
		if !ok {
			d = string(division)
			divisions[d] = d
		}
		t, ok := textID[string(text)]
		if !ok {
			t = int32(len(idx.texts))
			textID[string(text)] = t
			idx.texts = append(idx.texts, string(text))
		}
		e.division, e.text = d, t
		idx.byName = append(idx.byName, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	idx.indexIDs()
	return idx, nil
}

// indexIDs sorts the ids with their texts for lookups by id.
func (idx *openIndex) indexIDs() {
	order := make([]int, len(idx.byName))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return idx.byName[order[a]].id < idx.byName[order[b]].id })
	idx.ids, idx.textOf = make([]int64, len(order)), make([]int32, len(order))
	for k, i := range order {
		idx.ids[k], idx.textOf[k] = idx.byName[i].id, idx.byName[i].text
	}
}

// text is the hours text index of a business, or -1 when it gives none.
func (idx *openIndex) text(id int64) int32 {
	k := sort.Search(len(idx.ids), func(i int) bool { return idx.ids[i] >= id })
	if k < len(idx.ids) && idx.ids[k] == id {
		return idx.textOf[k]
	}
	return -1
}

// openTexts asks keep about each distinct text the first time it is needed.
type openTexts struct {
	idx   *openIndex
	keep  KeepHours
	state []int8 // 0 not asked, 1 kept, -1 not
}

func newOpenTexts(idx *openIndex, keep KeepHours) *openTexts {
	return &openTexts{idx: idx, keep: keep, state: make([]int8, len(idx.texts))}
}

func (o *openTexts) kept(t int32) bool {
	if o.state[t] == 0 {
		o.state[t] = -1
		if o.keep(o.idx.texts[t]) {
			o.state[t] = 1
		}
	}
	return o.state[t] == 1
}
