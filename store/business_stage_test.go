package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

var stageWords = []string{"Аптека", "Кав'ярня", "Книгарня", "Перукарня", "Ремонт", "Ліцей", "Банк", "Готель"}

// generatedBusinesses are n businesses from uid number from on; edit
// changes the name and the point of every third.
func generatedBusinesses(from, n int, edit bool) []business.Record {
	out := make([]business.Record, n)
	for i := range out {
		k := from + i
		w := stageWords[k%len(stageWords)]
		r := business.Record{UID: fmt.Sprintf("u%06d", k), Name: fmt.Sprintf("%s №%d", w, k), Kind: "enterprise",
			KVED: fmt.Sprintf("%02d.%02d", 45+k%3, k%20), Division: fmt.Sprintf("%02d", 45+k%3), Section: "G",
			Description: "послуги " + stageWords[(k/3)%len(stageWords)], Address: fmt.Sprintf("вул. Зелена, %d", k)}
		if k%5 != 0 {
			r.HasPoint, r.Lat, r.Lon = true, 49.80+float64(k%997)/10_000, 24.00+float64(k%991)/10_000
		}
		if edit && k%3 == 0 {
			r.Name += " (нова адреса)"
			r.Lat += 0.001
		}
		out[i] = r
	}
	return out
}

// importBusinessSteps imports a first directory, a larger one that changes
// a third of it, the same again, and a smaller one (the rest stays), and
// returns each import's counts; after runs after each step.
func importBusinessSteps(t *testing.T, st *store.Store, after func(step int)) []store.BusinessImportResult {
	var out []store.BusinessImportResult
	for i, list := range [][]business.Record{generatedBusinesses(0, 600, false), generatedBusinesses(300, 900, true),
		generatedBusinesses(300, 900, true), generatedBusinesses(0, 40, false)} {
		res, err := st.ImportBusinesses(t.Context(), list)
		require.NoError(t, err)
		out = append(out, res)
		after(i)
	}
	return out
}

// businessState is what residents can see of the directory. Ids are left
// out: a staged import numbers new businesses in another order (see
// numberNew), and search ties are ranked by id, so matches are compared as
// sets.
func businessState(t *testing.T, st *store.Store) map[string]any {
	ctx := t.Context()
	state := map[string]any{}
	rows, err := st.Dump(ctx, `(SELECT uid, edrpou, name, kind, kved, section, division, address, lat, lon, phone,
		website, email, hours, description, updated_on, sig FROM businesses ORDER BY uid)`)
	require.NoError(t, err)
	state["rows"] = rows
	for _, q := range []string{"аптека", "kaviarnia", "нова", "послуги банк", "Ліц"} {
		list, total, err := st.SearchBusinesses(ctx, business.MatchQuery(q), 0, 1000)
		require.NoError(t, err)
		state["search "+q] = total
		state["found "+q] = names(list)
	}
	near, err := st.BusinessesNear(ctx, 49.83, 24.03, 3000, 30)
	require.NoError(t, err)
	var nearest []string
	for _, b := range near {
		nearest = append(nearest, b.Name)
	}
	state["near"] = nearest
	v, err := st.BusinessesVersion(ctx)
	require.NoError(t, err)
	state["version"] = v
	schema, err := st.Dump(ctx, `(SELECT type, name, tbl_name FROM sqlite_master WHERE tbl_name LIKE 'business%' ORDER BY name)`)
	require.NoError(t, err)
	state["schema"] = schema
	return state
}

// names are the names of list, sorted.
func names(list []business.Brief) []string {
	out := make([]string, len(list))
	for i, b := range list {
		out[i] = b.Name
	}
	slices.Sort(out)
	return out
}

