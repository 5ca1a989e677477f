package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/voucher"
)

// A push queued as data keeps its message and arguments, sealed on disk
// (they may hold what a resident typed), and is claimed with the language
// its recipient has when it is sent, not when it was queued; a chat the
// users table does not know has none (the sender falls back).
func TestPushAsDataIsSealedAndClaimedInTheCurrentLanguage(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nazar.db")
	s := openMigrated(t, path, store.Options{Now: clock.NewFake(t0).Now})
	defer s.Close()
	_, err := s.TouchUser(ctx, store.SeenUser{ID: 7, ChatID: 7, Language: "uk"})
	require.NoError(t, err)
	const secret = "Кошти буде перераховано Петренку"
	change := voucher.StatusChange{ID: 3, No: "LV-1", Status: "approved", Approved: 30_000_00, Comment: secret}
	n, err := s.Enqueue(ctx,
		store.Push{Kind: "voucher", Key: "LV-1:3", ChatID: 7, Message: store.MsgVoucherStatus, Args: change},
		store.Push{Kind: "voucher", Key: "LV-1:3", ChatID: -100, Message: store.MsgVoucherStatus, Args: change})
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	require.NoError(t, s.SetLanguage(ctx, 7, "en"))

	items, err := s.ClaimOutbox(ctx, 10, nil)
	require.NoError(t, err)
	require.Len(t, items, 2)
	byChat := map[int64]store.OutboxItem{items[0].ChatID: items[0], items[1].ChatID: items[1]}
	assert.Equal(t, "en", byChat[7].Language, "the language of the moment it is sent")
	assert.Empty(t, byChat[-100].Language, "no user: the sender falls back")
	for _, it := range items {
		assert.Equal(t, store.MsgVoucherStatus, it.Message)
		assert.Empty(t, it.Text)
		assert.JSONEq(t, `{"ID":3,"No":"LV-1","Status":"approved","Date":"0001-01-01T00:00:00Z","Approved":3000000,
			"Comment":"`+secret+`"}`, string(it.Args))
	}
	assert.Equal(t, 1, countRows(t, path, `SELECT count(*) FROM outbox_bodies`), "the same arguments are stored once")
	require.NoError(t, s.Checkpoint(ctx))
	assertNoneInFiles(t, filepath.Dir(path), secret)
}

// A push is a message or a text, and names what it is about.
func TestPushNeedsAMessageOrAText(t *testing.T) {
	s := openMigrated(t, filepath.Join(t.TempDir(), "nazar.db"), store.Options{Now: clock.NewFake(t0).Now})
	defer s.Close()
	for name, p := range map[string]store.Push{
		"neither": {Kind: "card", Key: "k", ChatID: 7},
		"both":    {Kind: "card", Key: "k", ChatID: 7, Text: "x", Message: store.MsgCardLow, Args: store.CardLowArgs{}},
		"no key":  {Kind: "card", ChatID: 7, Text: "x"},
	} {
		_, err := s.Enqueue(t.Context(), p)
		assert.Error(t, err, name)
	}
	counts, err := s.OutboxCounts(t.Context(), "", "")
	require.NoError(t, err)
	assert.Zero(t, counts["queued"])
}

// Rows an older version queued (a text, no message column yet) are sent
// as they were after the upgrade: migration 0018 makes them literal texts.
func TestPushesQueuedBeforeMessagesAreStillSent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nazar.db")
	s := openMigrated(t, path, store.Options{Now: clock.NewFake(t0).Now})
	_, err := s.Enqueue(ctx, store.Push{Kind: "digest", Key: "1", ChatID: 7, Text: "Дайджест тижня"})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	downgradeOutbox(t, path)

	s = openMigrated(t, path, store.Options{Now: clock.NewFake(t0.Add(time.Minute)).Now})
	defer s.Close()
	items, err := s.ClaimOutbox(ctx, 10, nil)
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, "Дайджест тижня", items[0].Text)
	assert.Empty(t, items[0].Message)
}

// downgradeOutbox turns a database back into the shape before migration
// 0018, keeping its rows.
func downgradeOutbox(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	require.NoError(t, err)
	defer db.Close()
	for _, q := range []string{`DROP INDEX users_chat`, `ALTER TABLE outbox DROP COLUMN message`,
		`DELETE FROM schema_migrations WHERE name = '0018_outbox_messages.sql'`} {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM pragma_table_info('outbox') WHERE name = 'message'`).Scan(&n))
	require.Zero(t, n)
}

func countRows(t *testing.T, path, query string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	require.NoError(t, err)
	defer db.Close()
	var n int
	require.NoError(t, db.QueryRow(query).Scan(&n))
	return n
}
