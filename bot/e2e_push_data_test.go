package bot_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/voucher"
)

// A push queued as data is rendered when it is sent, in the language its
// recipient has then: a resident who switched to English after the push was
// queued reads it in English.
func TestPushIsRenderedInTheLanguageOfTheMomentItIsSent(t *testing.T) {
	h := bottest.Start(t)
	h.Say(bottest.Uk, "/start")
	change := voucher.StatusChange{ID: 1, No: "LV-2026-000102", Status: "under_review"}
	_, err := h.Store.Enqueue(t.Context(), store.Push{Kind: "voucher", Key: "LV-2026-000102:1", ChatID: bottest.Uk.ID,
		Message: store.MsgVoucherStatus, Args: change, NotBefore: h.Clock.Now().Add(time.Hour)})
	require.NoError(t, err)
	require.NoError(t, h.Store.SetLanguage(t.Context(), bottest.Uk.ID, "en"))
	h.Clock.Advance(2 * time.Hour)

	push := waitMessage(t, h, bottest.Uk.ID, "LV-2026-000102")
	assert.Equal(t, "🔔 Business voucher application LV-2026-000102: new status “Under review”\n"+
		"Details: /voucher LV-2026-000102", push.Text)
}

// A row no renderer knows (a message removed by a later version) fails with
// its reason instead of going out blank, and the queue moves on.
func TestPushWithAnUnknownMessageFails(t *testing.T) {
	h := bottest.Start(t)
	_, err := h.Store.Enqueue(t.Context(),
		store.Push{Kind: "card", Key: "gone", ChatID: bottest.En.ID, Message: "gone_message", Args: map[string]int{}},
		store.Push{Kind: "card", Key: "text", ChatID: bottest.En.ID, Text: "still here"})
	require.NoError(t, err)
	waitMessage(t, h, bottest.En.ID, "still here")
	counts := waitDrained(t, h, 10*time.Second)
	assert.Equal(t, 1, counts["failed"])
	rows, err := h.Store.OutboxFor(t.Context(), "card", bottest.En.ID)
	require.NoError(t, err)
	require.Len(t, rows, 2)
	assert.Contains(t, rows[0].Error, `push message "gone_message": no renderer`)
}
