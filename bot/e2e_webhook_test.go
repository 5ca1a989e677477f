package bot_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/config"
)

const webhookSecret = "s3cret-token_for-tests"

func webhookMode(c *config.Config) {
	c.Telegram.Mode = "webhook"
	c.Telegram.WebhookURL = "http://127.0.0.1" + bottest.WebhookPath // the harness sets the port
	c.Telegram.SecretToken = webhookSecret
}

// The sandbox delivers updates to the webhook with the secret the bot set;
// a forged request without it gets 401 and is not handled.
func TestWebhookAcceptsOnlyTheRightSecret(t *testing.T) {
	h := bottest.Start(t, webhookMode)
	assert.Contains(t, h.Say(bottest.En, "/start").Text, "Hello, Ann!", "a genuine update is handled")
	handled := h.App.Handled()

	forged := `{"update_id":999,"message":{"message_id":1,"date":1,"chat":{"id":502,"type":"private"},` +
		`"from":{"id":502,"is_bot":false,"first_name":"Ann"},"text":"/help"}}`
	for _, secret := range []string{"", "wrong", webhookSecret + "x"} {
		req, err := http.NewRequest(http.MethodPost, "http://"+h.HTTPAddr+bottest.WebhookPath, strings.NewReader(forged))
		require.NoError(t, err)
		if secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "secret %q", secret)
	}
	time.Sleep(200 * time.Millisecond) // a wrongly accepted update would be handled by now
	assert.Equal(t, handled, h.App.Handled(), "no forged update was handled")
	assert.Len(t, h.SB.Messages(bottest.En.ID), 1, "and nothing was sent for it")
	assert.Contains(t, h.Log.String(), "wrong secret token")
}

// postUpdate posts body to the webhook with the right secret and returns
// the status.
func postUpdate(t *testing.T, h *bottest.Harness, body string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, "http://"+h.HTTPAddr+bottest.WebhookPath, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", webhookSecret)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode
}

// A body that is not exactly one update gets 400 (413 when too large) and is
// neither stored nor handled; "{}" and a body with trailing bytes used to be
// taken as updates.
func TestWebhookRefusesABodyThatIsNotOneUpdate(t *testing.T) {
	h := bottest.Start(t, webhookMode)
	assert.Contains(t, h.Say(bottest.En, "/start").Text, "Hello, Ann!")
	handled := h.App.Handled()

	msg := func(id int) string {
		return fmt.Sprintf(`{"update_id":%d,"message":{"message_id":%d,"date":1,"chat":{"id":502,"type":"private"},`+
			`"from":{"id":502,"is_bot":false,"first_name":"Ann","language_code":"en"},"text":"/help"}}`, id, id)
	}
	tests := []struct {
		name, body string
		want       int
	}{
		{"empty", "", http.StatusBadRequest},
		{"empty object", "{}", http.StatusBadRequest},
		{"null", "null", http.StatusBadRequest},
		{"array of updates", "[" + msg(801) + "]", http.StatusBadRequest},
		{"two updates", msg(802) + msg(803), http.StatusBadRequest},
		{"trailing garbage", msg(804) + " garbage", http.StatusBadRequest},
		{"trailing brace", msg(805) + "}", http.StatusBadRequest},
		{"update_id only", `{"update_id":806}`, http.StatusBadRequest},
		{"zero update_id", strings.Replace(msg(807), `"update_id":807`, `"update_id":0`, 1), http.StatusBadRequest},
		{"two update fields", strings.TrimSuffix(msg(808), "}") + `,"edited_message":{"message_id":9,"date":1,` +
			`"chat":{"id":502,"type":"private"}}}`, http.StatusBadRequest},
		{"a string", `"update"`, http.StatusBadRequest},
		{"truncated", msg(809)[:40], http.StatusBadRequest},
		{"too large", `{"update_id":810,"message":{"text":"` + strings.Repeat("a", 1<<20) + `"}}`,
			http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, postUpdate(t, h, tt.body), tt.name)
	}
	time.Sleep(200 * time.Millisecond) // a wrongly accepted update would be handled by now
	assert.Equal(t, handled, h.App.Handled(), "none of them was handled")
	assert.Len(t, h.SB.Messages(bottest.En.ID), 1, "and nothing was sent for them")
	assert.Contains(t, h.Log.String(), "webhook request refused")

	assert.Equal(t, http.StatusOK, postUpdate(t, h, msg(811)+"\n"), "one update, a newline after it, is fine")
	_, err := h.SB.WaitMessages(bottest.En.ID, 2, 10*time.Second)
	require.NoError(t, err)
}

// Telegram retries a webhook delivery it thinks failed: the same update
// arrives twice and is answered once.
func TestRedeliveredUpdateIsAnsweredOnce(t *testing.T) {
	h := bottest.Start(t, webhookMode)
	update := `{"update_id":777,"message":{"message_id":1,"date":1,"chat":{"id":502,"type":"private"},` +
		`"from":{"id":502,"is_bot":false,"first_name":"Ann","language_code":"en"},"text":"/help"}}`
	for range 2 {
		req, err := http.NewRequest(http.MethodPost, "http://"+h.HTTPAddr+bottest.WebhookPath, strings.NewReader(update))
		require.NoError(t, err)
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", webhookSecret)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode)
	}
	_, err := h.SB.WaitMessages(bottest.En.ID, 1, 10*time.Second)
	require.NoError(t, err)
	time.Sleep(300 * time.Millisecond) // a second answer would be sent by now
	assert.Len(t, h.SB.Messages(bottest.En.ID), 1)
	assert.Contains(t, h.Log.String(), "duplicate update skipped")
}
