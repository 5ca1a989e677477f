package store

import (
	"database/sql"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// SQLite unpacks what packVote packed, at the edges of every field.
func TestVotePackingRoundTrips(t *testing.T) {
	db, err := sql.Open("sqlite3", ":memory:")
	require.NoError(t, err)
	defer db.Close()
	for _, r := range []voteRow{
		{deputy: 1, event: 1, day: 0, option: 0, dev: -1},
		{deputy: math.MaxInt32, event: math.MaxInt32, day: math.MaxInt32, option: 4, dev: 1},
		{deputy: 7, event: 123456, day: -3650, option: 2, dev: 0}, // 1960
		{deputy: 64, event: 20000, day: math.MinInt32, option: 3, dev: 1},
	} {
		a, b := packVote(r)
		var deputy, day, event, vote int64
		q := "SELECT * FROM (VALUES " + tuples(votePacked, 2, 1) + ")"
		require.NoError(t, db.QueryRow(q, a, b).Scan(&deputy, &day, &event, &vote))
		assert.Equal(t, []int64{int64(r.deputy), int64(r.day), int64(r.event), int64(r.option) + 5*int64(r.dev+1)},
			[]int64{deputy, day, event, vote}, "%+v", r)
	}
}

func TestTuplesNumberParametersOn(t *testing.T) {
	assert.Equal(t, "(?1,?2),(?3,?4)", tuples(plainRow(2), 2, 2))
	assert.Equal(t, "(?1>>32, ?2>>4, ?1&4294967295, ?2&15),(?3>>32, ?4>>4, ?3&4294967295, ?4&15)",
		tuples(votePacked, 2, 2))
}
