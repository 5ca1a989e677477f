package bot

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func chatUpdate(chat int64, id int) *models.Update {
	return &models.Update{ID: int64(id), Message: &models.Message{ID: id, Chat: models.Chat{ID: chat}}}
}

// Each chat's updates run in arrival order, at most limit at once, with the
// workers passed from chat to chat.
func TestDispatcherKeepsEachChatsOrderWithinTheLimit(t *testing.T) {
	const chats, perChat, limit = 20, 50, 4
	var mu sync.Mutex
	last := map[int64]int{}
	running, most := 0, 0
	d := NewDispatcher(t.Context(), limit, 64, func(_ context.Context, upd *models.Update) {
		mu.Lock()
		running++
		most = max(most, running)
		chat := upd.Message.Chat.ID
		assert.Less(t, last[chat], upd.Message.ID, "chat %d out of order", chat)
		last[chat] = upd.Message.ID
		mu.Unlock()
		if upd.ID%7 == 0 {
			time.Sleep(time.Millisecond)
		}
		mu.Lock()
		running--
		mu.Unlock()
	})
	for i := 1; i <= perChat; i++ {
		for c := range int64(chats) {
			require.True(t, d.Enqueue(chatUpdate(c, i)))
		}
	}
	require.NoError(t, d.Close(t.Context()))
	for c := range int64(chats) {
		assert.Equal(t, perChat, last[c], "chat %d handled whole", c)
	}
	assert.LessOrEqual(t, most, limit)
	assert.False(t, d.Enqueue(chatUpdate(1, 99)), "closed")
}

// Workers waiting for another chat end when the dispatcher closes.
func TestDispatcherWorkersEndWithClose(t *testing.T) {
	before := runtime.NumGoroutine()
	d := NewDispatcher(t.Context(), 8, 64, func(context.Context, *models.Update) {})
	for c := range int64(8) {
		d.Enqueue(chatUpdate(c, 1))
	}
	require.NoError(t, d.Close(t.Context()))
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before, "no worker left waiting")
}
