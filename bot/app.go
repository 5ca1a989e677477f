// Package bot connects Nazar to Telegram: it receives updates (long polling
// or webhook), orders them per chat, runs them through the middleware chain
// and the router, and serves /healthz and /metrics. It is the only package
// that imports go-telegram/bot.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store"
)

// ShutdownGrace is how long handlers in flight may run after a stop signal.
const ShutdownGrace = 10 * time.Second

// App is a running bot: Telegram client, dispatcher, router and HTTP server.
type App struct {
	cfg      config.Config
	store    *store.Store
	log      *slog.Logger
	tg       *tg.Bot
	Metrics  *Metrics
	disp     *Dispatcher
	pipeline UpdateHandler
	listener net.Listener
	handled  atomic.Int64    // updates fully handled, for tests to wait on
	marks    *batched[int64] // updates handled: their stored bodies are dropped
	polls    *storedFirst    // the poller's HTTP client: confirms only stored updates
	pace     *Pace           // messages per second, answers first (answersFirst)
	features Features
	now      func() time.Time

	// answerSends records the answers' sends for the next start's pace.
	answerSends *batched[struct{}]

	// metricsListener serves http.metrics_listen when set (tests).
	metricsListener net.Listener
}

// Options carry what differs between production and tests.
type Options struct {
	Logger *slog.Logger
	Now    func() time.Time
	// Listener, when set, is used instead of listening on http.listen.
	Listener net.Listener
	// Collectors are more metrics served on /metrics (the data sources').
	Collectors []prometheus.Collector
	// MetricsListener, likewise, for http.metrics_listen (used only when
	// that is set).
	MetricsListener net.Listener
	// UnpacedAnswers lets answers skip the pace (the outbox keeps it). Only
	// for benchmarks of the pipeline alone, against a sandbox with no limit:
	// the pace is capped at 1,000 messages a second, Telegram's own ceiling,
	// and would otherwise be the figure measured.
	UnpacedAnswers bool
}

// New builds the bot from configuration and the features the composition
// root built (app.NewBot). It makes no network call.
func New(cfg config.Config, st *store.Store, features Features, opts Options) (*App, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	a := &App{cfg: cfg, store: st, log: opts.Logger, Metrics: NewMetrics(), listener: opts.Listener, now: opts.Now,
		metricsListener: opts.MetricsListener}
	// The handlers' replies share this client with the poller. Its pool
	// keeps a connection per handler: with the default transport's 2 idle
	// connections, 128 handlers replying at once would dial (and close) a
	// TCP connection for nearly every reply.
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = cfg.Telegram.MaxConcurrentHandlers + 1
	b, polls, err := newPoller(pollerConfig{token: cfg.Telegram.Token, apiURL: cfg.Telegram.APIURL,
		pollTimeout: cfg.Telegram.PollTimeout, transport: transport, receive: a.receive, accept: st.AcceptUpdates,
		log: a.log})
	if err != nil {
		return nil, fmt.Errorf("telegram client: %w", err)
	}
	a.polls = polls
	a.tg = b
	a.features = features
	a.Metrics.Registry.MustRegister(newOutboxCollector(st.OutboxCounts))
	a.Metrics.Registry.MustRegister(opts.Collectors...)
	a.pace = NewPace(cfg.Digest.RatePerSecond)
	a.answerSends = newBatched(func(ctx context.Context, sends []struct{}) error {
		return st.RecordAnswerSends(ctx, len(sends))
	}, func(n int, err error) {
		a.log.Warn("answers' send times not recorded; a restart now would not count them in its pace",
			"count", n, "err", err)
	})
	var answers API = answersFirst{API: b, pace: a.pace, sent: a.answerSends}
	if opts.UnpacedAnswers {
		answers = b
	}
	router := NewRouter(NewRoutes(features), st, answers, RouterConfig{ConversationTimeout: cfg.Conversation.Timeout,
		DefaultLanguage: cfg.DefaultLanguage, IsAdmin: cfg.IsAdmin, Now: opts.Now})
	a.pipeline = Chain(router.Handle, Recover(a.log), Observe(a.log, a.Metrics),
		ApologiseOnError(answers, cfg.DefaultLanguage), Timeout(cfg.Telegram.HandlerTimeout))
	return a, nil
}

