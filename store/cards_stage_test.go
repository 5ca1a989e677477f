package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// stageCards are n cards from number from on; edit changes the balance of
// every third.
func stageCards(from, n int, edit bool) []card.Record {
	out := make([]card.Record, n)
	for i := range out {
		k := from + i
		c := card.Record{Card: card.Card{Number: fmt.Sprintf("%016d", k), Category: "pupil", Status: "active",
			Balance: int64(k * 10), HasTrips: k%2 == 0, Trips: k % 40, UpdatedAt: cardNow},
			Holder: fmt.Sprintf("Тарас %d", k), Birth: day("2010-01-01").AddDate(0, 0, k%3000)}
		if edit && k%3 == 0 {
			c.Balance += 500
		}
		out[i] = c
	}
	return out
}

func stageApplications(from, n int, edit bool) []card.ApplicationRecord {
	out := make([]card.ApplicationRecord, n)
	for i := range out {
		k := from + i
		a := card.ApplicationRecord{Application: card.Application{No: fmt.Sprintf("Z-%06d", k), Category: "pupil",
			Status: "processing", StatusDate: day("2026-11-01")}, Birth: day("2012-01-01").AddDate(0, 0, k%3000)}
		if edit && k%3 == 0 {
			a.Status, a.PickupPoint = "ready", "ЦНАП"
		}
		out[i] = a
	}
	return out
}

// importCardSteps imports a first file, a larger one that changes a third of
// it, the same again, a small change, and a file that repeats a card;
// it returns each import's count.
func importCardSteps(t *testing.T, st *store.Store) []int {
	repeated := stageCards(0, 60, true)
	repeated = append(repeated, repeated[0])
	var out []int
	for _, list := range [][]card.Record{stageCards(0, 300, false), stageCards(100, 400, true),
		stageCards(100, 400, true), stageCards(0, 30, true), repeated} {
		n, err := st.ImportCards(t.Context(), list)
		require.NoError(t, err)
		out = append(out, n)
	}
	for _, list := range [][]card.ApplicationRecord{stageApplications(0, 300, false), stageApplications(100, 400, true),
		stageApplications(100, 400, true), stageApplications(0, 30, true)} {
		n, err := st.ImportCardApplications(t.Context(), list)
		require.NoError(t, err)
		out = append(out, n)
	}
	return out
}

// cardState is what the tables hold, hashes aside (each database has its
// own keys), and their schema.
func cardState(t *testing.T, st *store.Store) map[string][]string {
	state := map[string][]string{}
	for name, q := range map[string]string{
		"cards": `(SELECT holder_name, category, status, valid_until, balance, trips_left, pending, updated_at
			FROM card_cards ORDER BY 1, 5)`,
		"applications": `(SELECT application_no, category, status, status_date, pickup_point, reason
			FROM card_applications ORDER BY 1)`,
		"schema": `(SELECT type, name, tbl_name FROM sqlite_master WHERE tbl_name LIKE 'card_%' ORDER BY name)`,
	} {
		rows, err := st.Dump(t.Context(), q)
		require.NoError(t, err)
		state[name] = rows
	}
	return state
}

// Large imports of cards and applications go through a scratch database and
// are staged beside the live table (or, when they change little, written
// in one short transaction); they leave what one transaction leaves, with
// the same counts, and a re-import changes nothing.
func TestStagedCardImportsEqualOneTransaction(t *testing.T) {
	inOne := storetest.Open(t, clock.NewFake(cardNow).Now)
	restore := store.SetStagedKeyed(1 << 30)
	want := importCardSteps(t, inOne)
	restore()
	staged := storetest.Open(t, clock.NewFake(cardNow).Now)
	restore = store.SetStagedKeyed(20)
	got := importCardSteps(t, staged)
	restore()
	assert.Equal(t, want, got)
	assert.Equal(t, []int{300, 266, 0, 10, 10, 300, 266, 0, 10}, got)
	assert.Equal(t, cardState(t, inOne), cardState(t, staged))

	// The staged cards are found and verified through the provider.
	c, err := staged.CardProvider().Card(t.Context(), fmt.Sprintf("%016d", 150))
	require.NoError(t, err)
	assert.Equal(t, int64(2000), c.Balance)
	assert.NoError(t, staged.CardProvider().Verify(t.Context(), fmt.Sprintf("%016d", 150), day("2010-01-01").AddDate(0, 0, 150)))
}

// While a large card import runs in another store on the same file, another
// writer is not kept waiting until it ends (see
// TestAnotherWriterGoesFirstDuringALargeBusinessImport).
func TestAnotherWriterGoesFirstDuringALargeCardImport(t *testing.T) {
	cards := stageCards(0, 100_000, false)
	wentFirst, importer := writesDuringImport(t, func(st *store.Store) error {
		_, err := st.ImportCards(context.Background(), cards)
		return err
	})
	// Narrow rows go in a few large chunks: fewer turns than a business import.
	assert.GreaterOrEqual(t, wentFirst, 1, "writes that waited for the import's lock, with more of the import after them")
	n, err := importer.Dump(t.Context(), "(SELECT count(*) FROM card_cards)")
	require.NoError(t, err)
	assert.Equal(t, []string{"100000"}, n)
}
