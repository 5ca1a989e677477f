package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"path"
	"sync"
	"time"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/transparentcities/nazar/store"
)

// The adapter: everything Nazar does to go-telegram/bot v1.19's long
// polling to make it safe is here, in one place (docs/ARCHITECTURE.md
// "The Telegram adapter" says why it is kept rather than replaced by a loop
// of our own):
//
//   - the wrapped client (storedFirst, below): each getUpdates answer is
//     stored, in one transaction, before the library reads it (the library
//     confirms a batch as soon as it has handed it over);
//   - an unbuffered update channel and non-async handlers: the library hands
//     over one update at a time, and receive only stores and queues it (the
//     dispatcher runs the handlers, bot/dispatcher.go);
//   - the poll-timeout second: the library asks Telegram to wait
//     timeout−1s, so poll_timeout: 1s would be no long poll at all (a busy
//     loop of getUpdates); adding the second back makes poll_timeout the
//     wait Telegram actually holds.
//
// Errors (429 with errors.As, tgerr.go) and commands (command.go) are parsed
// by the bot itself and need nothing from the library.

// pollerConfig is what the adapter needs to build the polling client.
type pollerConfig struct {
	token, apiURL string
	pollTimeout   time.Duration
	transport     http.RoundTripper
	receive       tg.HandlerFunc // queues one update (App.receive)
	accept        func(context.Context, []store.IncomingUpdate) ([]bool, error)
	log           *slog.Logger
}

// newPoller builds the library's client with the workarounds above; receive
// asks the returned storedFirst whether an update is new.
func newPoller(c pollerConfig) (*tg.Bot, *storedFirst, error) {
	polls := newStoredFirst(&http.Client{Timeout: c.pollTimeout + 10*time.Second, Transport: c.transport},
		c.accept, c.log)
	libraryPollTimeout := c.pollTimeout + time.Second
	b, err := tg.New(c.token, tg.WithServerURL(c.apiURL), tg.WithSkipGetMe(),
		tg.WithNotAsyncHandlers(), tg.WithUpdatesChannelCap(0), tg.WithAllowedUpdates(allowedUpdates),
		tg.WithHTTPClient(libraryPollTimeout, polls), tg.WithDefaultHandler(c.receive),
		tg.WithErrorsHandler(func(err error) { c.log.Warn("telegram", "err", err) }))
	if err != nil {
		return nil, nil, err
	}
	return b, polls, nil
}

// allowedUpdates is sent explicitly because Telegram remembers the last list.
var allowedUpdates = tg.AllowedUpdates{models.AllowedUpdateMessage, models.AllowedUpdateCallbackQuery,
	models.AllowedUpdateMyChatMember}

// storedFirst is the poller's HTTP client. go-telegram/bot confirms a batch
// of updates (the next getUpdates asks for offset = last id + 1) as soon as
// it has handed the last update to receive, and a process killed before an
// update was stored would lose it. So this client stores every update of a
// getUpdates answer, all in one transaction, before the library even reads
// the answer: nothing can confirm an update that is not on disk. One
// transaction per answer (up to 100 updates) also costs about what one per
// update did. receive then asks take whether an update is new.
type storedFirst struct {
	client tg.HttpClient
	accept func(ctx context.Context, updates []store.IncomingUpdate) (fresh []bool, err error)
	log    *slog.Logger

	mu    sync.Mutex
	fresh map[int64]bool // stored here, not yet taken by receive: true when new
}

func newStoredFirst(client tg.HttpClient, accept func(context.Context, []store.IncomingUpdate) ([]bool, error),
	log *slog.Logger) *storedFirst {
	return &storedFirst{client: client, accept: accept, log: log, fresh: map[int64]bool{}}
}

func (c *storedFirst) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.client.Do(req)
	if err != nil || path.Base(req.URL.Path) != "getUpdates" {
		return resp, err
	}
	var buf bytes.Buffer
	buf.Grow(int(max(resp.ContentLength, 0)) + bytes.MinRead) // one allocation when the length is known
	_, err = buf.ReadFrom(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	body := buf.Bytes()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	c.store(req.Context(), body)
	return resp, nil
}

// store stores the updates of a getUpdates answer. The library reads the
// same body after it and reports whatever is wrong with it; updates that
// could not be stored are handled anyway (take reports them new).
func (c *storedFirst) store(ctx context.Context, body []byte) {
	var answer struct {
		Result []json.RawMessage `json:"result"`
	}
	if json.Unmarshal(body, &answer) != nil || len(answer.Result) == 0 {
		return
	}
	updates := make([]store.IncomingUpdate, 0, len(answer.Result))
	for _, raw := range answer.Result {
		var head struct {
			ID int64 `json:"update_id"`
		}
		if json.Unmarshal(raw, &head) == nil {
			updates = append(updates, store.IncomingUpdate{ID: head.ID, Body: raw})
		}
	}
	// Stored even when the bot is stopping: an update the library does not
	// hand over now is not confirmed either, and the next start replays it.
	fresh, err := c.accept(context.WithoutCancel(ctx), updates)
	if err != nil {
		c.log.Error("updates not stored; handling them anyway", "count", len(updates), "err", err)
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, u := range updates {
		c.fresh[u.ID] = fresh[i]
	}
}

// take reports whether receive should handle update id: false only for one
// already stored before (a redelivery).
func (c *storedFirst) take(id int64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	fresh, stored := c.fresh[id]
	delete(c.fresh, id)
	return fresh || !stored
}
