package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/store"
)

// The sends a restarted bot seeds its pace with: outbox rows sent within the
// window, rows still being sent (as just sent), and answers to residents, by
// the time their batch was recorded. Answers older than the window are not
// counted, and older than ten seconds not kept.
func TestRecentSendAgesCountsAnswersBesideTheOutbox(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "nazar.db")
	clk := clock.NewFake(t0)
	s := openMigrated(t, path, store.Options{Now: clk.Now})
	defer s.Close()

	require.NoError(t, s.RecordAnswerSends(ctx, 5)) // t0: out of the window below
	clk.Advance(11 * time.Second)
	require.NoError(t, s.RecordAnswerSends(ctx, 2)) // t0+11s: drops the first batch
	assert.Equal(t, 1, countRows(t, path, `SELECT count(*) FROM answer_sends`), "rows older than 10 s are dropped")
	clk.Advance(300 * time.Millisecond)
	require.NoError(t, s.RecordAnswerSends(ctx, 0), "nothing to record")
	_, err := s.Enqueue(ctx, store.Push{Kind: "digest", Key: "d1", ChatID: 7, Text: "a"},
		store.Push{Kind: "digest", Key: "d1", ChatID: 8, Text: "b"})
	require.NoError(t, err)
	items, err := s.ClaimOutbox(ctx, 10, nil)
	require.NoError(t, err)
	require.Len(t, items, 2)
	require.NoError(t, s.OutboxSent(ctx, items[0].ID, 1)) // t0+11.3s; the other stays "sending"
	clk.Advance(200 * time.Millisecond)

	ages, err := s.RecentSendAges(ctx, time.Second, 4)
	require.NoError(t, err)
	assert.ElementsMatch(t, []time.Duration{200 * time.Millisecond, 0, 500 * time.Millisecond, 500 * time.Millisecond},
		ages, "the sent row, the row being sent, the two answers")
	ages, err = s.RecentSendAges(ctx, time.Second, 0)
	require.NoError(t, err)
	assert.Len(t, ages, 3, "no worker: no row in flight, however many are claimed")
}
