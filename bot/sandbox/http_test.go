package sandbox_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
)

// answer is the Bot API envelope as seen on the wire.
type answer struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
}

func post(t *testing.T, u, contentType, body string) (int, answer) {
	t.Helper()
	resp, err := http.Post(u, contentType, strings.NewReader(body))
	require.NoError(t, err)
	defer func() { _ = resp.Body.Close() }()
	var a answer
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&a))
	return resp.StatusCode, a
}

func TestPlainHTTPBodies(t *testing.T) {
	s := newServer(t)
	s.SendText(alice, "hi") // the sandbox learns @alice
	form := url.Values{"chat_id": {"@alice"}, "text": {"form"},
		"reply_markup": {`{"keyboard":[["Так",{"text":"Ні"}]],"resize_keyboard":true}`}}
	cases := []struct {
		name, contentType, body string
		want                    sandbox.Message
	}{
		{name: "json", contentType: "application/json",
			body: `{"chat_id":1001,"text":"json","parse_mode":"HTML","reply_markup":{"inline_keyboard":[[{"text":"A","callback_data":"a"},{"text":"Web","url":"https://example.org"}]]}}`,
			want: sandbox.Message{Text: "json", ParseMode: "HTML", Inline: [][]sandbox.Button{{{Text: "A", Data: "a"}, {Text: "Web", URL: "https://example.org"}}}}},
		{name: "json string chat id", contentType: "application/json", body: `{"chat_id":"1001","text":"string id"}`,
			want: sandbox.Message{Text: "string id"}},
		{name: "urlencoded", contentType: "application/x-www-form-urlencoded", body: form.Encode(),
			want: sandbox.Message{Text: "form", Keyboard: [][]string{{"Так", "Ні"}}}},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, a := post(t, s.URL+"/bot"+s.Token+"/sendMessage", tc.contentType, tc.body)
			require.Equal(t, http.StatusOK, status, a.Description)
			assert.True(t, a.OK)
			last, ok := s.Last(alice.ID)
			require.True(t, ok)
			tc.want.ChatID, tc.want.ID, tc.want.Method = alice.ID, i+1, "sendMessage"
			assert.Equal(t, tc.want, last)
		})
	}
}

