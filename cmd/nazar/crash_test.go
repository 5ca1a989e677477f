package main

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/store"
)

// A digest to 10,000 subscribers, the bot SIGKILLed halfway and restarted on
// the same database: every active subscriber still gets exactly one copy.
func TestDigestSurvivesSIGKILLWithoutDuplicates(t *testing.T) {
	binary(t) // skip early under -short
	db := filepath.Join(t.TempDir(), "nazar.db")
	chats := seedDigest(t, db, 10_000)
	blocked := map[int64]bool{}
	sb := sandbox.New(testToken)
	defer sb.Close()
	for i, c := range chats {
		if i%50 == 3 {
			blocked[c] = true
			sb.BlockChats(c)
		}
	}
	sb.SetRateLimit(1000, 1)
	out := runCLI(t, db, "digest", "send-now")
	require.Contains(t, out, "queued for 10000 chats")

	env := []string{"NAZAR_DIGEST_RATE_PER_SECOND=1000", "NAZAR_DIGEST_WORKERS=8"}
	first := startProcess(t, sb, db, env, "run")
	require.True(t, sb.WaitFor(2*time.Minute, func() bool { return delivered(sb) >= 5_000 }), "half the digest went out")
	// Hold every request in the sandbox before it is delivered, let the bot
	// record the answers already received, then kill it: what was delivered
	// and what was not is then exact, and the test checks the resume alone.
	sb.SetLatency(time.Minute)
	time.Sleep(500 * time.Millisecond)
	require.NoError(t, first.cmd.Process.Signal(syscall.SIGKILL))
	<-first.done
	sb.SetLatency(0)
	t.Logf("killed after %d deliveries", delivered(sb))

	startProcess(t, sb, db, env, "run")
	require.True(t, sb.WaitFor(2*time.Minute, func() bool { return delivered(sb) >= len(chats)-len(blocked) }))
	time.Sleep(time.Second) // a duplicate, if any, would arrive now
	stats := sb.Stats()
	for _, c := range chats {
		want := 1
		if blocked[c] {
			want = 0
		}
		require.Equal(t, want, stats.SentPerChat[c], "chat %d", c)
	}
	assert.Zero(t, stats.TooMany, "the pace stayed under the limit")
}

func delivered(sb *sandbox.Server) int {
	n := 0
	for _, v := range sb.Stats().SentPerChat {
		n += v
	}
	return n
}

// seedDigest creates n subscribers and one news item, and returns the chats.
func seedDigest(t testing.TB, db string, n int) []int64 {
	ctx := context.Background()
	st, err := store.Open(db, store.Options{})
	require.NoError(t, err)
	defer st.Close()
	_, err = st.Migrate(ctx)
	require.NoError(t, err)
	users := make([]store.SeenUser, n)
	chats := make([]int64, n)
	for i := range users {
		id := int64(200_000 + i)
		users[i] = store.SeenUser{ID: id, ChatID: id, Language: []string{"uk", "en"}[i%2]}
		chats[i] = id
	}
	require.NoError(t, st.SeedSubscribers(ctx, users))
	items := filepath.Join(t.TempDir(), "items.csv")
	require.NoError(t, os.WriteFile(items, []byte("id,topic,title,published_at\nn1,news,Новий сквер,"+
		time.Now().Add(-time.Hour).Format(time.RFC3339)+"\n"), 0o600))
	st.Close()
	runCLI(t, db, "import", "digest-items", items)
	return chats
}
