package sandbox_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
)

const token = "123456:TEST-token"

var (
	alice = sandbox.User{ID: 1001, FirstName: "Аліса", Username: "alice", LanguageCode: "uk"}
	bob   = sandbox.User{ID: 1002, FirstName: "Bob", Username: "bob", LanguageCode: "en"}
	carol = sandbox.User{ID: 1003, FirstName: "Carol", LanguageCode: "en"}
)

// newServer starts a sandbox closed at the end of the test.
func newServer(t *testing.T) *sandbox.Server {
	t.Helper()
	s := sandbox.New(token)
	t.Cleanup(s.Close)
	return s
}

// newBot builds the real client the way the project does.
func newBot(t *testing.T, s *sandbox.Server, opts ...bot.Option) *bot.Bot {
	t.Helper()
	opts = append([]bot.Option{bot.WithServerURL(s.URL), bot.WithSkipGetMe()}, opts...)
	b, err := bot.New(s.Token, opts...)
	require.NoError(t, err)
	return b
}

// startBot runs a polling bot whose default handler forwards every update to
// the returned channel; it is stopped before the server closes.
func startBot(t *testing.T, s *sandbox.Server, handle bot.HandlerFunc) (*bot.Bot, <-chan *models.Update) {
	t.Helper()
	got := make(chan *models.Update, 16)
	b := newBot(t, s, bot.WithDefaultHandler(func(ctx context.Context, b *bot.Bot, u *models.Update) {
		if handle != nil {
			handle(ctx, b, u)
		}
		got <- u
	}))
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		b.Start(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		wg.Wait()
	})
	return b, got
}

// recv takes the next update the bot handled, failing the test if none comes.
func recv(t *testing.T, ch <-chan *models.Update) *models.Update {
	t.Helper()
	select {
	case u := <-ch:
		return u
	case <-time.After(10 * time.Second):
		require.FailNow(t, "the bot received no update")
		return nil
	}
}
