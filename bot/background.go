package bot

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/transparentcities/nazar/store"
)

// namesEvery is how often the names typed questions are matched against are
// checked for changes made by imports.
const namesEvery = 30 * time.Second

// RefreshNames reloads the names typed questions are matched against when
// an import changed them (the background check does it every namesEvery).
func (a *App) RefreshNames(ctx context.Context) error {
	_, err := a.features.Names.Refresh(ctx)
	return err
}

// startBackground starts the outbox sender and the digest schedule; the
// returned stop waits for both to finish their work in flight.
func (a *App) startBackground(ctx context.Context) (stop func(), err error) {
	api, err := newSenderAPI(a.cfg.Telegram.Token, a.cfg.Telegram.APIURL, a.cfg.Digest.Workers)
	if err != nil {
		return nil, err
	}
	sender := NewSender(a.store, api, SenderConfig{RatePerSecond: a.cfg.Digest.RatePerSecond,
		PerChatInterval: a.cfg.Digest.PerChatInterval, Workers: a.cfg.Digest.Workers, Pace: a.pace}, a.log)
	sendCtx, cancelSend := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := sender.Run(sendCtx); err != nil {
			a.log.Error("outbox sender stopped", "err", err)
		}
	}()
	if a.cfg.Card.Provider == "http" {
		// The card API's data changes without an import: poll it for card alerts.
		wg.Add(1)
		go func() {
			defer wg.Done()
			a.features.CardAlerts.Run(sendCtx, a.cfg.Card.SyncInterval, a.now)
		}()
	}

	// Names for typed questions: loaded now, then reloaded whenever an
	// import changed them (checked every namesEvery).
	if _, err := a.features.Names.Refresh(ctx); err != nil {
		a.log.Warn("understand: names not loaded", "err", err)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		a.features.Names.Run(sendCtx, namesEvery, a.log)
	}()

	logger := cronLogger{a.log}
	c := cron.New(cron.WithLocation(a.cfg.Location()),
		cron.WithChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)))
	// The schedule NewFeatures parsed and checked (config.ParseSchedule):
	// the raw expression never reaches the cron parser a second time.
	c.Schedule(a.features.Digest.Schedule, cron.FuncJob(func() { a.sendDigest(sendCtx) }))
	c.Start()
	return func() {
		<-c.Stop().Done() // a digest being queued finishes first
		cancelSend()
		wg.Wait()
	}, nil
}

// sendDigest is the scheduled job: build the digest and queue it.
func (a *App) sendDigest(ctx context.Context) {
	d, sent, err := a.features.DigestJob.Send(ctx, a.now())
	switch {
	case errors.Is(err, store.ErrDigestWindowTaken):
		a.log.Info("digest: this period's digest is already queued or sent (by an admin or `nazar digest send-now`)",
			"digest", d.ID)
	case err != nil:
		a.log.Error("digest: not queued", "err", err)
	case !sent:
		a.log.Info("digest: nothing new since the previous one; nothing sent")
	default:
		a.log.Info("digest: queued", "digest", d.ID, "items", d.Items, "recipients", d.Recipients)
	}
}

// cronLogger adapts slog to robfig/cron's logger.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