// receive is the library's (non-async) handler: it enqueues the update
// (stored already, with its whole getUpdates answer: storedFirst), so the
// library's update loop never waits on a slow handler.
func (a *App) receive(_ context.Context, _ *tg.Bot, upd *models.Update) {
	if !a.polls.take(upd.ID) {
		a.log.Debug("duplicate update skipped", "update_id", upd.ID)
		return
	}
	if !a.disp.Enqueue(upd) {
		a.log.Warn("update arrived during shutdown; the next start handles it", "update_id", upd.ID)
	}
}

func (a *App) handle(ctx context.Context, upd *models.Update) {
	_, _ = a.pipeline(ctx, upd) // Observe has logged and counted any error
	a.marks.add(upd.ID)
	a.handled.Add(1)
}

// Features are the bot's feature handlers (tests call jobs directly).
func (a *App) Features() Features { return a.features }

// Handled counts the updates handled since start (duplicates are skipped
// before, and not counted).
func (a *App) Handled() int64 { return a.handled.Load() }

// Quiet tells whether the bot has sent nothing (answers and outbox alike)
// for d: a moment for work that would slow the sending down.
func (a *App) Quiet(d time.Duration) bool { return a.pace.Quiet(d) }

// Run serves until ctx is cancelled, then stops taking updates, lets
// handlers in flight finish (up to ShutdownGrace) and returns.
func (a *App) Run(ctx context.Context) error {
	// Before anything can send (the replay below answers at once): a restart
	// after a SIGKILL continues the last window's pace, answers included.
	if err := seedPace(ctx, a.store, a.pace, a.cfg.Digest.Workers); err != nil {
		return fmt.Errorf("pace: %w", err)
	}
	a.answerSends.start()
	defer a.answerSends.stop() // after drain: the last answers are counted too
	a.disp = NewDispatcher(ctx, a.cfg.Telegram.MaxConcurrentHandlers, 10*a.cfg.Telegram.MaxConcurrentHandlers, a.handle)
	a.marks = newBatched(a.store.UpdatesHandled, func(n int, err error) {
		a.log.Warn("handled updates not marked; a crash now would replay them", "count", n, "err", err)
	})
	a.marks.start()
	defer a.marks.stop() // after drain: the last handlers' marks are written too
	a.registerCommands(ctx)
	a.setMenuButton(ctx)
	// Before the webhook can accept anything: an update accepted by this run
	// must not be taken for one the last run left.
	a.replayUnhandled(ctx)
	srv, err := a.serveHTTP()
	if err != nil {
		return err
	}
	go a.pruneUpdates(ctx)
	stopBackground, err := a.startBackground(ctx)
	if err != nil {
		a.shutdownHTTP(srv)
		return err
	}
	defer stopBackground()
	if a.cfg.Telegram.Mode == "webhook" {
		if err := a.setWebhook(ctx); err != nil {
			a.shutdownHTTP(srv)
			return err
		}
		<-ctx.Done()
	} else {
		if _, err := a.tg.DeleteWebhook(ctx, &tg.DeleteWebhookParams{}); err != nil {
			a.log.Warn("deleteWebhook failed; polling may get 409 until it is removed", "err", err)
		}
		a.log.Info("polling for updates", "api", a.cfg.Telegram.APIURL)
		a.tg.Start(ctx) // returns when ctx is cancelled
	}
	a.shutdownHTTP(srv)
	return a.drain()
}

func (a *App) drain() error {
	graceCtx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	if err := a.disp.Close(graceCtx); err != nil {
		a.log.Error("handlers still running after the shutdown grace period", "grace", ShutdownGrace)
		return fmt.Errorf("shutdown: %w", err)
	}
	a.log.Info("stopped: every handler finished")
	return nil
}

func (a *App) setWebhook(ctx context.Context) error {
	_, err := a.tg.SetWebhook(ctx, &tg.SetWebhookParams{URL: a.cfg.Telegram.WebhookURL,
		SecretToken: a.cfg.Telegram.SecretToken, AllowedUpdates: allowedUpdates})
	if err != nil {
		return fmt.Errorf("setWebhook: %w", err)
	}
	a.log.Info("webhook set", "url", a.cfg.Telegram.WebhookURL)
	return nil
}

// pruneUpdates forgets old handled update ids once an hour.
func (a *App) pruneUpdates(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := a.store.PruneUpdates(ctx); err != nil && !errors.Is(err, context.Canceled) {
				a.log.Warn("prune seen updates", "err", err)
			}
		}
	}
}
