package store_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// An import by another process (another Store on the same file, as `nazar
// import` is) reaches the next search: the cached ranking is not served.
func TestBusinessSearchSeesAnotherProcesssImport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nazar.db")
	open := func() *store.Store {
		st, err := store.Open(path, store.Options{KeyFile: path + ".key"})
		require.NoError(t, err)
		t.Cleanup(func() { st.Close() })
		_, err = st.Migrate(t.Context())
		require.NoError(t, err)
		return st
	}
	bot, importer := open(), open()
	ctx := t.Context()
	_, err := importer.ImportBusinesses(ctx, sampleBusinesses())
	require.NoError(t, err)
	got, total, err := bot.SearchBusinesses(ctx, business.MatchQuery("аптека"), 0, 10)
	require.NoError(t, err)
	require.Equal(t, 3, total)
	again, _, err := bot.SearchBusinesses(ctx, business.MatchQuery("аптека"), 0, 10)
	require.NoError(t, err)
	assert.Equal(t, got, again, "the same answer from the cache")

	list := sampleBusinesses()
	list[3].Name = "Аптека «Бібліотечна»"
	_, err = importer.ImportBusinesses(ctx, list)
	require.NoError(t, err)
	after, total, err := bot.SearchBusinesses(ctx, business.MatchQuery("аптека"), 0, 10)
	require.NoError(t, err)
	assert.Equal(t, 4, total, "the other process's import is seen")
	assert.Len(t, after, 4)
}

// Pages past the cached best follow the same ranking: walking every page
// lists each match once.
func TestBusinessSearchPagesPastTheCachedBest(t *testing.T) {
	st := storetest.Open(t, nil)
	ctx := t.Context()
	var list []business.Record
	for i := range 230 {
		desc := "кава"
		if i%3 == 0 {
			desc = "кава кава зерна"
		}
		list = append(list, business.Record{UID: fmt.Sprint(i), Name: fmt.Sprintf("Кав'ярня %03d", i%50), Kind: "enterprise",
			KVED: "56.10", Division: "56", Section: "I", Description: desc})
	}
	_, err := st.ImportBusinesses(ctx, list)
	require.NoError(t, err)
	seen := map[int64]bool{}
	for offset := 0; offset < 240; offset += 7 {
		page, total, err := st.SearchBusinesses(ctx, business.MatchQuery("кава"), offset, 7)
		require.NoError(t, err)
		require.Equal(t, 230, total)
		for _, b := range page {
			assert.False(t, seen[b.ID], "listed twice: %d at offset %d", b.ID, offset)
			seen[b.ID] = true
		}
	}
	assert.Len(t, seen, 230)
}
