// Package bottest runs the real bot against the Bot API sandbox for
// end-to-end tests: a fresh SQLite file, a fake clock, and helpers that send
// what a user would and wait for what the bot answers.
package bottest

import (
	"context"
	"io"
	"net"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	nazarapp "github.com/transparentcities/nazar/app"
	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store"
)

// Token is the bot token used against the sandbox.
const Token = "123456:test-token-for-the-sandbox-000000000000"

// Epoch is the fake clock's starting time: Saturday 28 Nov 2026, 12:00 Kyiv.
var Epoch = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

// WebhookPath is the webhook's path in webhook mode; its host is HTTPAddr.
const WebhookPath = "/telegram/hook"

// Users to chat as.
var (
	Uk = sandbox.User{ID: 501, FirstName: "Оксана", LanguageCode: "uk"}
	En = sandbox.User{ID: 502, FirstName: "Ann", LanguageCode: "en"}
)

// Harness is a running bot, its sandbox, store and clock.
type Harness struct {
	t      testing.TB
	SB     *sandbox.Server
	Store  *store.Store
	Clock  *clock.Fake
	Config config.Config
	App    *bot.App
	// HTTPAddr is where the bot's HTTP server (healthz, metrics, webhook) listens.
	HTTPAddr string
	Log      *SyncBuffer // every log line the bot wrote, for privacy checks
	mu       sync.Mutex
	sent     int64 // updates injected through the harness
	base     int64 // updates handled by previous App instances
	cancel   context.CancelFunc
	done     chan error
	options  []func(*config.Config)
	// botOptions are the bot options each start begins from.
	botOptions bot.Options

	// MetricsAddr is where /metrics is served when http.metrics_listen is set.
	MetricsAddr string
}

// Start runs a bot; opts adjust the configuration (admins, limits…).
func Start(t testing.TB, opts ...func(*config.Config)) *Harness {
	t.Helper()
	return StartWith(t, bot.Options{}, opts...)
}

// StartWith is Start with bot options (benchmarks); the harness sets the
// logger, clock and listeners itself.
func StartWith(t testing.TB, botOptions bot.Options, opts ...func(*config.Config)) *Harness {
	t.Helper()
	h := &Harness{t: t, SB: sandbox.New(Token), Clock: clock.NewFake(Epoch), Log: &SyncBuffer{}, options: opts,
		botOptions: botOptions}
	cfg := config.Default()
	cfg.Telegram.Token, cfg.Telegram.APIURL = Token, h.SB.URL
	cfg.Telegram.PollTimeout = time.Second
	cfg.Database.Path = filepath.Join(t.TempDir(), "nazar.db")
	cfg.Log.Level = "debug"
	for _, o := range opts {
		o(&cfg)
	}
	require.NoError(t, cfg.Validate())
	h.Config = cfg
	st, err := store.Open(cfg.Database.Path, store.Options{Now: h.Clock.Now})
	require.NoError(t, err)
	_, err = st.Migrate(context.Background())
	require.NoError(t, err)
	h.Store = st
	h.startApp()
	t.Cleanup(func() {
		h.Stop()
		h.SB.Close()
		st.Close()
	})
	return h
}

func (h *Harness) startApp() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(h.t, err)
	h.HTTPAddr = ln.Addr().String()
	if h.Config.Telegram.Mode == "webhook" {
		// Each start listens on a new port; the webhook follows it.
		h.Config.Telegram.WebhookURL = "http://" + h.HTTPAddr + WebhookPath
	}
	var metricsLn net.Listener
	if h.Config.HTTP.MetricsListen != "" {
		// A free port of its own, as the configured address would be.
		metricsLn, err = net.Listen("tcp", "127.0.0.1:0")
		require.NoError(h.t, err)
		h.MetricsAddr = metricsLn.Addr().String()
	}
	log := bot.NewLogger(h.Log, "json", h.Config.Log.Level, false)
	o := h.botOptions
	o.Logger, o.Now, o.Listener, o.MetricsListener = log, h.Clock.Now, ln, metricsLn
	app, err := nazarapp.NewBot(h.Config, h.Store, o)
	require.NoError(h.t, err)
	ctx, cancel := context.WithCancel(context.Background())
	h.App, h.cancel, h.done = app, cancel, make(chan error, 1)
	go func() { h.done <- app.Run(ctx) }()
}

