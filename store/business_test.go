package store_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

func sampleBusinesses() []business.Record {
	mk := func(uid, name, desc, div, sec string, lat, lon float64) business.Record {
		return business.Record{UID: uid, Name: name, Kind: "enterprise", KVED: div + ".00", Division: div, Section: sec,
			Description: desc, HasPoint: lat != 0, Lat: lat, Lon: lon}
	}
	return []business.Record{
		mk("a", "Аптека «Здоров'я»", "ліки", "47", "G", 49.8402, 24.0301),
		mk("b", "Кав'ярня «Аптекар»", "кава", "56", "I", 49.8450, 24.0301),
		mk("c", "Книгарня «Є»", "аптека книжок", "47", "G", 49.8600, 24.0301),
		mk("d", "Бібліотека", "книжки", "91", "R", 0, 0),
	}
}

func TestBusinessSearchNearList(t *testing.T) {
	st := storetest.Open(t, nil)
	ctx := t.Context()
	res, err := st.ImportBusinesses(ctx, sampleBusinesses())
	require.NoError(t, err)
	assert.Equal(t, store.BusinessImportResult{Read: 4, Added: 4}, res)

	names := func(list []business.Brief) []string {
		var out []string
		for _, b := range list {
			out = append(out, b.Name)
		}
		return out
	}
	for _, q := range []string{"аптека", "APTEKA", "Aptek"} {
		got, total, err := st.SearchBusinesses(ctx, business.MatchQuery(q), 0, 10)
		require.NoError(t, err)
		assert.Equal(t, 3, total, q)
		assert.Equal(t, "Аптека «Здоров'я»", got[0].Name, "a name match ranks first: %s", q)
	}
	all, _, err := st.SearchBusinesses(ctx, business.MatchQuery("аптек"), 0, 10)
	require.NoError(t, err)
	first, _, err := st.SearchBusinesses(ctx, business.MatchQuery("аптек"), 0, 2)
	require.NoError(t, err)
	rest, _, err := st.SearchBusinesses(ctx, business.MatchQuery("аптек"), 2, 2)
	require.NoError(t, err)
	assert.Equal(t, names(all), append(names(first), names(rest)...), "pages follow the ranking")
	past, total, err := st.SearchBusinesses(ctx, business.MatchQuery("аптек"), 3, 2)
	require.NoError(t, err)
	assert.Empty(t, past)
	assert.Equal(t, 3, total, "a page past the end still knows the total")
	for _, hostile := range []string{`"`, `*`, `NEAR(`, `a -b`, `(x OR`, `name:y`, `^`, `AND`, "\x00"} {
		_, _, err := st.SearchBusinesses(ctx, business.MatchQuery(hostile), 0, 10)
		assert.NoError(t, err, hostile)
	}

	near, err := st.BusinessesNear(ctx, 49.8400, 24.0301, 1000, 10)
	require.NoError(t, err)
	assert.Equal(t, []string{"Аптека «Здоров'я»", "Кав'ярня «Аптекар»"}, names(near), "within 1 km, nearest first")
	assert.InDelta(t, business.Distance(49.84, 24.0301, 49.8402, 24.0301), near[0].DistanceM, 1e-6)

	page, total, err := st.BusinessList(ctx, business.Filter{Section: "G"}, 1, 1)
	require.NoError(t, err)
	assert.Equal(t, 2, total)
	assert.Equal(t, []string{"Книгарня «Є»"}, names(page))
	counts, err := st.BusinessSectionCounts(ctx)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"G": 2, "I": 1, "R": 1}, counts)
}

func TestBusinessReimportKeepsIndexesInStep(t *testing.T) {
	st := storetest.Open(t, nil)
	ctx := t.Context()
	list := sampleBusinesses()
	_, err := st.ImportBusinesses(ctx, list)
	require.NoError(t, err)
	list[0].Name, list[0].Lat = "Аптека «Нова»", 49.9
	res, err := st.ImportBusinesses(ctx, list)
	require.NoError(t, err)
	assert.Equal(t, 1, res.Changed)
	_, total, err := st.SearchBusinesses(ctx, business.MatchQuery("здоров'я"), 0, 10)
	require.NoError(t, err)
	assert.Zero(t, total, "the old name left the index")
	got, _, err := st.SearchBusinesses(ctx, business.MatchQuery("nova"), 0, 10)
	require.NoError(t, err)
	require.Len(t, got, 1)
	near, err := st.BusinessesNear(ctx, 49.8400, 24.0301, 300, 10)
	require.NoError(t, err)
	assert.Empty(t, near, "the old point left the R*Tree: %v", fmt.Sprint(near))
}
