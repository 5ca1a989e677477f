package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/transparentcities/nazar/locales"
)

// UpdateHandler handles one update and names the route it took.
type UpdateHandler func(ctx context.Context, upd *models.Update) (route string, err error)

// Middleware wraps an UpdateHandler.
type Middleware func(UpdateHandler) UpdateHandler

// Chain applies middlewares so that the first one listed runs outermost.
func Chain(h UpdateHandler, mws ...Middleware) UpdateHandler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// Recover turns a handler panic into an error, logging the stack.
func Recover(log *slog.Logger) Middleware {
	return func(next UpdateHandler) UpdateHandler {
		return func(ctx context.Context, upd *models.Update) (route string, err error) {
			defer func() {
				if p := recover(); p != nil {
					log.Error("handler panic", "update_id", upd.ID, "route", route, "panic", fmt.Sprint(p),
						"stack", string(debug.Stack()))
					err = fmt.Errorf("panic: %v", p)
				}
			}()
			return next(ctx, upd)
		}
	}
}

// Observe logs every update (ids, kind, route, duration, error — never the
// text, and through the scrubbing log handler) and records metrics.
func Observe(log *slog.Logger, m *Metrics) Middleware {
	return func(next UpdateHandler) UpdateHandler {
		return func(ctx context.Context, upd *models.Update) (string, error) {
			start := time.Now()
			route, err := next(ctx, upd)
			elapsed := time.Since(start)
			m.observe(route, elapsed, err)
			if err == nil && !log.Enabled(ctx, slog.LevelDebug) {
				return route, nil // no attributes built for a line nobody reads
			}
			attrs := []any{"update_id", upd.ID, "chat_id", ChatOf(upd), "kind", kindOf(upd), "route", route,
				"duration_ms", float64(elapsed.Microseconds()) / 1000}
			if err != nil {
				log.Error("update failed", append(attrs, "err", err)...)
			} else {
				log.Debug("update handled", attrs...)
			}
			return route, err
		}
	}
}

// Timeout gives each handler a deadline.
func Timeout(d time.Duration) Middleware {
	return func(next UpdateHandler) UpdateHandler {
		return func(ctx context.Context, upd *models.Update) (string, error) {
			ctx, cancel := context.WithTimeout(ctx, d)
			defer cancel()
			return next(ctx, upd)
		}
	}
}

// ApologiseOnError answers a user whose update failed, so that nothing a user
// sends goes unanswered: a message in a chat, or the button's spinner.
func ApologiseOnError(api API, defaultLanguage string) Middleware {
	return func(next UpdateHandler) UpdateHandler {
		return func(ctx context.Context, upd *models.Update) (string, error) {
			route, err := next(ctx, upd)
			if err == nil {
				return route, nil
			}
			// The handler's context may be spent; the apology gets its own.
			actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			switch {
			case upd.Message != nil:
				l := locales.New(locales.Normalize(upd.Message.From.LanguageCode, defaultLanguage))
				_, _ = api.SendMessage(actx, &tg.SendMessageParams{ChatID: upd.Message.Chat.ID, Text: l.T("error_internal")})
			case upd.CallbackQuery != nil:
				l := locales.New(locales.Normalize(upd.CallbackQuery.From.LanguageCode, defaultLanguage))
				_, _ = api.AnswerCallbackQuery(actx, &tg.AnswerCallbackQueryParams{
					CallbackQueryID: upd.CallbackQuery.ID, Text: l.T("error_internal"), ShowAlert: true})
			}
			return route, err
		}
	}
}

func kindOf(upd *models.Update) string {
	switch {
	case upd.Message != nil:
		return "message"
	case upd.CallbackQuery != nil:
		return "callback_query"
	case upd.MyChatMember != nil:
		return "my_chat_member"
	}
	return "other"
}
