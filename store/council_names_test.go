package store_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/store"
)

// Deputy search keeps the names between searches; an import by another
// process (another Store on the same file, as `nazar import` is) renames a
// deputy and the next search finds the new name, not the old one.
func TestDeputySearchSeesAnotherProcesssImport(t *testing.T) {
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
	search := func(s string) []string {
		q, ok := council.ParseNameQuery(s)
		require.True(t, ok, s)
		found, err := bot.SearchDeputies(ctx, q)
		require.NoError(t, err)
		var names []string
		for _, d := range found {
			names = append(names, d.FullName)
		}
		return names
	}
	d := randomCouncil(1, 5, 2, 2)
	_, err := importer.ImportCouncil(ctx, d)
	require.NoError(t, err)
	assert.Equal(t, []string{"Депутат 03"}, search("депутат 03"))
	assert.Equal(t, []string{"Депутат 03"}, search("deputat 03"), "Latin, from the kept names")

	d.Deputies[3].FullName = "Яковенко Олена"
	_, err = importer.ImportCouncil(ctx, d)
	require.NoError(t, err)
	assert.Empty(t, search("депутат 03"), "the old name is gone")
	assert.Equal(t, []string{"Яковенко Олена"}, search("yakovenko"))
	assert.Len(t, search("депутат"), 4, "in the alphabet, the others unchanged")
}
