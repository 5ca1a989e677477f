package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/council"
)

// queryPlan is SQLite's plan of q, its lines joined.
func queryPlan(t *testing.T, s *Store, q string, args ...any) string {
	rows, err := s.db.QueryContext(context.Background(), `EXPLAIN QUERY PLAN `+q, args...)
	require.NoError(t, err)
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		require.NoError(t, rows.Scan(&id, &parent, &unused, &detail))
		lines = append(lines, detail)
	}
	require.NoError(t, rows.Err())
	return strings.Join(lines, "\n")
}

// The pages of issue 17's speed figure read what migration 0020 keeps for
// them instead of every vote event: decisions by words start from the
// trigram index of titles (and the list from the index of decisions), the
// sessions list from the index of days.
func TestCouncilPagesUseTheirIndexes(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "nazar.db"), Options{})
	require.NoError(t, err)
	defer s.Close()
	_, err = s.Migrate(context.Background())
	require.NoError(t, err)
	where, args := decisionWhere(council.DecisionFilter{Words: [][2]string{{"бюджет", "biudzhet"}}})
	plan := queryPlan(t, s, `SELECT count(*) FROM council_events e JOIN council_motions m ON m.id = e.motion WHERE `+where, args...)
	assert.Contains(t, plan, "council_titles", plan)
	where, args = decisionWhere(council.DecisionFilter{})
	plan = queryPlan(t, s, `SELECT e.id FROM council_events e JOIN council_motions m ON m.id = e.motion WHERE `+where+
		` ORDER BY e.at DESC, e.id DESC LIMIT 10`, args...)
	assert.Contains(t, plan, "council_events_decided", plan)
	assert.NotContains(t, plan, "TEMP B-TREE", plan)
	plan = queryPlan(t, s, sessionsQuery, 10, 0)
	assert.Contains(t, plan, "council_sessions_day", plan)
	assert.NotContains(t, plan, "TEMP B-TREE", plan)
}
