package bot

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	tg "github.com/go-telegram/bot"

	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// OutboxStore is what the sender needs from the store.
type OutboxStore interface {
	RecoverOutbox(ctx context.Context) (int, error)
	RecentSendAges(ctx context.Context, window time.Duration, inFlight int) ([]time.Duration, error)
	ClaimOutbox(ctx context.Context, limit int, busy []int64) ([]store.OutboxItem, error)
	OutboxPartSent(ctx context.Context, id int64, parts int) error
	OutboxSent(ctx context.Context, id int64, messageID int) error
	OutboxRetry(ctx context.Context, id int64, after time.Duration, countAttempt bool, reason string) error
	OutboxFailed(ctx context.Context, id int64, reason string) error
	SetChatInactive(ctx context.Context, chatID int64, reason string) error
}

// SenderConfig paces the sender.
type SenderConfig struct {
	RatePerSecond   float64       // messages per second, all chats together
	PerChatInterval time.Duration // least time between two messages to one chat
	Workers         int
	MaxAttempts     int           // transient failures before a row is failed
	Idle            time.Duration // wait when nothing is due
	// Pace is shared with direct answers (answersFirst), which take their
	// places in it first; nil gives the sender a pace of its own.
	Pace *Pace
	// Render turns a push queued as data into text at send time; nil
	// renders with handlers.Pushes without card content (a pick-up point
	// is shown by its code).
	Render PushRenderer
	// DefaultLanguage is the language of a recipient the users table does
	// not know (an operators' group), as the router falls back.
	DefaultLanguage string
}

// PushRenderer renders a message (store.PushMessages) with its JSON
// arguments in a language; handlers.Pushes is the one the bot uses.
type PushRenderer interface {
	Render(lang, message string, args []byte) (string, error)
}

// Sender delivers the outbox: it claims due rows, paces them to Telegram's
// limits, pauses every worker on a 429, retries transient failures with
// capped exponential backoff, and stops sending to chats that are gone.
type Sender struct {
	store  OutboxStore
	api    API
	cfg    SenderConfig
	log    *slog.Logger
	window *Pace
	// ownPace: the sender built its pace and seeds it itself; a shared
	// pace is seeded by its owner before anything sends (App.Run).
	ownPace bool
	now     func() time.Time

	pauseUntil atomic.Int64 // unix nanos: every worker waits until then after a 429
	mu         sync.Mutex
	lastSent   map[int64]time.Time // per chat, for PerChatInterval
	busy       map[int64]bool      // chats with a message in flight
}

// NewSender builds a sender. Its API should be a Bot instance of its own so
// that broadcasts do not share the direct answers' connections.
func NewSender(st OutboxStore, api API, cfg SenderConfig, log *slog.Logger) *Sender {
	if cfg.Workers <= 0 {
		cfg.Workers = 1
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 8
	}
	if cfg.Idle <= 0 {
		cfg.Idle = 500 * time.Millisecond
	}
	ownPace := cfg.Pace == nil
	if ownPace {
		cfg.Pace = NewPace(cfg.RatePerSecond)
	}
	if cfg.Render == nil {
		cfg.Render = &handlers.Pushes{}
	}
	return &Sender{store: st, api: api, cfg: cfg, log: log, now: time.Now, window: cfg.Pace, ownPace: ownPace,
		lastSent: map[int64]time.Time{}, busy: map[int64]bool{}}
}

// newSenderAPI is a second client with its own connection pool sized for
// the workers (go-telegram/bot's default client keeps 2 idle connections).
func newSenderAPI(token, apiURL string, workers int) (*tg.Bot, error) {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = workers * 2
	client := &http.Client{Timeout: 30 * time.Second, Transport: transport}
	return tg.New(token, tg.WithServerURL(apiURL), tg.WithSkipGetMe(), tg.WithHTTPClient(time.Second, client))
}

// Run delivers until ctx ends; rows in flight then are settled before it
// returns, so a clean stop leaves nothing half-sent.
func (s *Sender) Run(ctx context.Context) error {
	if s.ownPace {
		if err := seedPace(ctx, s.store, s.window, s.cfg.Workers); err != nil {
			return err
		}
	}
	if n, err := s.store.RecoverOutbox(ctx); err != nil {
		return err
	} else if n > 0 {
		s.log.Warn("outbox: resuming messages whose send was interrupted", "count", n)
	}
	// A buffer keeps the next rows ready while the feeder claims more: with a
	// burst of 1, a moment with no worker ready to send is lost for good.
	jobs := make(chan store.OutboxItem, s.cfg.Workers*2)
	var wg sync.WaitGroup
	for i := 0; i < s.cfg.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				s.deliver(ctx, it)
			}
		}()
	}
	err := s.feed(ctx, jobs)
	close(jobs)
	wg.Wait()
	return err
}

// feed claims due rows and hands them to the workers.
func (s *Sender) feed(ctx context.Context, jobs chan<- store.OutboxItem) error {
	for ctx.Err() == nil {
		items, err := s.store.ClaimOutbox(ctx, s.cfg.Workers*2, s.busyChats())
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			s.log.Error("outbox: claim", "err", err)
			sleep(ctx, s.cfg.Idle)
			continue
		}
		if len(items) == 0 {
			sleep(ctx, s.cfg.Idle)
			continue
		}
		for i, it := range items {
			s.setBusy(it.ChatID, true)
			select {
			case jobs <- it:
			case <-ctx.Done():
				// Not started: give the rest back for the next run.
				for _, back := range items[i:] {
					_ = s.store.OutboxRetry(context.WithoutCancel(ctx), back.ID, 0, false, "")
					s.setBusy(back.ChatID, false)
				}
				return nil
			}
		}
	}
	return nil
}

func (s *Sender) busyChats() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]int64, 0, len(s.busy))
	for c := range s.busy {
		out = append(out, c)
	}
	return out
}

func (s *Sender) setBusy(chat int64, busy bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if busy {
		s.busy[chat] = true
	} else {
		delete(s.busy, chat)
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

var errStopped = errors.New("sender stopped")

// text is what a claimed row says: its literal text, or its message
// rendered in the recipient's language now (the users table's, else the
// default language).
func (s *Sender) text(it store.OutboxItem) (string, error) {
	if it.Message == "" {
		return it.Text, nil
	}
	return s.cfg.Render.Render(locales.Normalize(it.Language, s.cfg.DefaultLanguage), it.Message, it.Args)
}
