package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

var councilDumped = []string{"council_sessions", "council_factions", "council_deputies",
	"council_memberships", "council_motions", "council_events", "council_votes", "council_lines", "council_stats"}

// importSteps imports a council in three steps: a first part, the rest with
// a faction switch (every line recomputed), and everything again.
func importSteps(t *testing.T, st *store.Store) {
	d := randomCouncil(5, 12, 5, 4)
	first := d
	first.Events, first.Votes, first.Memberships = d.Events[:8], nil, nil
	for _, v := range d.Votes {
		if v.Event < "e2" {
			first.Votes = append(first.Votes, v)
		}
	}
	for _, part := range []store.CouncilData{first, d, d} {
		_, err := st.ImportCouncil(t.Context(), part)
		require.NoError(t, err)
	}
}

// The named lists reach the database either inside the swap transaction or
// staged beside it and renamed; both leave the same database.
func TestCouncilStagedSwapEqualsSwapInOneTransaction(t *testing.T) {
	inSwap := storetest.Open(t, clock.NewFake(councilT0).Now)
	importSteps(t, inSwap)
	staged := storetest.Open(t, clock.NewFake(councilT0).Now)
	restoreVotes, restoreTitles := store.SetStagedVotes(-1), store.SetStagedTitles(-1)
	importSteps(t, staged)
	restoreVotes()
	restoreTitles()
	titles, err := inSwap.Dump(t.Context(), "(SELECT substr(title_key, 1, 6) FROM council_motions)")
	require.NoError(t, err)
	for _, table := range append(councilDumped, titleSearches(titles)...) {
		a, err := inSwap.Dump(t.Context(), table)
		require.NoError(t, err)
		b, err := staged.Dump(t.Context(), table)
		require.NoError(t, err)
		require.NotEmpty(t, a, table)
		assert.Equal(t, a, b, table)
	}
}

// titleSearches are the ids the titles' trigram index finds for each of
// words, and the triggers that keep it: the same whether the index was fed
// by the triggers or staged and swapped in.
func titleSearches(words []string) []string {
	qs := []string{`(SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name)`}
	for _, w := range words {
		phrase := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		qs = append(qs, `(SELECT rowid FROM council_titles WHERE council_titles MATCH '`+
			strings.ReplaceAll(phrase, `'`, `''`)+`' ORDER BY rowid)`)
	}
	return qs
}

func operations(from, n int) []card.OperationRecord {
	ops := make([]card.OperationRecord, n)
	for i := range ops {
		k := from + i
		ops[i] = card.OperationRecord{Number: fmt.Sprintf("%016d", k%500), Operation: card.Operation{
			At: councilT0.Add(time.Duration(k) * time.Minute), Kind: "ride", Amount: -800, Trips: -1, Place: "Трамвай 1"}}
	}
	return ops
}

// A large card-operations import goes through a scratch database; only
// its new rows arrive, staged (a first import, a large addition) or in one
// transaction (a small one), and a second import of the same file adds nothing.
func TestLargeCardOperationImports(t *testing.T) {
	st := storetest.Open(t, clock.NewFake(councilT0).Now)
	big := operations(0, 51_000)
	big = append(big, big[:100]...) // a file that repeats itself adds each operation once
	for _, step := range []struct {
		ops  []card.OperationRecord
		want int
	}{{big, 51_000}, {big, 0}, {operations(0, 51_010), 10}, {operations(40_000, 62_000), 50_990}} {
		n, err := st.ImportCardOperations(t.Context(), step.ops)
		require.NoError(t, err)
		assert.Equal(t, step.want, n)
	}
	rows, err := st.Dump(t.Context(), "card_operations")
	require.NoError(t, err)
	assert.Len(t, rows, 102_000)
	// Staged rows are stored as every import stores them: the card number
	// as its keyed hash, never in clear, found through the provider.
	clear, err := st.Dump(t.Context(), "(SELECT count(*) FROM card_operations WHERE number = '0000000000000007')")
	require.NoError(t, err)
	assert.Equal(t, []string{"0"}, clear, "card numbers in clear")
	hist, err := st.CardProvider().Operations(t.Context(), "0000000000000007", 1)
	require.NoError(t, err)
	require.Len(t, hist, 1)
	assert.Equal(t, councilT0.Add(101_507*time.Minute).Unix(), hist[0].At.Unix())
	assert.Equal(t, "Трамвай 1", hist[0].Place)
}

// Every command migrates at its start; several starting at once on a new
// database all succeed and each migration is applied once.
func TestConcurrentStartsMigrateOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nazar.db")
	var wg sync.WaitGroup
	applied := make([][]string, 4)
	errs := make([]error, 4)
	for i := range applied {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := store.Open(path, store.Options{})
			if err != nil {
				errs[i] = err
				return
			}
			defer st.Close()
			applied[i], errs[i] = st.Migrate(context.Background())
		}()
	}
	wg.Wait()
	total := 0
	for i := range errs {
		require.NoError(t, errs[i])
		total += len(applied[i])
	}
	st := storetest.Open(t, nil)
	all, err := st.Dump(t.Context(), "schema_migrations")
	require.NoError(t, err)
	assert.Equal(t, len(all), total, "each migration applied by exactly one start")
}

// A second import waits for the first, in another process as here in
// another store on the same file.
func TestSecondImportWaitsItsTurn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nazar.db")
	a, err := store.Open(path, store.Options{})
	require.NoError(t, err)
	defer a.Close()
	b, err := store.Open(path, store.Options{})
	require.NoError(t, err)
	defer b.Close()
	release, err := a.LockImports(t.Context(), nil)
	require.NoError(t, err)
	waiting := make(chan struct{})
	got := make(chan error, 1)
	go func() {
		r, err := b.LockImports(t.Context(), func() { close(waiting) })
		if err == nil {
			r()
		}
		got <- err
	}()
	<-waiting
	select {
	case err := <-got:
		t.Fatalf("the second import went ahead while the first ran: %v", err)
	default:
	}
	release()
	require.NoError(t, <-got)
}

// The scratch database of an import is as private as the database, under
// the laxest umask too.
func TestImportScratchIs0600(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	st, err := store.Open(filepath.Join(t.TempDir(), "nazar.db"), store.Options{})
	require.NoError(t, err)
	defer st.Close()
	mode, err := st.ScratchMode(t.Context())
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), mode)
}
