package bot_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
)

// The admin's "new digest item" flow is the conversation under test: four
// steps (title, text, link, preview) persisted in SQLite between messages.

// startItem opens the flow and returns after the title is asked for.
func startItem(h *bottest.Harness) {
	panel := h.Say(admin, "/admin")
	m := h.Press(admin, panel, "📝 New digest item")
	h.Press(admin, m, "News")
}

func TestConversationSurvivesARestart(t *testing.T) {
	h := bottest.Start(t, asAdmin)
	startItem(h)
	assert.Contains(t, h.Say(admin, "Park opens").Text, "Send the text")

	h.Restart()
	assert.Contains(t, h.Say(admin, "The new park opens on Saturday.").Text, "Send a link",
		"the step and the fields collected before the restart are kept")
	preview := h.Say(admin, "-")
	assert.Contains(t, preview.Text, "• Park opens")
}

func TestConversationExpiresAfterTheTimeout(t *testing.T) {
	h := bottest.Start(t, asAdmin)
	startItem(h)
	h.Clock.Advance(h.Config.Conversation.Timeout - time.Minute)
	assert.Contains(t, h.Say(admin, "Park opens").Text, "Send the text", "within the timeout it goes on")

	h.Clock.Advance(h.Config.Conversation.Timeout + time.Second)
	h.Restart() // expiry is stored, not a timer in memory
	m := h.Say(admin, "The new park opens on Saturday.")
	assert.Contains(t, m.Text, "conversation expired")
	assert.NotEmpty(t, m.Keyboard, "the main menu comes with it")
	assert.Contains(t, h.Say(admin, "hello").Text, "I have no answer to that yet", "the expired flow is gone")
}

func TestCancelWorksAtEveryStep(t *testing.T) {
	h := bottest.Start(t, asAdmin)
	answers := []string{"Park opens", "The new park opens on Saturday.", "-"}
	for step := 0; step <= len(answers); step++ {
		t.Run(fmt.Sprintf("after %d answers", step), func(t *testing.T) {
			startItem(h)
			for _, a := range answers[:step] {
				h.Say(admin, a)
			}
			m := h.Say(admin, "/cancel")
			assert.Equal(t, "Cancelled. Here is the main menu.", m.Text)
			assert.Contains(t, h.Say(admin, "Park opens").Text, "I have no answer to that yet", "the flow ended")
		})
	}
	items, err := h.Store.DigestItemsBetween(t.Context(), bottest.Epoch.Add(-time.Hour), h.Clock.Now().Add(time.Hour))
	require.NoError(t, err)
	assert.Empty(t, items, "nothing cancelled was published")
}

func TestMenuButtonInterruptsAConversation(t *testing.T) {
	h := bottest.Start(t, asAdmin)
	startItem(h)
	assert.Contains(t, h.Say(admin, "ℹ️ Help").Text, "/privacy", "a menu button is not taken as the title")
	assert.Contains(t, h.Say(admin, "Park opens").Text, "I have no answer to that yet")
}

// Fifty messages from one chat are answered in the order sent, while another
// chat is served in the meantime rather than queued behind them.
func TestOneChatInOrderOthersConcurrently(t *testing.T) {
	h := bottest.Start(t)
	busy := sandbox.User{ID: 601, FirstName: "Busy", LanguageCode: "en"}
	h.SB.SetLatency(40 * time.Millisecond) // every reply takes a while: fifty take two seconds
	const n = 50
	for i := range n {
		h.SB.SendText(busy, "/deputy "+tag(i))
	}
	h.SB.SendText(bottest.En, "/start")
	_, err := h.SB.WaitMessages(bottest.En.ID, 1, 10*time.Second)
	require.NoError(t, err)
	othersDone := len(h.SB.Messages(busy.ID))
	msgs, err := h.SB.WaitMessages(busy.ID, n, 30*time.Second)
	require.NoError(t, err)
	for i, m := range msgs {
		assert.Contains(t, m.Text, "“"+tag(i)+"”", "reply %d is to message %d", i, i)
	}
	assert.Less(t, othersDone, n, "the other chat did not wait for all fifty")
}

// tag is a distinct letters-only name for message i ("Zyaa", "Zyab"…).
func tag(i int) string { return "Zy" + string(rune('a'+i/26)) + string(rune('a'+i%26)) }
