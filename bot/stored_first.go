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
)

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
