package bot

import (
	"context"
	"encoding/json"

	"github.com/go-telegram/bot/models"
)

// go-telegram/bot confirms updates to Telegram before their handlers
// finish, so a killed process would lose the updates it was handling. The
// bot keeps its own copy from arrival (storedFirst for long polling, accept
// for the webhook) until handled (handledMarks) and replays what is left at
// the next start (replayUnhandled).

// accept stores a webhook update before it is queued, and reports false
// for one already seen (webhooks retry). A store that cannot write does not
// stop a resident being answered.
func (a *App) accept(ctx context.Context, upd *models.Update) bool {
	body, err := json.Marshal(upd)
	if err == nil {
		var fresh bool
		if fresh, err = a.store.AcceptUpdate(ctx, upd.ID, body); err == nil && !fresh {
			a.log.Debug("duplicate update skipped", "update_id", upd.ID)
			return false
		}
	}
	if err != nil {
		a.log.Error("update not stored; handling it anyway", "update_id", upd.ID, "err", err)
	}
	return true
}

// replayUnhandled queues the updates the previous run accepted but did not
// finish (it was killed). Each is replayed once.
func (a *App) replayUnhandled(ctx context.Context) {
	bodies, err := a.store.TakeUnhandledUpdates(ctx)
	if err != nil {
		// Bodies that could be opened are still replayed.
		a.log.Error("updates left by the last run not replayed", "err", err)
	}
	for _, body := range bodies {
		upd := &models.Update{}
		if err := json.Unmarshal(body, upd); err != nil {
			a.log.Error("stored update unreadable; dropped", "err", err)
			continue
		}
		a.disp.Enqueue(upd)
	}
	if len(bodies) > 0 {
		a.log.Info("replaying updates the last run accepted but did not handle", "count", len(bodies))
	}
}
