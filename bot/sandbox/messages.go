package sandbox

import (
	"reflect"
	"time"

	"github.com/go-telegram/bot/models"
)

// userMessageBase offsets ids of injected user messages so they never collide
// with bot message ids, which count from 1 per chat.
const userMessageBase = 1_000_000

// chatState is what the sandbox remembers about one chat.
type chatState struct {
	msgs     []*stored
	lastBot  int // last bot message id
	lastUser int // last injected user message number
	activity int // messages sent and edits made, for Activity
}

// stored is a bot message plus what only the wire form needs.
type stored struct {
	Message
	date     int
	editDate int
}

// chat returns the state of a chat, creating it on first use.
func (s *Server) chat(id int64) *chatState {
	c, ok := s.chats[id]
	if !ok {
		c = &chatState{}
		s.chats[id] = c
	}
	return c
}

// deliver stores a new bot message, tells watchers and returns its wire form.
func (s *Server) deliver(chatID int64, m Message) *models.Message {
	c := s.chat(chatID)
	c.lastBot++
	m.ChatID, m.ID = chatID, c.lastBot
	st := &stored{Message: m, date: int(time.Now().Unix())}
	c.msgs = append(c.msgs, st)
	s.notify(st.Message)
	return s.toModel(st)
}

// find returns a bot message of a chat, or nil.
func (s *Server) find(chatID int64, id int) *stored {
	c, ok := s.chats[chatID]
	if !ok || id < 1 || id > len(c.msgs) {
		return nil
	}
	return c.msgs[id-1] // ids are dense, so the id is the position
}

// chatModel is the private (or, for negative ids, group) chat object.
func (s *Server) chatModel(id int64) models.Chat {
	if id < 0 {
		return models.Chat{ID: id, Type: models.ChatTypeGroup, Title: "Sandbox group"}
	}
	u := s.users[id]
	return models.Chat{ID: id, Type: models.ChatTypePrivate, FirstName: u.FirstName, Username: u.Username}
}

// toModel renders a stored message the way Telegram returns it.
func (s *Server) toModel(st *stored) *models.Message {
	from := botUser
	m := &models.Message{
		ID:          st.ID,
		From:        &from,
		Date:        st.date,
		Chat:        s.chatModel(st.ChatID),
		Text:        st.Text,
		ReplyMarkup: inlineModel(st.Inline),
	}
	m.EditDate = st.editDate
	if st.Location != nil {
		m.Location = &models.Location{Latitude: st.Location.Lat, Longitude: st.Location.Lon}
	}
	if st.Photo != nil {
		m.Photo, m.Caption = photoModel(st.Photo), st.Photo.Caption
	}
	if v := st.Venue; v != nil {
		loc := models.Location{Latitude: v.Lat, Longitude: v.Lon}
		m.Location = &loc
		m.Venue = &models.Venue{Location: loc, Title: v.Title, Address: v.Address}
	}
	return m
}

// editable finds the message an edit request targets.
func (s *Server) editable(r *request) (*stored, *apiError) {
	id, aerr := r.intParam("message_id", 0)
	if aerr != nil {
		return nil, aerr
	}
	if !r.hasChat {
		return nil, badRequest("message to edit not found") // inline messages are not simulated
	}
	st := s.find(r.chatID, id)
	if st == nil {
		return nil, badRequest("message to edit not found")
	}
	return st, nil
}

const errNotModified = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"

func (s *Server) editMessageText(r *request) (any, *apiError) {
	st, aerr := s.editable(r)
	if aerr != nil {
		return nil, aerr
	}
	if st.Method != "sendMessage" {
		return nil, badRequest("there is no text in the message to edit")
	}
	text, mode := r.params["text"], r.params["parse_mode"]
	if aerr := checkText(text); aerr != nil {
		return nil, aerr
	}
	mk, aerr := parseMarkup(r.params["reply_markup"])
	if aerr != nil {
		return nil, aerr
	}
	// Like Telegram, an edit without reply_markup drops the inline keyboard.
	if st.Text == text && st.ParseMode == mode && reflect.DeepEqual(st.Inline, mk.inline) {
		return nil, badRequest(errNotModified)
	}
	st.Text, st.ParseMode, st.Inline = text, mode, mk.inline
	return s.edited(st), nil
}

func (s *Server) editMessageReplyMarkup(r *request) (any, *apiError) {
	st, aerr := s.editable(r)
	if aerr != nil {
		return nil, aerr
	}
	mk, aerr := parseMarkup(r.params["reply_markup"])
	if aerr != nil {
		return nil, aerr
	}
	if reflect.DeepEqual(st.Inline, mk.inline) {
		return nil, badRequest(errNotModified)
	}
	st.Inline = mk.inline
	return s.edited(st), nil
}

// edited counts an edit, tells watchers and returns the new wire form.
func (s *Server) edited(st *stored) *models.Message {
	st.Edits++
	st.editDate = int(time.Now().Unix())
	s.notify(st.Message)
	return s.toModel(st)
}