// Stop stops the bot (idempotent) and returns what Run returned.
func (h *Harness) Stop() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cancel == nil {
		return nil
	}
	h.cancel()
	h.cancel = nil
	h.base += h.App.Handled()
	return <-h.done
}

// Restart stops the bot and starts a new one on the same database, as a
// process restart would.
func (h *Harness) Restart() {
	require.NoError(h.t, h.Stop())
	h.mu.Lock()
	defer h.mu.Unlock()
	h.startApp()
}

// Say sends text as user and waits until the bot has handled it; it returns
// the chat's newest message.
func (h *Harness) Say(u sandbox.User, text string) sandbox.Message {
	h.t.Helper()
	h.inject(func() { h.SB.SendText(u, text) })
	return h.Last(u)
}

// Location shares a location as user and waits for the bot.
func (h *Harness) Location(u sandbox.User, lat, lon float64) sandbox.Message {
	h.t.Helper()
	h.inject(func() { h.SB.SendLocation(u, lat, lon) })
	return h.Last(u)
}

// Press presses the inline button with the given text on message m and
// waits for the bot; it returns the chat's newest message.
func (h *Harness) Press(u sandbox.User, m sandbox.Message, text string) sandbox.Message {
	h.t.Helper()
	for _, row := range m.Inline {
		for _, b := range row {
			if b.Text == text {
				h.PressData(u, m.ID, b.Data)
				return h.Last(u)
			}
		}
	}
	h.t.Fatalf("no button %q on message %d %q (buttons: %v)", text, m.ID, m.Text, m.Inline)
	return sandbox.Message{}
}

// PressData presses a button with raw callback data on message id.
func (h *Harness) PressData(u sandbox.User, messageID int, data string) {
	h.t.Helper()
	h.inject(func() { h.SB.Press(u, messageID, data) })
}

// Message finds a chat message by id (with edits applied).
func (h *Harness) Message(u sandbox.User, id int) sandbox.Message {
	for _, m := range h.SB.Messages(u.ID) {
		if m.ID == id {
			return m
		}
	}
	h.t.Fatalf("no message %d in chat %d", id, u.ID)
	return sandbox.Message{}
}

// Last is the newest bot message in the user's chat.
func (h *Harness) Last(u sandbox.User) sandbox.Message {
	h.t.Helper()
	m, ok := h.SB.Last(u.ID)
	require.True(h.t, ok, "the bot sent nothing to chat %d", u.ID)
	return m
}

// Inject runs fn, which must inject exactly one update, and waits for it.
func (h *Harness) inject(fn func()) {
	h.t.Helper()
	h.mu.Lock()
	h.sent++
	want := h.sent
	h.mu.Unlock()
	fn()
	h.Wait(want)
}

// Wait waits until n updates injected through the harness are handled.
func (h *Harness) Wait(n int64) {
	h.t.Helper()
	ok := h.SB.WaitFor(10*time.Second, func() bool {
		h.mu.Lock()
		defer h.mu.Unlock()
		return h.base+h.App.Handled() >= n
	})
	require.True(h.t, ok, "the bot did not handle update %d in time", n)
}

// Injected counts updates injected through the harness (for WaitAll).
func (h *Harness) Injected() int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.sent
}

// Expect records n updates injected directly through h.SB, so Wait can
// account for them.
func (h *Harness) Expect(n int) int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.sent += int64(n)
	return h.sent
}

// SyncBuffer is an io.Writer safe for concurrent use.
type SyncBuffer struct {
	mu  sync.Mutex
	buf []byte
}

// Write appends p.
func (b *SyncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// String returns everything written.
func (b *SyncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

var _ io.Writer = (*SyncBuffer)(nil)
