package bot

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeAPI answers every getUpdates with the given body and counts calls.
type fakeAPI struct {
	body  string
	calls chan string
}

func (f *fakeAPI) Do(req *http.Request) (*http.Response, error) {
	f.calls <- req.URL.Path
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(strings.NewReader(f.body))}, nil
}

func request(t *testing.T, ctx context.Context, method string) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://api/bot123:x/"+method, nil)
	require.NoError(t, err)
	return req
}

func TestGetUpdatesWaitsForTheDeliveredUpdatesToBeStored(t *testing.T) {
	api := &fakeAPI{body: `{"ok":true,"result":[{"update_id":7},{"update_id":8}]}`, calls: make(chan string, 10)}
	c := newStoredFirst(api, slog.New(slog.DiscardHandler))
	resp, err := c.Do(request(t, t.Context(), "getUpdates"))
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	assert.Equal(t, api.body, string(body), "the library reads the answer as sent")
	<-api.calls

	next, poll := make(chan struct{}), request(t, t.Context(), "getUpdates")
	go func() {
		defer close(next)
		_, _ = c.Do(poll)
	}()
	_, err = c.Do(request(t, t.Context(), "sendMessage"))
	require.NoError(t, err)
	assert.Equal(t, "/bot123:x/sendMessage", <-api.calls, "other methods do not wait")
	c.stored(7)
	select {
	case <-next:
		t.Fatal("getUpdates confirmed update 8 before it was stored")
	case <-time.After(50 * time.Millisecond):
	}
	c.stored(8)
	<-next
	assert.Equal(t, "/bot123:x/getUpdates", <-api.calls)

	// After a quiet week Telegram may start the ids lower.
	c.noteDelivered([]byte(`{"ok":true,"result":[{"update_id":3}]}`))
	next, poll = make(chan struct{}), request(t, t.Context(), "getUpdates")
	go func() {
		defer close(next)
		_, _ = c.Do(poll)
	}()
	select {
	case <-next:
		t.Fatal("getUpdates confirmed update 3 before it was stored")
	case <-time.After(50 * time.Millisecond):
	}
	c.stored(3)
	<-next
	<-api.calls

	c.noteDelivered([]byte(`{"ok":true,"result":[{"update_id":9}]}`))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = c.Do(request(t, ctx, "getUpdates"))
	require.NoError(t, err, "a stopping bot is not held")
}
