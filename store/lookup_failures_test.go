package store_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// Failures count per scope, per user and per subject; the admin list shows
// the locks in force, a subject by its label, never the hash alone.
func TestLookupFailuresAndLocks(t *testing.T) {
	ctx := t.Context()
	clk := clock.NewFake(cardNow)
	s := storetest.Open(t, clk.Now)
	for user := range int64(5) { // five users, one guess each, at one application
		require.NoError(t, s.RecordLookupFailure(ctx, store.LookupVoucher, 10+user, "LV-2026-000123", "LV-2026-000123"))
	}
	for range 5 { // one user, five applications
		require.NoError(t, s.RecordLookupFailure(ctx, store.LookupCardApp, 99, "SC-"+clk.Now().Format("150405"), "SC"))
		clk.Advance(time.Second)
	}
	byUser, byApp, err := s.LookupFailures(ctx, store.LookupVoucher, 10, "LV-2026-000123")
	require.NoError(t, err)
	assert.Len(t, byUser, 1)
	assert.Len(t, byApp, 5)
	other, _, err := s.LookupFailures(ctx, store.LookupCard, 99, "")
	require.NoError(t, err)
	assert.Empty(t, other, "each lookup counts its own failures")

	locks, err := s.LookupLocks(ctx)
	require.NoError(t, err)
	require.Len(t, locks, 2)
	assert.Equal(t, store.LookupLock{Scope: store.LookupCardApp, UserID: 99, Until: cardNow.Add(24*time.Hour + 4*time.Second)}, locks[0])
	assert.Equal(t, store.LookupLock{Scope: store.LookupVoucher, Label: "LV-2026-000123", Until: cardNow.Add(24 * time.Hour)}, locks[1])

	clk.Advance(24 * time.Hour)
	locks, err = s.LookupLocks(ctx)
	require.NoError(t, err)
	assert.Empty(t, locks, "locks end LockFor after their last failure")
}
