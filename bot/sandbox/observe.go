package sandbox

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"
)

// pollEvery is how often WaitFor re-checks its condition.
const pollEvery = 5 * time.Millisecond

// watchBuffer is the capacity of Watch channels.
const watchBuffer = 256

// Message is a message the bot sent, with later edits applied.
type Message struct {
	ChatID         int64
	ID             int
	Text           string
	ParseMode      string
	Inline         [][]Button // inline keyboard, nil if none
	Keyboard       [][]string // reply keyboard button texts, nil if none
	RemoveKeyboard bool       // the message asked to remove the reply keyboard
	Venue          *Venue
	Photo          *Photo
	Location       *Location
	Edits          int    // successful edits so far
	Method         string // sendMessage, sendVenue, sendLocation or sendPhoto
}

// Venue is the payload of a sendVenue message.
type Venue struct {
	Lat, Lon       float64
	Title, Address string
}

// Location is the payload of a sendLocation message.
type Location struct {
	Lat, Lon float64
}

// CallbackAnswer is one answerCallbackQuery call.
type CallbackAnswer struct {
	ID        string
	Text      string
	ShowAlert bool
}

// Call is one request the server received.
type Call struct {
	Method string
	Params map[string]string
	At     time.Time // arrival
	Status int       // HTTP status answered; 0 if the client gave up first
}

// Stats counts requests by outcome.
type Stats struct {
	Requests int
	TooMany  int // 429 answers
	// Faults of SetChaos: 502 answers, and requests held then dropped.
	ChaosErrors, ChaosTimeouts int
	Forbidden                  int // 403 answers
	ServerErrors               int // 5xx answers
	// SentPerChat counts successful sendMessage/sendVenue/sendLocation per chat.
	SentPerChat map[int64]int
}

// Messages returns copies of the bot's messages in a chat, oldest first.
func (s *Server) Messages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.chats[chatID]
	if !ok {
		return nil
	}
	out := make([]Message, 0, len(c.msgs))
	for _, st := range c.msgs {
		out = append(out, st.Message)
	}
	return out
}

// Last returns the bot's latest message in a chat.
func (s *Server) Last(chatID int64) (Message, bool) {
	msgs := s.Messages(chatID)
	if len(msgs) == 0 {
		return Message{}, false
	}
	return msgs[len(msgs)-1], true
}

// WaitMessages waits until the chat has at least n bot messages and returns
// them all; on timeout it returns what there is and an error.
func (s *Server) WaitMessages(chatID int64, n int, timeout time.Duration) ([]Message, error) {
	var msgs []Message
	ok := s.WaitFor(timeout, func() bool {
		msgs = s.Messages(chatID)
		return len(msgs) >= n
	})
	if !ok {
		return msgs, fmt.Errorf("sandbox: chat %d has %d bot messages after %v, want %d",
			chatID, len(msgs), timeout, n)
	}
	return msgs, nil
}

// WaitFor polls cond every few milliseconds until it holds (true) or the
// timeout passes (false). cond may call any Server method.
func (s *Server) WaitFor(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(pollEvery)
	}
}

// CallbackAnswers returns every answerCallbackQuery call in order.
func (s *Server) CallbackAnswers() []CallbackAnswer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.answers)
}

// Calls returns every request of a method (case-insensitive; "" for all) in
// the order they were answered.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || strings.EqualFold(c.Method, method) {
			c.Params = maps.Clone(c.Params)
			out = append(out, c)
		}
	}
	return out
}

// Commands returns the last setMyCommands list per language_code ("" is the
// default list).
func (s *Server) Commands() map[string][]models.BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string][]models.BotCommand, len(s.commands))
	for lang, cmds := range s.commands {
		out[lang] = slices.Clone(cmds)
	}
	return out
}

// Stats returns a snapshot of the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.SentPerChat = maps.Clone(s.stats.SentPerChat)
	return st
}

// Watch returns a channel receiving every new bot message and every edit.
// Sends never block: when the buffer (256) is full the event is dropped.
// The channel is closed by Close.
func (s *Server) Watch() <-chan Message {
	ch := make(chan Message, watchBuffer)
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.done: // checked under the lock so Close cannot miss this channel
		close(ch)
		return ch
	default:
	}
	s.watchers = append(s.watchers, ch)
	return ch
}

// Activity counts the bot's new messages and edits in a chat: a load test
// waits for it to change to know a request was answered.
func (s *Server) Activity(chatID int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.chats[chatID]; ok {
		return c.activity
	}
	return 0
}

// notify fans a message out to watchers; the caller holds the lock.
func (s *Server) notify(m Message) {
	if c, ok := s.chats[m.ChatID]; ok {
		c.activity++
	}
	for _, w := range s.watchers {
		select {
		case w <- m:
		default:
		}
	}
	s.notifyEvent(Event{Message: &m})
}
