package store_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/store/storetest"
)

func TestBusinessPointsMatchIDsAndVersion(t *testing.T) {
	st := storetest.Open(t, nil)
	ctx := t.Context()
	v0, err := st.BusinessesVersion(ctx)
	require.NoError(t, err)
	assert.Zero(t, v0)
	_, err = st.ImportBusinesses(ctx, sampleBusinesses())
	require.NoError(t, err)
	v1, err := st.BusinessesVersion(ctx)
	require.NoError(t, err)
	assert.Greater(t, v1, v0, "an import that adds businesses raises the version")

	points, err := st.BusinessPoints(ctx)
	require.NoError(t, err)
	require.Len(t, points, 3, "the business without coordinates is not on the map")
	assert.Equal(t, "Аптека «Здоров'я»", points[0].Name)
	assert.Equal(t, "G", points[0].Section)
	assert.InDelta(t, 49.8402, points[0].Lat, 1e-9)

	ids, err := st.BusinessMatchIDs(ctx, business.MatchQuery("аптека"), 100)
	require.NoError(t, err)
	assert.Len(t, ids, 3)
	assert.Equal(t, points[0].ID, ids[0], "best match first, as the chat's search ranks")

	_, err = st.ImportBusinesses(ctx, sampleBusinesses())
	require.NoError(t, err)
	v2, err := st.BusinessesVersion(ctx)
	require.NoError(t, err)
	assert.Equal(t, v1, v2, "an import that changes nothing keeps the version")
}
