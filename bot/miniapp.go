package bot

import (
	"context"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/miniapp"
)

// newMiniApp builds the Mini App's page and API (served at /app/ whether or
// not miniapp.public_url is set, so it can be tried before it is public).
func (a *App) newMiniApp() *miniapp.Server {
	return miniapp.New(miniapp.Options{BotToken: a.cfg.Telegram.Token, MaxAge: a.cfg.MiniApp.MaxAge,
		TileURL: a.cfg.MiniApp.TileURL, Location: a.cfg.Location(), Now: a.now, Log: a.log}, a.store, a.store)
}

// setMenuButton makes the chat's menu button open the Mini App when
// miniapp.public_url is set. Like setMyCommands, a failure is logged, never
// fatal: the bot works without it.
func (a *App) setMenuButton(ctx context.Context) {
	if a.cfg.MiniApp.PublicURL == "" {
		return
	}
	l := locales.New(a.cfg.DefaultLanguage)
	_, err := a.tg.SetChatMenuButton(ctx, &tg.SetChatMenuButtonParams{MenuButton: models.MenuButtonWebApp{
		Type: models.MenuButtonTypeWebApp, Text: l.T("miniapp_menu_button"),
		WebApp: models.WebAppInfo{URL: a.cfg.MiniApp.PublicURL}}})
	if err != nil {
		a.log.Warn("setChatMenuButton failed; the Mini App is still reachable from the section buttons", "err", err)
	}
}
