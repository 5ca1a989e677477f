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
	DeepLinks  map[string]string
	Location   handlers.Func // a location shared outside any conversation
	Unknown    handlers.Func // text nobody expects: read as a typed question
	Expired    handlers.Func // a message after the conversation timed out
	ChatMember func(ctx context.Context, userID, chatID int64, blocked bool) error
}

// NewRoutes registers every command, button, conversation step and deep link.
func NewRoutes(f Features) Routes {
	return Routes{
		Commands: map[string]handlers.Func{
			"start":    f.Core.Start,
			"menu":     f.Core.Menu,
			"help":     f.Core.Help,
			"language": f.Core.Language,
			"privacy":  f.Core.Privacy,
			"cancel":   f.Core.Cancel,
			"admin":    f.Admin.Panel,
			"digest":   f.Digest.Panel,
			"services": f.Forms.Services,
			"council":  f.Council.Menu,
			"deputy":   f.Council.Deputy,
			"business": f.Business.Menu,
			"edrpou":   f.Business.EDRPOU,
			"card":     f.Card.Menu,
			"voucher":  f.Voucher.Menu,
			"learn":    f.Courses.Learn,
		},
		Buttons: map[string]handlers.Func{
			"lang":    f.Core.LanguageButton,
			"privacy": f.Core.PrivacyButton,
			"dg":      f.Digest.Button,
			"dga":     f.DigestAdmin.Button,
			"form":    f.Forms.Button,
			"cn":      f.Council.Button,
			"dep":     f.Council.DeputyButton,
			"bz":      f.Business.Button,
			"card":    f.Card.Button,
			"vc":      f.Voucher.Button,
			"vca":     f.Voucher.AdminButton,
			"crs":     f.Courses.Button,
			"u":       f.Understand.Button,
		},
		Steps: map[string]handlers.Func{
			"dgitem":  f.DigestAdmin.Step,
			"form":    f.Forms.Step,
			"council": f.Council.Step,
			"bz":      f.Business.Step,
			"card":    f.Card.Step,
			"voucher": f.Voucher.Step,
			"vadmin":  f.Voucher.AdminStep,
			"u":       f.Understand.Step,
		},
		DeepLinks: map[string]string{
			"digest":   "digest",
			"services": "services",
			"form_":    "services",
			"council":  "council",
			"dep_":     "deputy",
			"business": "business",
			"card":     "card",
			"voucher":  "voucher",
			"learn":    "learn",
			"course_":  "learn",
		},
		Location:   f.Business.Near,
		Unknown:    f.Understand.Text,
		Expired:    f.Core.Expired,
		ChatMember: f.Core.ChatMember,
	}
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
