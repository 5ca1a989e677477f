package bot_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// The shipped forms' operators' chats (forms/default.yaml).
const (
	threatChat      = int64(-1001000000101)
	incubatorChat   = int64(-1001000000102)
	interpreterChat = int64(-1001000000103)
)

// operator is an admin who sits in the operators' chats.
var operator = sandbox.User{ID: 900, FirstName: "Олена", LanguageCode: "uk"}

func withOperator(c *config.Config) { c.Admins = []int64{operator.ID} }

// sendContact shares the user's phone through the contact button.
func sendContact(h *bottest.Harness, u sandbox.User, phone string) sandbox.Message {
	n := h.Expect(1)
	h.SB.SendContact(u, phone)
	h.Wait(n)
	return h.Last(u)
}

// inject queues a raw update (a forward, a photo, a press in a group) and
// waits for the bot to handle it.
func inject(t *testing.T, h *bottest.Harness, upd models.Update) {
	t.Helper()
	raw, err := json.Marshal(upd)
	require.NoError(t, err)
	n := h.Expect(1)
	require.NotZero(t, h.SB.AddUpdate(raw))
	h.Wait(n)
}

var userMsgID = 5_000_000

func userMessage(u sandbox.User) *models.Message {
	userMsgID++
	return &models.Message{ID: userMsgID, Date: int(time.Now().Unix()),
		From: &models.User{ID: u.ID, FirstName: u.FirstName, LanguageCode: u.LanguageCode},
		Chat: models.Chat{ID: u.ID, Type: models.ChatTypePrivate, FirstName: u.FirstName}}
}

// forwardPost forwards a channel post to the bot.
func forwardPost(t *testing.T, h *bottest.Harness, u sandbox.User, text, channel string, post int) sandbox.Message {
	m := userMessage(u)
	m.Text = text
	m.ForwardOrigin = &models.MessageOrigin{Type: models.MessageOriginTypeChannel,
		MessageOriginChannel: &models.MessageOriginChannel{Type: models.MessageOriginTypeChannel, Date: 1,
			MessageID: post, Chat: models.Chat{ID: -1009, Type: models.ChatTypeChannel, Title: "Фейки", Username: channel}}}
	inject(t, h, models.Update{Message: m})
	return h.Last(u)
}

// sendPhoto sends a photo with a caption.
func sendPhoto(t *testing.T, h *bottest.Harness, u sandbox.User, fileID string) sandbox.Message {
	m := userMessage(u)
	m.Photo = []models.PhotoSize{{FileID: fileID + "-small", Width: 90}, {FileID: fileID, Width: 1280}}
	inject(t, h, models.Update{Message: m})
	return h.Last(u)
}

var queryID = 7_000_000

// pressInChat presses a button of a bot message in a group chat as u.
func pressInChat(t *testing.T, h *bottest.Harness, u sandbox.User, m sandbox.Message, text string) {
	t.Helper()
	data := buttonData(t, m, text)
	queryID++
	msg := &models.Message{ID: m.ID, Date: int(time.Now().Unix()), Chat: models.Chat{ID: m.ChatID, Type: models.ChatTypeGroup,
		Title: "Operators"}, Text: m.Text}
	inject(t, h, models.Update{CallbackQuery: &models.CallbackQuery{ID: strconv.Itoa(queryID),
		From:    models.User{ID: u.ID, FirstName: u.FirstName, LanguageCode: u.LanguageCode},
		Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: msg},
		Data:    data, ChatInstance: "ops"}})
}

func buttonData(t *testing.T, m sandbox.Message, text string) string {
	t.Helper()
	for _, row := range m.Inline {
		for _, b := range row {
			if b.Text == text {
				return b.Data
			}
		}
	}
	t.Fatalf("no button %q on %q (buttons: %v)", text, m.Text, m.Inline)
	return ""
}

// waitMessage waits for a bot message in a chat whose text contains want.
func waitMessage(t *testing.T, h *bottest.Harness, chat int64, want string) sandbox.Message {
	t.Helper()
	var found sandbox.Message
	ok := h.SB.WaitFor(15*time.Second, func() bool {
		for _, m := range h.SB.Messages(chat) {
			if strings.Contains(m.Text, want) {
				found = m
				return true
			}
		}
		return false
	})
	require.True(t, ok, "no message with %q in chat %d (have %v)", want, chat, h.SB.Messages(chat))
	return found
}

// outboxRow returns the outbox row of kind "form" with key, waiting until
// its status is one of want (empty: any).
func outboxRow(t *testing.T, h *bottest.Harness, key string, want ...string) store.OutboxRow {
	t.Helper()
	var row store.OutboxRow
	ok := h.SB.WaitFor(15*time.Second, func() bool {
		rows, err := h.Store.OutboxFor(t.Context(), "form", 0)
		require.NoError(t, err)
		for _, r := range rows {
			if r.Key == key {
				row = r
				if len(want) == 0 {
					return true
				}
				for _, w := range want {
					if r.Status == w {
						return true
					}
				}
			}
		}
		return false
	})
	require.True(t, ok, "outbox row %q not in %v (last seen %+v)", key, want, row)
	return row
}

// submitThreat files a threat report by link, quickly.
func submitThreat(t *testing.T, h *bottest.Harness, u sandbox.User) sandbox.Message {
	t.Helper()
	m := h.Say(u, "/services threat")
	require.Contains(t, m.Text, "(1/3)")
	h.Say(u, "https://t.me/fakes/77")
	m = h.Say(u, "Допис видає себе за міськраду і закликає не йти на виборчі дільниці.")
	l := locales.New(u.LanguageCode)
	m = h.Press(u, m, l.T("forms_skip"))
	require.Contains(t, m.Text, "https://t.me/fakes/77", "the summary")
	h.Press(u, m, l.T("forms_send"))
	return h.Last(u)
}

// Issue 19: a refused answer at an optional step keeps the Skip button.
func TestFormsRefusedAnswerKeepsSkip(t *testing.T) {
	h := bottest.Start(t)
	u := bottest.Uk
	l := locales.New(u.LanguageCode)
	h.Say(u, "/services threat")
	h.Say(u, "https://t.me/fakes/77")
	h.Say(u, "Допис видає себе за міськраду і закликає не йти на виборчі дільниці.")
	m := h.Say(u, "ось знімок") // text where a photo is asked
	require.NotEmpty(t, m.Inline, "the refusal %q has buttons", m.Text)
	m = h.Press(u, m, l.T("forms_skip"))
	assert.Contains(t, m.Text, "https://t.me/fakes/77", "skipped from the refusal: the summary")
}
