package sandbox_test

import (
	"encoding/json"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLongPollTextAndCommandEntity(t *testing.T) {
	s := newServer(t)
	_, got := startBot(t, s, nil)
	cases := []struct {
		name       string
		text       string
		wantLength int // of the bot_command entity, in UTF-16 units; 0 = no entity
	}{
		{name: "bare command", text: "/deputy", wantLength: 7},
		{name: "command with argument", text: "/deputy Іваненко", wantLength: 7},
		{name: "emoji counts two units", text: "/🙂старт далі", wantLength: 8},
		{name: "command then newline", text: "/start\nhi", wantLength: 6},
		{name: "plain text", text: "Привіт 👋"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := s.SendText(alice, tc.text)
			u := recv(t, got)
			assert.Equal(t, id, u.ID)
			require.NotNil(t, u.Message)
			m := u.Message
			assert.Equal(t, tc.text, m.Text)
			assert.NotZero(t, m.Date)
			assert.Equal(t, models.Chat{ID: alice.ID, Type: models.ChatTypePrivate, FirstName: "Аліса", Username: "alice"}, m.Chat)
			require.NotNil(t, m.From)
			assert.Equal(t, "uk", m.From.LanguageCode)
			if tc.wantLength == 0 {
				assert.Empty(t, m.Entities)
				return
			}
			assert.Equal(t, []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Length: tc.wantLength}}, m.Entities)
		})
	}
	assert.True(t, s.WaitFor(10*time.Second, func() bool { return s.Pending() == 0 }),
		"the bot's next getUpdates offset confirms what it received")
}

func TestInjectedKinds(t *testing.T) {
	s := newServer(t)
	_, got := startBot(t, s, nil)
	cases := []struct {
		name   string
		inject func() int64
		check  func(t *testing.T, u *models.Update)
	}{
		{name: "location", inject: func() int64 { return s.SendLocation(bob, 50.45, 30.52) },
			check: func(t *testing.T, u *models.Update) {
				require.NotNil(t, u.Message.Location)
				assert.Equal(t, 50.45, u.Message.Location.Latitude)
				assert.Equal(t, 30.52, u.Message.Location.Longitude)
			}},
		{name: "contact", inject: func() int64 { return s.SendContact(bob, "+380501234567") },
			check: func(t *testing.T, u *models.Update) {
				require.NotNil(t, u.Message.Contact)
				assert.Equal(t, models.Contact{PhoneNumber: "+380501234567", FirstName: "Bob", UserID: bob.ID}, *u.Message.Contact)
			}},
		{name: "blocked", inject: func() int64 { return s.ChatMember(bob, "kicked") },
			check: func(t *testing.T, u *models.Update) {
				require.NotNil(t, u.MyChatMember)
				assert.Equal(t, models.ChatMemberTypeBanned, u.MyChatMember.NewChatMember.Type)
				assert.Equal(t, models.ChatMemberTypeMember, u.MyChatMember.OldChatMember.Type)
				assert.Equal(t, bob.ID, u.MyChatMember.Chat.ID)
				assert.Equal(t, "en", u.MyChatMember.From.LanguageCode)
			}},
		{name: "unblocked", inject: func() int64 { return s.ChatMember(bob, "member") },
			check: func(t *testing.T, u *models.Update) {
				require.NotNil(t, u.MyChatMember)
				assert.Equal(t, models.ChatMemberTypeMember, u.MyChatMember.NewChatMember.Type)
				assert.Equal(t, models.ChatMemberTypeBanned, u.MyChatMember.OldChatMember.Type)
			}},
		{name: "raw update", inject: func() int64 {
			return s.AddUpdate(json.RawMessage(`{"update_id":777,"edited_message":{"message_id":5,"date":1,"chat":{"id":1002,"type":"private"},"text":"x"}}`))
		}, check: func(t *testing.T, u *models.Update) {
			require.NotNil(t, u.EditedMessage)
			assert.Equal(t, "x", u.EditedMessage.Text)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := tc.inject()
			u := recv(t, got)
			assert.Equal(t, id, u.ID, "the sandbox assigns update ids")
			tc.check(t, u)
		})
	}
}

func TestAddUpdateRejectsNonObject(t *testing.T) {
	s := newServer(t)
	assert.Zero(t, s.AddUpdate(json.RawMessage(`[1,2]`)))
	assert.Zero(t, s.AddUpdate(json.RawMessage(`{`)))
	assert.Zero(t, s.Pending())
}

// A getUpdates offset confirms the updates below it: the hook hears which,
// before the poll is answered, and they are not delivered again.
func TestOffsetConfirmsAndTellsTheHook(t *testing.T) {
	s := newServer(t)
	var mu sync.Mutex
	var heard [][]int64
	s.OnConfirm(func(ids []int64) {
		mu.Lock()
		defer mu.Unlock()
		heard = append(heard, ids)
	})
	confirmed := func() [][]int64 {
		mu.Lock()
		defer mu.Unlock()
		return heard
	}
	first, second, third := s.SendText(alice, "1"), s.SendText(alice, "2"), s.SendText(alice, "3")
	getUpdates := s.URL + "/bot" + s.Token + "/getUpdates"
	_, a := post(t, getUpdates, "application/json", `{"offset":0}`)
	assert.Contains(t, string(a.Result), `"update_id":`+strconv.FormatInt(first, 10))
	assert.Empty(t, confirmed(), "offset 0 confirms nothing")

	_, a = post(t, getUpdates, "application/json", `{"offset":`+strconv.FormatInt(third, 10)+`}`)
	assert.Equal(t, [][]int64{{first, second}}, confirmed())
	assert.NotContains(t, string(a.Result), `"update_id":`+strconv.FormatInt(first, 10)+`,`)
	assert.Contains(t, string(a.Result), `"update_id":`+strconv.FormatInt(third, 10))
	assert.Equal(t, 1, s.Pending())
}
