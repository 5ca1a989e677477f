package sandbox

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/go-telegram/bot/models"
)

// callbackBase makes callback query ids look like Telegram's long numbers.
const callbackBase = 4_000_000_000_000_000

// User is a person talking to the bot in a private chat (chat id == user id).
type User struct {
	ID           int64
	FirstName    string
	Username     string
	LanguageCode string
}

func (u User) model() models.User {
	return models.User{ID: u.ID, FirstName: u.FirstName, Username: u.Username, LanguageCode: u.LanguageCode}
}

// pendingUpdate is a queued update, already marshalled with its update_id.
type pendingUpdate struct {
	id  int64
	raw json.RawMessage
}

// SendText injects a text message from a user and returns its update_id.
// A leading "/" marks a bot_command entity whose length, like Telegram's,
// counts UTF-16 code units up to the first whitespace.
func (s *Server) SendText(from User, text string) int64 {
	return s.injectMessage(from, func(m *models.Message) {
		m.Text = text
		if strings.HasPrefix(text, "/") {
			cmd := text
			if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
				cmd = text[:i]
			}
			m.Entities = []models.MessageEntity{{
				Type: models.MessageEntityTypeBotCommand, Length: utf16Units(cmd),
			}}
		}
	})
}

// SendLocation injects a shared location from a user and returns its update_id.
func (s *Server) SendLocation(from User, lat, lon float64) int64 {
	return s.injectMessage(from, func(m *models.Message) {
		m.Location = &models.Location{Latitude: lat, Longitude: lon}
	})
}

// SendContact injects the user's own shared contact and returns its update_id.
func (s *Server) SendContact(from User, phone string) int64 {
	return s.injectMessage(from, func(m *models.Message) {
		m.Contact = &models.Contact{PhoneNumber: phone, FirstName: from.FirstName, UserID: from.ID}
	})
}

func (s *Server) injectMessage(from User, fill func(*models.Message)) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[from.ID] = from
	c := s.chat(from.ID)
	c.lastUser++
	u := from.model()
	m := &models.Message{ID: userMessageBase + c.lastUser, From: &u, Date: now(), Chat: s.chatModel(from.ID)}
	fill(m)
	return s.enqueueLocked(&models.Update{Message: m})
}

// Press injects a callback_query for a button under bot message messageID in
// the user's chat and returns the update_id and the callback query id.
func (s *Server) Press(from User, messageID int, data string) (int64, string) {
	return s.PressIn(from, from.ID, messageID, data)
}

// ChatMember injects a my_chat_member update: "kicked" when the user blocks
// the bot, "member" when they unblock it. "left", "restricted" and
// "administrator" are also understood; anything else is reported as "member".
func (s *Server) ChatMember(from User, newStatus string) int64 {
	oldStatus := "member"
	if newStatus == "member" {
		oldStatus = "kicked"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[from.ID] = from
	cm := &models.ChatMemberUpdated{
		Chat: s.chatModel(from.ID), From: from.model(), Date: now(),
		OldChatMember: botMember(oldStatus), NewChatMember: botMember(newStatus),
	}
	return s.enqueueLocked(&models.Update{MyChatMember: cm})
}

func botMember(status string) models.ChatMember {
	u := botUser
	switch t := models.ChatMemberType(status); t {
	case models.ChatMemberTypeBanned:
		return models.ChatMember{Type: t, Banned: &models.ChatMemberBanned{User: &u}}
	case models.ChatMemberTypeLeft:
		return models.ChatMember{Type: t, Left: &models.ChatMemberLeft{User: &u}}
	case models.ChatMemberTypeRestricted:
		return models.ChatMember{Type: t, Restricted: &models.ChatMemberRestricted{User: &u}}
	case models.ChatMemberTypeAdministrator:
		return models.ChatMember{Type: t, Administrator: &models.ChatMemberAdministrator{User: u}}
	}
	return models.ChatMember{Type: models.ChatMemberTypeMember, Member: &models.ChatMemberMember{User: &u}}
}

// AddUpdate queues any update JSON object, overwriting its update_id, and
// returns the id given. It returns 0 and queues nothing if raw is not a JSON
// object.
func (s *Server) AddUpdate(raw json.RawMessage) int64 {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastUpdateID++
	fields["update_id"] = json.RawMessage(strconv.FormatInt(s.lastUpdateID, 10))
	b, _ := json.Marshal(fields) // re-marshalling decoded JSON cannot fail
	s.push(s.lastUpdateID, b)
	return s.lastUpdateID
}

func (s *Server) enqueueLocked(u *models.Update) int64 {
	s.lastUpdateID++
	u.ID = s.lastUpdateID
	b, err := json.Marshal(u)
	if err != nil {
		panic(fmt.Sprintf("sandbox: marshal update: %v", err)) // only our own code builds u
	}
	s.push(u.ID, b)
	return u.ID
}

// push queues an update and wakes every waiting long poll.
func (s *Server) push(id int64, raw json.RawMessage) {
	s.updates = append(s.updates, pendingUpdate{id: id, raw: raw})
	close(s.arrived)
	s.arrived = make(chan struct{})
}

func now() int { return int(time.Now().Unix()) }
