package store_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/store/storetest"
)

// The months of a deputy add up to the figures of their card (one
// definition, split by month), and a faction's months add up to its lines.
func TestDeputyAndFactionMonthsAddUp(t *testing.T) {
	st := storetest.Open(t, nil)
	ctx := t.Context()
	_, err := st.ImportCouncil(ctx, randomCouncil(3, 9, 75, 3))
	require.NoError(t, err)
	deputies, err := st.CouncilDeputies(ctx)
	require.NoError(t, err)
	for _, d := range deputies {
		months, found, err := st.DeputyMonths(ctx, d.ID, councilT0)
		require.NoError(t, err)
		require.True(t, found)
		if d.Days > 0 {
			assert.Greater(t, len(months), 1, "75 sitting days span several months")
		}
		var att, disc council.Ratio
		for i, m := range months {
			att.Num, att.Den = att.Num+m.Attendance.Num, att.Den+m.Attendance.Den
			disc.Num, disc.Den = disc.Num+m.Discipline.Num, disc.Den+m.Discipline.Den
			if i > 0 {
				assert.True(t, m.Month.After(months[i-1].Month), "oldest first")
			}
		}
		want := d.Metrics()
		assert.Equal(t, want.Attendance, att, d.FullName)
		assert.Equal(t, want.Discipline, disc, d.FullName)
	}
	_, found, err := st.DeputyMonths(ctx, 9999, councilT0)
	require.NoError(t, err)
	assert.False(t, found)

	factions, err := st.Factions(ctx, councilT0)
	require.NoError(t, err)
	require.NotEmpty(t, factions)
	months, err := st.FactionMonths(ctx, factions[0].ID, councilT0)
	require.NoError(t, err)
	var disc, ref council.Ratio
	for _, m := range months {
		disc.Den, ref.Den = disc.Den+m.Discipline.Den, ref.Den+m.Reference.Den
		disc.Num = disc.Num + m.Discipline.Num
	}
	assert.Positive(t, disc.Den)
	assert.GreaterOrEqual(t, ref.Den, disc.Den, "the council's lines include the faction's")
	assert.LessOrEqual(t, disc.Num, disc.Den)
}
