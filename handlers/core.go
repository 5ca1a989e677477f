package handlers

import (
	"context"
	"fmt"
	"strings"

	"github.com/transparentcities/nazar/courses"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// CoreStore is what the core commands need from the store.
type CoreStore interface {
	SetLanguage(ctx context.Context, userID int64, lang string) error
	PersonalData(ctx context.Context, userID int64) (store.PersonalData, bool, error)
	DeleteUser(ctx context.Context, userID int64) error
	SetChatInactive(ctx context.Context, chatID int64, reason string) error
	SetChatActive(ctx context.Context, chatID int64) error
}

// Core serves the commands every feature relies on: /start, /menu, /help,
// /language, /privacy, /cancel, and the answers to text nobody expects.
type Core struct {
	Store CoreStore
	City  string
	// Courses names the courses /privacy lists (nil: no courses).
	Courses *courses.Catalog
	// Commands are the commands /help lists and Topics answer "/help
	// <topic>" (e.g. "metrics"): both derived from the features (NewCatalog).
	Commands []Command
	Topics   map[string]Func
}

// Start greets the user and shows the main menu.
func (c *Core) Start(_ context.Context, req *Request) (Response, error) {
	return WithMenu(req.L, req.L.T("start_greeting", map[string]any{"Name": req.FirstName, "City": c.City})), nil
}

// Menu shows the main menu.
func (c *Core) Menu(_ context.Context, req *Request) (Response, error) {
	return WithMenu(req.L, req.L.T("menu_title")), nil
}

// Help lists the commands.
func (c *Core) Help(ctx context.Context, req *Request) (Response, error) {
	if topic, ok := c.Topics[strings.ToLower(strings.TrimSpace(req.Text))]; ok {
		return topic(ctx, req)
	}
	var b strings.Builder
	b.WriteString(req.L.T("help_title"))
	for _, cmd := range c.Commands {
		fmt.Fprintf(&b, "\n/%s — %s", cmd.Name, req.L.T(cmd.Description))
	}
	return WithMenu(req.L, b.String()), nil
}

// Cancel ends the conversation in progress; the router has already dropped it.
func (c *Core) Cancel(_ context.Context, req *Request) (Response, error) {
	if req.Conv == nil {
		return WithMenu(req.L, req.L.T("cancel_nothing")), nil
	}
	return WithMenu(req.L, req.L.T("cancel_done")), nil
}

// Unknown answers text the bot did not expect with a hint and the menu.
func (c *Core) Unknown(_ context.Context, req *Request) (Response, error) {
	return WithMenu(req.L, req.L.T("unknown_text")), nil
}

// Expired tells the user their conversation timed out and shows the menu.
func (c *Core) Expired(_ context.Context, req *Request) (Response, error) {
	return WithMenu(req.L, req.L.T("conv_expired")), nil
}

// StaleButton is the short answer to a button the bot can no longer interpret.
func StaleButton(l *locales.Localizer) string { return l.T("button_stale") }

// Language offers the supported languages as buttons.
func (c *Core) Language(_ context.Context, req *Request) (Response, error) {
	var row []Button
	for _, lang := range locales.Supported {
		row = append(row, Button{Text: locales.New(lang).T("language_name"), Data: langNS.Data(langSet, lang)})
	}
	return Response{Replies: []Reply{{Text: req.L.T("language_choose"), Buttons: [][]Button{row}}}}, nil
}

// LanguageButton switches the language and answers in the new one.
func (c *Core) LanguageButton(ctx context.Context, req *Request) (Response, error) {
	lang := req.Callback.Data.Arg(0)
	if langNS.Action(req.Callback.Data) != langSet || locales.Normalize(lang, "") != lang {
		return Response{Answer: StaleButton(req.L)}, nil
	}
	if err := c.Store.SetLanguage(ctx, req.UserID, lang); err != nil {
		return Response{}, err
	}
	l := locales.New(lang)
	return Response{Replies: []Reply{
		{Text: l.T("language_set"), Edit: true},
		{Text: l.T("menu_title"), Menu: l},
	}}, nil
}

// ChatMember follows a user blocking (or unblocking) the bot: pushes to a
// blocked chat stop at once instead of failing one by one.
func (c *Core) ChatMember(ctx context.Context, _, chatID int64, blocked bool) error {
	if blocked {
		return c.Store.SetChatInactive(ctx, chatID, "blocked the bot")
	}
	return c.Store.SetChatActive(ctx, chatID)
}