// A large import staged beside the live directory and renamed into place
// leaves what the same import in one transaction leaves: the same rows,
// the same search and near-me answers, the same counts and data versions
// (a re-import writes nothing), the same tables and indexes; and a
// business keeps its id through later imports.
func TestStagedBusinessImportEqualsOneTransaction(t *testing.T) {
	inOne := storetest.Open(t, nil)
	restore := store.SetStagedBusinesses(1 << 30)
	want := importBusinessSteps(t, inOne, func(int) {})
	restore()
	staged := storetest.Open(t, nil)
	restore = store.SetStagedBusinesses(10)
	defer restore()
	var ids []string
	got := importBusinessSteps(t, staged, func(step int) {
		if step == 0 {
			var err error
			ids, err = staged.Dump(t.Context(), `(SELECT uid, id FROM businesses ORDER BY uid)`)
			require.NoError(t, err)
		}
	})
	assert.Equal(t, want, got)
	assert.Equal(t, []store.BusinessImportResult{{Read: 600, Added: 600}, {Read: 900, Added: 600, Changed: 100, Unchanged: 200},
		{Read: 900, Unchanged: 900}, {Read: 40, Unchanged: 40}}, got)
	assert.Equal(t, businessState(t, inOne), businessState(t, staged))
	merged, err := staged.BusinessIndexMerged(t.Context())
	require.NoError(t, err)
	assert.True(t, merged, "the staged full-text index is in one segment, as 'optimize' leaves it")
	later, err := staged.Dump(t.Context(), `(SELECT uid, id FROM businesses WHERE uid < 'u000600' ORDER BY uid)`)
	require.NoError(t, err)
	assert.Equal(t, ids, later, "ids kept")
}

// A staged import that fails leaves the directory as it was, and no
// staging table behind.
func TestFailedStagedBusinessImportKeepsTheDirectory(t *testing.T) {
	st := storetest.Open(t, nil)
	defer store.SetStagedBusinesses(10)()
	_, err := st.ImportBusinesses(t.Context(), generatedBusinesses(0, 100, false))
	require.NoError(t, err)
	before := businessState(t, st)
	bad := generatedBusinesses(50, 200, true)
	bad[150].Kind = "guild" // refused by the table's CHECK, once most rows are staged
	_, err = st.ImportBusinesses(t.Context(), bad)
	require.Error(t, err)
	assert.Equal(t, before, businessState(t, st))
}

// While a large business import runs in another store on the same file (as
// `nazar import` in another process does), another writer is not kept
// waiting until it ends: a write that waited for the import's lock
// completes while the import still has transactions to run. In one
// transaction, such a write would complete only once the import had
// written everything.
func TestAnotherWriterGoesFirstDuringALargeBusinessImport(t *testing.T) {
	list := generatedBusinesses(0, 60_000, false)
	wentFirst, importer := writesDuringImport(t, func(st *store.Store) error {
		_, err := st.ImportBusinesses(context.Background(), list)
		return err
	})
	assert.GreaterOrEqual(t, wentFirst, 3, "writes that waited for the import's lock, with more of the import after them")
	n, err := importer.Dump(t.Context(), "(SELECT count(*) FROM businesses)")
	require.NoError(t, err)
	assert.Equal(t, []string{"60000"}, n)
}

// writesDuringImport runs run on a store of a new database while another
// store on the same file (as the bot) writes whenever it finds the write
// lock held, and counts the writes after which the import held the lock
// again. It returns the importing store, open until the test ends.
func writesDuringImport(t *testing.T, run func(*store.Store) error) (int, *store.Store) {
	path := filepath.Join(t.TempDir(), "nazar.db")
	importer, err := store.Open(path, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { importer.Close() })
	_, err = importer.Migrate(t.Context())
	require.NoError(t, err)
	probe, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=0&_txlock=immediate")
	require.NoError(t, err)
	defer probe.Close()
	bot, err := store.Open(path, store.Options{}) // writes as the bot does
	require.NoError(t, err)
	defer bot.Close()

	var done atomic.Bool
	result := make(chan error, 1)
	go func() {
		err := run(importer)
		done.Store(true)
		result <- err
	}()
	wentFirst, wrote := 0, false
	for !done.Load() {
		if !lockHeld(probe) {
			continue
		}
		if wrote { // the import runs on after the last write
			wentFirst++
		}
		// The import holds the write lock: this write waits for it.
		require.NoError(t, bot.RecordMiss(t.Context(), "аптека на зеленій", time.Now()))
		wrote = true
	}
	require.NoError(t, <-result)
	return wentFirst, importer
}

// lockHeld tells whether another connection holds the database's write
// lock, without waiting for it.
func lockHeld(db *sql.DB) bool {
	tx, err := db.Begin()
	if err != nil {
		return true
	}
	tx.Rollback() //nolint:errcheck // nothing was written
	return false
}