func TestHTTPErrors(t *testing.T) {
	s := newServer(t)
	base := s.URL + "/bot" + s.Token + "/"
	cases := []struct {
		name, url, body string
		wantStatus      int
		wantDescription string
	}{
		{name: "wrong token", url: s.URL + "/bot1:other/getMe", wantStatus: 401, wantDescription: "Unauthorized"},
		{name: "unknown method", url: base + "sendDice", body: `{"chat_id":1}`, wantStatus: 404, wantDescription: "Not Found"},
		{name: "not a bot path", url: s.URL + "/getMe", wantStatus: 404, wantDescription: "Not Found"},
		{name: "empty text", url: base + "sendMessage", body: `{"chat_id":1,"text":""}`, wantStatus: 400,
			wantDescription: "Bad Request: message text is empty"},
		{name: "missing chat", url: base + "sendMessage", body: `{"text":"x"}`, wantStatus: 400,
			wantDescription: "Bad Request: chat_id is empty"},
		{name: "unknown username", url: base + "sendMessage", body: `{"chat_id":"@nobody","text":"x"}`, wantStatus: 400,
			wantDescription: "Bad Request: chat not found"},
		{name: "broken markup", url: base + "sendMessage", body: `{"chat_id":1,"text":"x","reply_markup":"{"}`, wantStatus: 400,
			wantDescription: "Bad Request: can't parse reply keyboard markup JSON object"},
		{name: "long callback data", url: base + "sendMessage", wantStatus: 400, wantDescription: "Bad Request: BUTTON_DATA_INVALID",
			body: `{"chat_id":1,"text":"x","reply_markup":{"inline_keyboard":[[{"text":"A","callback_data":"` + strings.Repeat("x", 65) + `"}]]}}`},
		{name: "button without action", url: base + "sendMessage", wantStatus: 400,
			wantDescription: "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
			body:            `{"chat_id":1,"text":"x","reply_markup":{"inline_keyboard":[[{"text":"A"}]]}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, a := post(t, tc.url, "application/json", tc.body)
			assert.Equal(t, tc.wantStatus, status)
			assert.False(t, a.OK)
			assert.Equal(t, tc.wantStatus, a.ErrorCode)
			assert.Equal(t, tc.wantDescription, a.Description)
		})
	}
	assert.Equal(t, len(cases), s.Stats().Requests)
}

func getUpdates(t *testing.T, s *sandbox.Server, params string) []json.RawMessage {
	t.Helper()
	status, a := post(t, s.URL+"/bot"+s.Token+"/getUpdates", "application/x-www-form-urlencoded", params)
	require.Equal(t, http.StatusOK, status, a.Description)
	var updates []json.RawMessage
	require.NoError(t, json.Unmarshal(a.Result, &updates))
	return updates
}

func TestGetUpdatesOffsetAndLimit(t *testing.T) {
	s := newServer(t)
	first := s.SendText(alice, "1")
	s.SendText(alice, "2")
	third := s.SendText(alice, "3")

	assert.Len(t, getUpdates(t, s, "limit=2"), 2)
	assert.Equal(t, 3, s.Pending(), "reading does not confirm")
	assert.Len(t, getUpdates(t, s, "offset="+strconv.FormatInt(first+1, 10)), 2)
	assert.Equal(t, 2, s.Pending())
	assert.Empty(t, getUpdates(t, s, "timeout=0&offset="+strconv.FormatInt(third+1, 10)))
	assert.Zero(t, s.Pending())

	done := make(chan string, 1)
	go func() {
		resp, err := http.Get(s.URL + "/bot" + s.Token + "/getUpdates?timeout=30&offset=" + strconv.FormatInt(third+1, 10))
		if err != nil {
			done <- err.Error()
			return
		}
		defer func() { _ = resp.Body.Close() }()
		body, _ := io.ReadAll(resp.Body)
		done <- string(body)
	}()
	require.True(t, s.WaitFor(10*time.Second, func() bool { return s.Polls() == 1 }), "the long poll is parked")
	s.SendText(alice, "wake up")
	select {
	case body := <-done:
		assert.Contains(t, body, `"text":"wake up"`)
	case <-time.After(10 * time.Second):
		require.FailNow(t, "a long poll must return when an update arrives")
	}
}

func TestWebhookMethods(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	ctx := context.Background()
	s.SendText(alice, "queued")

	_, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: "https://example.org/hook"})
	require.NoError(t, err)
	info, err := b.GetWebhookInfo(ctx)
	require.NoError(t, err)
	assert.Equal(t, "https://example.org/hook", info.URL)
	assert.Equal(t, 1, info.PendingUpdateCount)
	status, _ := post(t, s.URL+"/bot"+s.Token+"/getUpdates", "application/json", `{}`)
	assert.Equal(t, http.StatusConflict, status, "getUpdates is refused while a webhook is set")

	_, err = b.DeleteWebhook(ctx, &bot.DeleteWebhookParams{DropPendingUpdates: true})
	require.NoError(t, err)
	assert.Zero(t, s.Pending())
	assert.Empty(t, getUpdates(t, s, ""))
}

func TestWatch(t *testing.T) {
	s := sandbox.New(token)
	b := newBot(t, s)
	w := s.Watch()
	ctx := context.Background()
	sent, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: bob.ID, Text: "one"})
	require.NoError(t, err)
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: bob.ID, MessageID: sent.ID, Text: "two"})
	require.NoError(t, err)
	s.Close()

	var seen []sandbox.Message
	for m := range w { // Close closes the channel, ending the loop
		seen = append(seen, m)
	}
	require.Len(t, seen, 2)
	assert.Equal(t, "one", seen[0].Text)
	assert.Equal(t, "two", seen[1].Text)
	assert.Equal(t, 1, seen[1].Edits)
	_, open := <-s.Watch()
	assert.False(t, open, "Watch after Close returns a closed channel")
}
