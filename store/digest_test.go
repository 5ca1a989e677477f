package store_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// One digest per window: a second starter that planned from the same
// previous digest queues nothing, renders nothing, and is told which digest
// holds the window; the next window is free.
func TestQueueDigestClaimsItsWindowOnce(t *testing.T) {
	ctx := t.Context()
	s := storetest.Open(t, nil)
	t0 := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	push := func(key string) ([]store.Push, error) {
		return []store.Push{{Kind: "digest", Key: key, ChatID: 7, Text: "digest " + key}}, nil
	}

	first, err := s.QueueDigest(ctx, 0, t0.Add(-7*24*time.Hour), t0, 3, push)
	require.NoError(t, err)
	assert.Equal(t, 1, first.Recipients)

	rendered := false
	holder, err := s.QueueDigest(ctx, 0, t0.Add(-7*24*time.Hour), t0.Add(time.Second), 3,
		func(string) ([]store.Push, error) { rendered = true; return nil, nil })
	require.ErrorIs(t, err, store.ErrDigestWindowTaken)
	assert.False(t, rendered, "the loser renders nothing")
	assert.Equal(t, first.ID, holder.ID, "the loser is told which digest holds the window")
	assert.Equal(t, t0, holder.To)

	next, err := s.QueueDigest(ctx, first.ID, t0, t0.Add(7*24*time.Hour), 1, push)
	require.NoError(t, err)
	assert.Equal(t, first.ID, next.Follows)
	_, err = s.QueueDigest(ctx, first.ID, t0, t0.Add(7*24*time.Hour+time.Minute), 1, push)
	require.ErrorIs(t, err, store.ErrDigestWindowTaken)

	last, found, err := s.LastDigest(ctx)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, next.ID, last.ID)
	counts, err := s.OutboxCounts(ctx, "digest", "")
	require.NoError(t, err)
	assert.Equal(t, 2, counts["queued"], "one message per digest, none from the losers")
}
