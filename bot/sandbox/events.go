package sandbox

import (
	"strconv"

	"github.com/go-telegram/bot/models"
)

// Event is one thing the bot did that a person would see: a new or edited
// message, or the answer to a pressed button (a toast, or an alert when
// ShowAlert is set). Exactly one of Message and Answer is set.
type Event struct {
	Message *Message
	Answer  *CallbackAnswer
}

// WatchEvents returns a channel receiving every message, edit and callback
// answer in the order the bot made them, so a viewer (the console) can show
// a toast next to the message it answers. Like Watch, sends never block
// (events past a full buffer are dropped) and Close closes the channel.
func (s *Server) WatchEvents() <-chan Event {
	ch := make(chan Event, watchBuffer)
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.done:
		close(ch)
		return ch
	default:
	}
	s.eventWatchers = append(s.eventWatchers, ch)
	return ch
}

// notifyEvent fans an event out to event watchers; the caller holds the lock.
func (s *Server) notifyEvent(e Event) {
	for _, w := range s.eventWatchers {
		select {
		case w <- e:
		default:
		}
	}
}

// PressIn is Press in any chat the bot wrote to, such as an operators'
// group: the callback comes from the user, on a message of that chat.
func (s *Server) PressIn(from User, chatID int64, messageID int, data string) (int64, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[from.ID] = from
	s.callbackSeq++
	qid := strconv.FormatInt(callbackBase+s.callbackSeq, 10)
	bot := botUser
	msg := &models.Message{ID: messageID, From: &bot, Date: now(), Chat: s.chatModel(chatID)}
	if st := s.find(chatID, messageID); st != nil {
		msg = s.toModel(st)
	}
	q := &models.CallbackQuery{
		ID:           qid,
		From:         from.model(),
		Message:      models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: msg},
		ChatInstance: strconv.FormatInt(chatID, 10),
		Data:         data,
	}
	return s.enqueueLocked(&models.Update{CallbackQuery: q}), qid
}
