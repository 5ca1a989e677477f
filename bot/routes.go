package bot

import (
	"context"
	"strings"

	tg "github.com/go-telegram/bot"

	"github.com/transparentcities/nazar/handlers"
)

// Routes is the one table of everything the bot answers.
type Routes struct {
	Commands map[string]handlers.Func // by command name, without the slash
	Buttons  map[string]handlers.Func // by the feature of the callback data
	Steps    map[string]handlers.Func // by the feature of the conversation in progress
	// DeepLinks map a /start payload to a command: an exact payload ("card")
	// or a prefix ending in "_" ("dep_" → the rest is the argument).
	DeepLinks map[string]string
	// Menu is the main menu's buttons, in order.
	Menu       []handlers.MenuItem
	Location   handlers.Func // a location shared outside any conversation
	Unknown    handlers.Func // text nobody expects: read as a typed question
	Expired    handlers.Func // a message after the conversation timed out
	ChatMember func(ctx context.Context, userID, chatID int64, blocked bool) error
}

// NewRoutes takes the commands, buttons, conversation steps, deep links
// and menu from what the features declared (Features.List), and adds the
// few routes that belong to no section.
func NewRoutes(f Features) Routes {
	r := Routes{Commands: map[string]handlers.Func{}, Buttons: f.Catalog.Buttons, Steps: f.Catalog.Steps,
		DeepLinks: f.Catalog.DeepLinks, Menu: f.Catalog.Menu,
		Location: f.Business.Near, Unknown: f.Understand.Text, Expired: f.Core.Expired, ChatMember: f.Core.ChatMember}
	for _, cmd := range f.Catalog.Commands {
		r.Commands[cmd.Name] = cmd.Run
	}
	return r
}

// deepLink resolves a /start payload to a command and its argument.
func (r Routes) deepLink(payload string) (cmd, arg string, ok bool) {
	if cmd, ok := r.DeepLinks[payload]; ok {
		return cmd, "", true
	}
	for prefix, cmd := range r.DeepLinks {
		if strings.HasSuffix(prefix, "_") && strings.HasPrefix(payload, prefix) && len(payload) > len(prefix) {
			return cmd, strings.TrimPrefix(payload, prefix), true
		}
	}
	return "", "", false
}

func answerParams(id string, resp handlers.Response) *tg.AnswerCallbackQueryParams {
	return &tg.AnswerCallbackQueryParams{CallbackQueryID: id, Text: resp.Answer, ShowAlert: resp.ShowAlert}
}
