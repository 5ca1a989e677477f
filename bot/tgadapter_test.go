package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/store"
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

func TestGetUpdatesAnswersAreStoredBeforeTheLibraryReadsThem(t *testing.T) {
	api := &fakeAPI{body: `{"ok":true,"result":[{"update_id":7,"message":{"text":"a"}},{"update_id":8}]}`,
		calls: make(chan string, 10)}
	var stored []store.IncomingUpdate
	accept := func(_ context.Context, us []store.IncomingUpdate) ([]bool, error) {
		stored = append(stored, us...)
		return []bool{true, false}, nil // 8 was stored by an earlier run
	}
	c := newStoredFirst(api, accept, slog.New(slog.DiscardHandler))

	_, err := c.Do(request(t, t.Context(), "sendMessage"))
	require.NoError(t, err)
	assert.Empty(t, stored, "other methods store nothing")

	resp, err := c.Do(request(t, t.Context(), "getUpdates"))
	require.NoError(t, err)
	require.Len(t, stored, 2, "stored before Do returns, so before anything can confirm them")
	assert.Equal(t, int64(7), stored[0].ID)
	assert.JSONEq(t, `{"update_id":7,"message":{"text":"a"}}`, string(stored[0].Body), "the body as Telegram sent it")
	body, _ := io.ReadAll(resp.Body)
	assert.Equal(t, api.body, string(body), "the library reads the answer as sent")

	assert.True(t, c.take(7), "new")
	assert.False(t, c.take(8), "a redelivery is skipped")
	assert.True(t, c.take(9), "an update the client did not store is handled")
}

func TestUpdatesThatCouldNotBeStoredAreStillHandled(t *testing.T) {
	api := &fakeAPI{body: `{"ok":true,"result":[{"update_id":7}]}`, calls: make(chan string, 10)}
	accept := func(context.Context, []store.IncomingUpdate) ([]bool, error) { return nil, errors.New("disk full") }
	c := newStoredFirst(api, accept, slog.New(slog.DiscardHandler))
	_, err := c.Do(request(t, t.Context(), "getUpdates"))
	require.NoError(t, err)
	assert.True(t, c.take(7))
}
