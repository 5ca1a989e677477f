package store_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

var cardNow = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func seedCards(t *testing.T, s *store.Store) {
	t.Helper()
	n, err := s.ImportCards(t.Context(), []card.Record{
		{Card: card.Card{Number: "1111", Category: "pupil", Status: "active", Balance: 3550, HasTrips: true, Trips: 18,
			Pending: 500, ValidUntil: day("2027-06-30"), UpdatedAt: cardNow}, Birth: day("2012-09-03")},
		{Card: card.Card{Number: "2222", Category: "pensioner", Status: "blocked", UpdatedAt: cardNow}, Birth: day("1950-01-01")},
	})
	require.NoError(t, err)
	require.Equal(t, 2, n)
}

func TestCardImportIsIdempotentAndProviderReadsIt(t *testing.T) {
	s := storetest.Open(t, clock.NewFake(cardNow).Now)
	ctx := t.Context()
	seedCards(t, s)
	n, err := s.ImportCards(ctx, []card.Record{{Card: card.Card{Number: "2222", Category: "pensioner",
		Status: "blocked", UpdatedAt: cardNow}, Birth: day("1950-01-01")}})
	require.NoError(t, err)
	assert.Zero(t, n, "the same row again changes nothing")

	p := s.CardProvider()
	c, err := p.Card(ctx, "1111")
	require.NoError(t, err)
	assert.Equal(t, card.Card{Number: "1111", Category: "pupil", Status: "active", Balance: 3550, HasTrips: true,
		Trips: 18, Pending: 500, ValidUntil: day("2027-06-30"), UpdatedAt: cardNow}, c)
	c, err = p.Card(ctx, "2222")
	require.NoError(t, err)
	assert.False(t, c.HasTrips, "NULL trips: the category has none")
	_, err = p.Card(ctx, "3333")
	assert.ErrorIs(t, err, card.ErrNotFound)
	assert.NoError(t, p.Verify(ctx, "1111", day("2012-09-03")))
	assert.ErrorIs(t, p.Verify(ctx, "1111", day("2012-09-04")), card.ErrMismatch)
	assert.ErrorIs(t, p.Verify(ctx, "3333", day("2012-09-03")), card.ErrNotFound)

	var ops []card.OperationRecord
	for i := range 12 {
		ops = append(ops, card.OperationRecord{Number: "1111", Operation: card.Operation{
			At: cardNow.Add(-time.Duration(i) * time.Hour), Kind: "ride", Trips: -1}})
	}
	added, err := s.ImportCardOperations(ctx, ops)
	require.NoError(t, err)
	assert.Equal(t, 12, added)
	added, err = s.ImportCardOperations(ctx, ops)
	require.NoError(t, err)
	assert.Zero(t, added, "importing the file again adds nothing")
	got, err := p.Operations(ctx, "1111", 10)
	require.NoError(t, err)
	require.Len(t, got, 10)
	assert.Equal(t, cardNow, got[0].At, "newest first")

	_, err = s.ImportCardApplications(ctx, []card.ApplicationRecord{{Application: card.Application{No: "SC-1",
		Status: "ready", StatusDate: day("2026-11-27"), PickupPoint: "p1"}, Birth: day("1958-08-23")}})
	require.NoError(t, err)
	app, err := p.Application(ctx, "SC-1", day("1958-08-23"))
	require.NoError(t, err)
	assert.Equal(t, card.Application{No: "SC-1", Status: "ready", StatusDate: day("2026-11-27"), PickupPoint: "p1"}, app)
	_, err = p.Application(ctx, "SC-1", day("1958-08-24"))
	assert.ErrorIs(t, err, card.ErrNotFound, "a wrong date looks like no application")
}

func TestCardLinksBelongToTheirUser(t *testing.T) {
	clk := clock.NewFake(cardNow)
	s := storetest.Open(t, clk.Now)
	ctx := t.Context()
	for _, id := range []int64{1, 2} {
		_, err := s.TouchUser(ctx, store.SeenUser{ID: id, ChatID: id, Language: "uk"})
		require.NoError(t, err)
	}
	id, err := s.LinkCard(ctx, 1, 1, "1111", 2000)
	require.NoError(t, err)
	again, err := s.LinkCard(ctx, 1, 1, "1111", 2000)
	require.NoError(t, err)
	assert.Equal(t, id, again, "linking twice keeps one link")
	_, found, err := s.CardLink(ctx, 2, id)
	require.NoError(t, err)
	assert.False(t, found, "another user's link id is not found")
	ok, err := s.UnlinkCard(ctx, 2, id)
	require.NoError(t, err)
	assert.False(t, ok)

	require.NoError(t, s.RecordLookupFailure(ctx, store.LookupCard, 1, "2222", "•••• 2222"))
	require.NoError(t, s.WatchApplication(ctx, 1, 1, "SC-1", day("1958-08-23")))
	pd, _, err := s.PersonalData(ctx, 1)
	require.NoError(t, err)
	assert.Equal(t, card.Personal{Cards: []string{"1111"}, Watches: 1, Failures: 1}, pd.Cards)

	require.NoError(t, s.DeleteUser(ctx, 1))
	links, err := s.CardLinks(ctx, 1)
	require.NoError(t, err)
	assert.Empty(t, links, "DeleteUser removes linked cards")
	watches, err := s.CardWatches(ctx)
	require.NoError(t, err)
	assert.Empty(t, watches)
	byUser, byCard, err := s.LookupFailures(ctx, store.LookupCard, 1, "2222")
	require.NoError(t, err)
	assert.Len(t, byUser, 1, "failures outlive deletion, so it cannot lift a lock")
	assert.Len(t, byCard, 1)

	clk.Advance(49 * time.Hour)
	require.NoError(t, s.RecordLookupFailure(ctx, store.LookupCard, 2, "3333", "•••• 3333"))
	byUser, _, err = s.LookupFailures(ctx, store.LookupCard, 1, "")
	require.NoError(t, err)
	assert.Empty(t, byUser, "old failures are forgotten")
}
