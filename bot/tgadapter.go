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
)

// The adapter: everything Nazar does to go-telegram/bot v1.19's long
// polling to make it safe is here, in one place (docs/ARCHITECTURE.md
// "The Telegram adapter" says why it is kept rather than replaced by a loop
// of our own):
//
//   - the wrapped client (storedFirst, below): the next getUpdates, which
//     confirms a batch, waits until the batch's last update is stored;
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
	receive       tg.HandlerFunc // stores and queues one update (App.receive)
	log           *slog.Logger
}

// newPoller builds the library's client with the workarounds above; the
// returned storedFirst must be told each update id accept has finished with.
func newPoller(c pollerConfig) (*tg.Bot, *storedFirst, error) {
	polls := newStoredFirst(&http.Client{Timeout: c.pollTimeout + 10*time.Second, Transport: c.transport}, c.log)
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
// it has handed the last update to receive, while receive may still be
// storing it; a process killed in between would lose that update. So each
// getUpdates waits until the last update the earlier ones delivered is
// stored. receive stores the updates one by one, in order, as the library
// hands them over (bot/inbox.go), so that is the whole batch, and the wait is
// one store at most. Ids are compared for equality, not order: after a
// week without updates Telegram may start them again lower.
type storedFirst struct {
	client tg.HttpClient
	log    *slog.Logger

	mu            sync.Mutex
	lastDelivered int64         // the last update id of the latest getUpdates answer with any
	lastStored    int64         // the update accept finished with last
	progress      chan struct{} // closed and replaced whenever accept finishes one
}

// storedWaitMax bounds the wait for a store that hangs: polling on, with the
// risk of losing one update to a crash, beats a bot that stops listening.
const storedWaitMax = 10 * time.Second

func newStoredFirst(client tg.HttpClient, log *slog.Logger) *storedFirst {
	return &storedFirst{client: client, log: log, progress: make(chan struct{})}
}

func (c *storedFirst) Do(req *http.Request) (*http.Response, error) {
	if path.Base(req.URL.Path) != "getUpdates" {
		return c.client.Do(req)
	}
	c.waitStored(req.Context())
	resp, err := c.client.Do(req)
	if err != nil {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	c.noteDelivered(body)
	return resp, nil
}

// noteDelivered reads the update ids of a getUpdates answer; the library
// reads the same body after it and reports whatever is wrong with it.
func (c *storedFirst) noteDelivered(body []byte) {
	var answer struct {
		Result []struct {
			ID int64 `json:"update_id"`
		} `json:"result"`
	}
	if json.Unmarshal(body, &answer) != nil {
		return
	}
	if n := len(answer.Result); n > 0 {
		c.mu.Lock()
		c.lastDelivered = answer.Result[n-1].ID
		c.mu.Unlock()
	}
}

// stored records that accept has finished with update id.
func (c *storedFirst) stored(id int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lastStored = id
	close(c.progress)
	c.progress = make(chan struct{})
}

func (c *storedFirst) waitStored(ctx context.Context) {
	timeout := time.NewTimer(storedWaitMax)
	defer timeout.Stop()
	for {
		c.mu.Lock()
		behind, progress := c.lastStored != c.lastDelivered, c.progress
		c.mu.Unlock()
		if !behind {
			return
		}
		select {
		case <-progress:
		case <-ctx.Done():
			return
		case <-timeout.C:
			c.log.Warn("updates not stored in time; confirming them to Telegram anyway")
			return
		}
	}
}
