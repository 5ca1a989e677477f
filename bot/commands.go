package bot

import (
	"context"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// registerCommands publishes the command menu in every language. Telegram
// being unreachable here must not stop the bot, so failures are only logged.
func (a *App) registerCommands(ctx context.Context) {
	for _, lang := range locales.Supported {
		if _, err := a.tg.SetMyCommands(ctx, CommandsParams(a.features.Catalog.Listed(), lang)); err != nil {
			a.log.Warn("setMyCommands failed", "lang", lang, "err", err)
		}
	}
}

// CommandsParams is the setMyCommands call for one language: the features'
// listed commands, in order.
func CommandsParams(commands []handlers.Command, lang string) *tg.SetMyCommandsParams {
	l := locales.New(lang)
	cmds := make([]models.BotCommand, 0, len(commands))
	for _, c := range commands {
		cmds = append(cmds, models.BotCommand{Command: c.Name, Description: l.T(c.Description)})
	}
	return &tg.SetMyCommandsParams{Commands: cmds, LanguageCode: lang}
}
