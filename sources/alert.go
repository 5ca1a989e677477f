package sources

import (
	"context"
	"fmt"
	"time"

	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// pushKind is the outbox kind of the admins' alerts; the key is the source
// name and the number of its change of state, so each change is sent once.
const pushKind = "source"

// adminLanguages maps each admin to the language they chose in the bot
// (or their Telegram one), falling back to the configured default for an
// admin who never wrote to the bot.
func (r *Runner) adminLanguages(ctx context.Context) map[int64]string {
	langs := make(map[int64]string, len(r.cfg.Admins))
	for _, id := range r.cfg.Admins {
		langs[id] = r.cfg.DefaultLanguage
		if u, ok, err := r.store.UserByID(ctx, id); err == nil && ok && u.Language != "" {
			langs[id] = u.Language
		}
	}
	return langs
}

// alertPushes renders the message about a change of state to every admin
// in their language. Admins are Telegram users: their private chat id is
// their user id.
func alertPushes(langs map[int64]string, loc *time.Location, next store.SourceState, c change, imported bool) []store.Push {
	if c == noChange {
		return nil
	}
	key := fmt.Sprintf("%s:%d", next.Name, next.Transitions)
	pushes := make([]store.Push, 0, len(langs))
	for id, lang := range langs {
		pushes = append(pushes, store.Push{Kind: pushKind, Key: key, ChatID: id,
			Text: alertText(locales.New(lang), loc, next, c, imported)})
	}
	return pushes
}

func alertText(l *locales.Localizer, loc *time.Location, st store.SourceState, c change, imported bool) string {
	data := map[string]any{"Name": st.Name, "Dataset": st.Dataset, "Error": st.LastError,
		"When": l.DateTime(st.LastChange.In(loc))}
	if c == recovered {
		if imported {
			return l.N("source_recovered_imported", st.Rows, data)
		}
		return l.T("source_recovered_same", data)
	}
	kept := l.T("source_failed_no_data")
	if !st.LastChange.IsZero() {
		kept = l.T("source_failed_kept", data)
	}
	return l.T("source_failed", data) + "\n" + kept + "\n" + l.T("source_failed_more")
}
