package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

func TestSourceStateRoundTripAndAlertOnce(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t, nil)
	got, err := st.SourceStateOf(ctx, "council")
	require.NoError(t, err)
	assert.Equal(t, store.SourceState{Name: "council", State: store.SourceNew}, got)

	at := time.Date(2026, 5, 1, 6, 0, 0, 0, time.UTC)
	fail := func(prev store.SourceState) (store.SourceState, []store.Push) {
		next := prev
		next.Dataset, next.State, next.LastFetch, next.LastError = "council", store.SourceFailed, at, "boom"
		next.Failures++
		next.Transitions = 1
		return next, []store.Push{{Kind: "source", Key: "council:1", ChatID: 7, Text: "failed"}}
	}
	// The same transition decided twice (two processes, a retry) is
	// announced once: the push key is the transition's number.
	for range 2 {
		_, err = st.UpdateSource(ctx, "council", fail)
		require.NoError(t, err)
	}
	got, err = st.SourceStateOf(ctx, "council")
	require.NoError(t, err)
	assert.Equal(t, store.SourceState{Name: "council", Dataset: "council", State: store.SourceFailed, LastFetch: at,
		LastError: "boom", Failures: 2, Transitions: 1}, got)
	counts, err := st.OutboxCounts(ctx, "source", "council:1")
	require.NoError(t, err)
	assert.Equal(t, 1, counts["queued"])

	all, err := st.SourceStates(ctx)
	require.NoError(t, err)
	assert.Equal(t, []store.SourceState{got}, all)
}
