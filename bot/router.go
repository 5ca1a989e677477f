package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// RouterStore is what the router needs: users and conversations.
type RouterStore interface {
	TouchUser(ctx context.Context, u store.SeenUser) (store.User, error)
	Conversation(ctx context.Context, chatID, userID int64) (store.Conversation, bool, error)
	SaveConversation(ctx context.Context, c store.Conversation) error
	DeleteConversation(ctx context.Context, chatID, userID int64) error
}

// Router turns an update into a handler call and the handler's Response into
// Bot API calls, keeping conversation state in the store between updates.
type Router struct {
	routes          Routes
	store           RouterStore
	api             API
	now             func() time.Time
	convTimeout     time.Duration
	defaultLanguage string
	isAdmin         func(int64) bool
	menuLabels      map[string]string // a main-menu label in any language → its command
}

// RouterConfig gathers the router's settings.
type RouterConfig struct {
	ConversationTimeout time.Duration
	DefaultLanguage     string
	IsAdmin             func(int64) bool
	Now                 func() time.Time
}

// NewRouter builds a router over one routes table.
func NewRouter(routes Routes, st RouterStore, api API, cfg RouterConfig) *Router {
	labels := map[string]string{}
	for _, lang := range locales.Supported {
		l := locales.New(lang)
		for _, item := range routes.Menu {
			labels[l.T(item.Label)] = item.Command
		}
	}
	return &Router{routes: routes, store: st, api: api, now: cfg.Now, convTimeout: cfg.ConversationTimeout,
		defaultLanguage: cfg.DefaultLanguage, isAdmin: cfg.IsAdmin, menuLabels: labels}
}

// Handle routes one update and returns the name of the route taken, for
// logs and metrics.
func (r *Router) Handle(ctx context.Context, upd *models.Update) (string, error) {
	switch {
	case upd.Message != nil && upd.Message.From != nil:
		return r.handleMessage(ctx, upd.Message)
	case upd.CallbackQuery != nil:
		return r.handleCallback(ctx, upd.CallbackQuery)
	case upd.MyChatMember != nil:
		return "chat_member", r.handleChatMember(ctx, upd.MyChatMember)
	}
	return "ignored", nil
}

// request resolves the user and their language and loads their conversation.
// An expired conversation is deleted and reported as expired.
func (r *Router) request(ctx context.Context, from models.User, chatID int64) (*handlers.Request, bool, error) {
	u, err := r.store.TouchUser(ctx, store.SeenUser{ID: from.ID, ChatID: chatID, FirstName: from.FirstName,
		Language: locales.Normalize(from.LanguageCode, r.defaultLanguage)})
	if err != nil {
		return nil, false, fmt.Errorf("resolve user: %w", err)
	}
	now := r.now()
	req := &handlers.Request{ChatID: chatID, UserID: from.ID, FirstName: from.FirstName,
		L: locales.New(u.Language), Admin: r.isAdmin(from.ID), Now: now}
	c, found, err := r.store.Conversation(ctx, chatID, from.ID)
	if err != nil || !found {
		return req, false, err
	}
	if !now.Before(c.ExpiresAt) {
		return req, true, r.store.DeleteConversation(ctx, chatID, from.ID)
	}
	req.Conv = &handlers.Conv{Feature: c.Feature, Step: c.Step, Data: c.Data}
	return req, false, nil
}

func (r *Router) handleMessage(ctx context.Context, m *models.Message) (string, error) {
	req, expired, err := r.request(ctx, *m.From, m.Chat.ID)
	if err != nil {
		return "message", err
	}
	route, h := r.messageRoute(req, m, expired)
	resp, err := h(ctx, req)
	if err != nil {
		return route, err
	}
	if err := r.saveConversation(ctx, req, resp.Next, resp.Next == nil); err != nil {
		return route, err
	}
	return route, r.send(ctx, req.ChatID, 0, resp)
}

