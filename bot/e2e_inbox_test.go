package bot_test

import (
	"database/sql"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
)

// Telegram forgets an update once a getUpdates offset passes it; by then
// the bot must hold its own copy, or a crash at that moment loses the
// update. The library sends that offset right after handing the last update
// of a batch over, while the bot may still be storing it.
func TestTelegramForgetsOnlyStoredUpdates(t *testing.T) {
	h := bottest.Start(t)
	db, err := sql.Open("sqlite3", h.Config.Database.Path)
	require.NoError(t, err)
	defer db.Close()
	var mu sync.Mutex
	var confirmed, unstored []int64
	h.SB.OnConfirm(func(ids []int64) {
		mu.Lock()
		defer mu.Unlock()
		for _, id := range ids {
			var n int
			err := db.QueryRow(`SELECT count(*) FROM seen_updates WHERE update_id = ?`, id).Scan(&n)
			if err != nil || n == 0 {
				unstored = append(unstored, id)
			}
			confirmed = append(confirmed, id)
		}
	})
	for range 60 {
		h.Say(bottest.En, "/help")
	}
	mu.Lock()
	defer mu.Unlock()
	assert.GreaterOrEqual(t, len(confirmed), 59, "every update but the last is confirmed by the next poll")
	assert.Empty(t, unstored, "confirmed before the bot had stored them")
}
