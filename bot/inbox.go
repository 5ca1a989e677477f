package bot

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

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

// handledMarks writes "handled" for updates from one goroutine, at most
// once per markPause, each write taking every mark gathered since the last.
// One write per handler made the handlers and accept queue for SQLite's
// single write lock, whose waiters back off in sleeps of a millisecond and
// more (a quarter of the throughput). A mark not yet written when the process
// is killed makes its update replay: at-least-once, within markPause.
type handledMarks struct {
	write func(ctx context.Context, ids []int64) error
	log   *slog.Logger

	mu      sync.Mutex
	pending []int64
	wake    chan struct{} // holds one signal: marks are pending
	quit    chan struct{}
	done    chan struct{}
}

// markPause spaces the writes of handled marks: 100 writes a second at most.
const markPause = 10 * time.Millisecond

func startHandledMarks(write func(ctx context.Context, ids []int64) error, log *slog.Logger) *handledMarks {
	m := &handledMarks{write: write, log: log, wake: make(chan struct{}, 1), quit: make(chan struct{}),
		done: make(chan struct{})}
	go m.run()
	return m
}

func (m *handledMarks) add(id int64) {
	m.mu.Lock()
	m.pending = append(m.pending, id)
	m.mu.Unlock()
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

func (m *handledMarks) run() {
	defer close(m.done)
	for {
		select {
		case <-m.wake:
			m.flush()
			time.Sleep(markPause)
		case <-m.quit:
			m.flush()
			return
		}
	}
}

func (m *handledMarks) flush() {
	m.mu.Lock()
	ids := m.pending
	m.pending = nil
	m.mu.Unlock()
	if len(ids) == 0 {
		return
	}
	if err := m.write(context.Background(), ids); err != nil {
		m.log.Warn("handled updates not marked; a crash now would replay them", "count", len(ids), "err", err)
	}
}

// stop writes the marks still pending and ends the goroutine.
func (m *handledMarks) stop() {
	close(m.quit)
	<-m.done
}