// messageRoute picks the handler of a message: a command or menu button
// (which interrupt any conversation), the next step of the conversation, or
// the fallbacks for an expired conversation and unexpected text.
func (r *Router) messageRoute(req *handlers.Request, m *models.Message, expired bool) (string, handlers.Func) {
	text := strings.TrimSpace(m.Text)
	if name, args, ok := ParseCommand(text); ok {
		return r.commandRoute(req, name, args)
	}
	if cmd, ok := r.menuLabels[text]; ok {
		return r.commandRoute(req, cmd, "")
	}
	req.Text = text
	if m.Location != nil {
		req.Location = &handlers.Location{Lat: m.Location.Latitude, Lon: m.Location.Longitude}
	}
	if m.Contact != nil {
		req.Contact = m.Contact.PhoneNumber
	}
	addMedia(req, m)
	if req.Conv != nil {
		if h, ok := r.routes.Steps[req.Conv.Feature]; ok {
			return "step:" + req.Conv.Feature, h
		}
	}
	switch {
	case expired:
		return "expired", r.routes.Expired
	case req.Location != nil && r.routes.Location != nil:
		return "location", r.routes.Location
	}
	return "unknown", r.routes.Unknown
}

func (r *Router) commandRoute(req *handlers.Request, name, args string) (string, handlers.Func) {
	if name == "start" && args != "" {
		if cmd, arg, ok := r.routes.deepLink(args); ok {
			name, args = cmd, arg
		} else {
			args = ""
		}
	}
	req.Command, req.Text = name, args
	if h, ok := r.routes.Commands[name]; ok {
		return "cmd:" + name, h
	}
	return "cmd:unknown", r.routes.Unknown
}

func (r *Router) handleCallback(ctx context.Context, q *models.CallbackQuery) (string, error) {
	chatID, msgID := q.From.ID, 0
	if q.Message.Message != nil {
		chatID, msgID = q.Message.Message.Chat.ID, q.Message.Message.ID
	}
	req, _, err := r.request(ctx, q.From, chatID)
	if err != nil {
		return "button", err
	}
	data, err := callback.Decode(q.Data)
	h, ok := r.routes.Buttons[data.Feature]
	if err != nil || !ok {
		return "button:stale", r.answer(ctx, q.ID, handlers.Response{Answer: handlers.StaleButton(req.L)})
	}
	req.Callback = &handlers.Callback{ID: q.ID, MessageID: msgID, Data: data}
	route := "button:" + data.Feature
	resp, err := h(ctx, req)
	if err != nil {
		return route, err
	}
	if err := r.saveConversation(ctx, req, resp.Next, resp.EndConv); err != nil {
		return route, err
	}
	if err := r.answer(ctx, q.ID, resp); err != nil {
		return route, err
	}
	return route, r.send(ctx, chatID, msgID, resp)
}

func (r *Router) handleChatMember(ctx context.Context, m *models.ChatMemberUpdated) error {
	if r.routes.ChatMember == nil {
		return nil
	}
	blocked := m.NewChatMember.Type == models.ChatMemberTypeBanned || m.NewChatMember.Type == models.ChatMemberTypeLeft
	return r.routes.ChatMember(ctx, m.From.ID, m.Chat.ID, blocked)
}

// saveConversation stores next (with a fresh expiry) or, when end is set
// and there is no next step, deletes the conversation.
func (r *Router) saveConversation(ctx context.Context, req *handlers.Request, next *handlers.Conv, end bool) error {
	if next != nil {
		return r.store.SaveConversation(ctx, store.Conversation{ChatID: req.ChatID, UserID: req.UserID,
			Feature: next.Feature, Step: next.Step, Data: next.Data, ExpiresAt: r.now().Add(r.convTimeout)})
	}
	if end && (req.Conv != nil || req.Callback != nil) {
		return r.store.DeleteConversation(ctx, req.ChatID, req.UserID)
	}
	return nil
}

func (r *Router) answer(ctx context.Context, id string, resp handlers.Response) error {
	return withRetry(ctx, func() error {
		_, err := r.api.AnswerCallbackQuery(ctx, answerParams(id, resp))
		return err
	})
}

func (r *Router) send(ctx context.Context, chatID int64, editID int, resp handlers.Response) error {
	for _, reply := range resp.Replies {
		if reply.Menu != nil {
			reply.Keyboard = handlers.MenuKeyboard(r.routes.Menu, reply.Menu)
		}
		if err := sendReply(ctx, r.api, chatID, editID, reply); err != nil {
			return err
		}
	}
	return nil
}
