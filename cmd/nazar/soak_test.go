package main

import (
	"github.com/transparentcities/nazar/digest"

	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/demo"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/store"
)

// TestSoak is `make soak`: the real binary on the demo city, NAZAR_SOAK_USERS
// residents (default 2,000) running mixed journeys at once while a digest
// goes to 5,000 other subscribers, with 5 % of Bot API calls answering 502,
// 2 % hanging then dropping, bursts of 429s, and one SIGKILL + restart.
func TestSoak(t *testing.T) {
	if os.Getenv("NAZAR_SOAK") == "" {
		t.Skip("the soak runs with `make soak`")
	}
	users := envInt("NAZAR_SOAK_USERS", 2000)
	const subscribers = 5000
	db := filepath.Join(t.TempDir(), "nazar.db")
	prepareSoakDB(t, db, subscribers)
	runCLI(t, db, "digest", "send-now")

	sb := sandbox.New(testToken)
	defer sb.Close()
	sb.SetRateLimit(1000, 0)
	sb.SetChaos(sandbox.Chaos{ServerErrors: 0.05, Timeouts: 0.02, Hold: time.Second})
	env := []string{"NAZAR_DIGEST_RATE_PER_SECOND=100", "NAZAR_DIGEST_WORKERS=8", "NAZAR_LOG_LEVEL=warn"}
	bot := &liveBot{t: t, sb: sb, db: db, env: env}
	bot.start()
	stop := make(chan struct{})
	go burst429s(sb, stop)

	started := time.Now()
	res := runResidents(sb, users, func(answered int64) {
		if answered == int64(users*3/2) { // about a third of the way: crash and restart
			bot.kill()
			bot.start()
		}
	})
	close(stop)
	sb.SetChaos(sandbox.Chaos{})
	t.Logf("residents: %d, requests sent %d, answered %d, resent after the crash %d, unanswered %d, in %s",
		users, res.sent, res.answered, res.resent, res.unanswered, time.Since(started).Round(time.Second))
	for flow, text := range res.samples {
		t.Logf("last answer of a %q journey: %s", flow, text)
	}
	t.Logf("reply latency p50 %s, p99 %s, max %s", res.percentile(50), res.percentile(99), res.percentile(100))
	st := sb.Stats()
	t.Logf("faults injected: %d × 502, %d × timeout, %d × 429", st.ChaosErrors, st.ChaosTimeouts, st.TooMany)
	assert.Zero(t, res.unanswered, "every request was answered")

	counts := waitOutbox(t, db)
	t.Logf("outbox: %v", counts)
	st = sb.Stats()
	// A message Telegram accepted just before the SIGKILL, whose "sent" was
	// not yet written, goes out again after the restart: the Bot API has no
	// idempotency key. That window holds at most one message per worker.
	duplicates := 0
	for i := range subscribers {
		got := st.SentPerChat[int64(400_000+i)]
		require.GreaterOrEqual(t, got, 1, "subscriber %d got the digest", i)
		duplicates += got - 1
	}
	t.Logf("digest copies sent twice (accepted in the instant of the SIGKILL): %d", duplicates)
	assert.LessOrEqual(t, duplicates, 8, "at most one per sender worker")
	assert.Equal(t, subscribers, counts["sent"], "outbox: %v", counts)
	rssKB, _ := procStatusKB(bot.current().cmd.Process.Pid, "VmHWM:")
	t.Logf("peak RSS of the restarted process %.1f MB; database %.1f MB", float64(rssKB)/1024, dbMB(db))

	code := bot.terminate()
	assert.Zero(t, code, "SIGTERM exits 0")
	assert.NotContains(t, bot.stderr(), "handler panic")
}

// residents is what the simulated users saw.
type residents struct {
	mu                                 sync.Mutex
	sent, answered, resent, unanswered int64
	latencies                          []time.Duration
	samples                            map[string]string // a flow's last answer, to show it did what it says
}

func (r *residents) percentile(p int) time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.latencies) == 0 {
		return 0
	}
	s := slices.Clone(r.latencies)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)].Round(time.Millisecond)
}

// runResidents runs every user's journey concurrently; after each answer it
// calls onAnswer with the running count.
func runResidents(sb *sandbox.Server, n int, onAnswer func(answered int64)) *residents {
	res := &residents{samples: map[string]string{}}
	var answered atomic.Int64
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u := soakUser(i)
			name, flow := randomFlow()
			time.Sleep(time.Duration(rand.IntN(3000)) * time.Millisecond) // arrivals spread over 3 s
			for _, do := range flow {
				lat, resent, ok := request(sb, u, do)
				res.record(lat, resent, ok)
				if ok {
					onAnswer(answered.Add(1))
				}
				time.Sleep(time.Second + time.Duration(rand.IntN(2000))*time.Millisecond) // reading the answer
			}
			res.sample(name, sb, u)
		}()
	}
	wg.Wait()
	return res
}

// request does one step and waits for the answer; a request lost with the
// killed process is sent again once, as a person would.
func request(sb *sandbox.Server, u sandbox.User, do step) (time.Duration, bool, bool) {
	start := time.Now()
	before := sb.Activity(u.ID)
	do(sb, u)
	if waitActivity(sb, u.ID, before, 15*time.Second) {
		return time.Since(start), false, true
	}
	start, before = time.Now(), sb.Activity(u.ID)
	do(sb, u)
	return time.Since(start), true, waitActivity(sb, u.ID, before, 15*time.Second)
}

func (r *residents) sample(flow string, sb *sandbox.Server, u sandbox.User) {
	last, ok := sb.Last(u.ID)
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, seen := r.samples[flow]; !seen && ok {
		text := strings.ReplaceAll(last.Text, "\n", " ⏎ ")
		if runes := []rune(text); len(runes) > 90 {
			text = string(runes[:90]) + "…"
		}
		r.samples[flow] = text
	}
}

func (r *residents) record(lat time.Duration, resent, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent++
	if resent {
		r.resent++
	}
	if !ok {
		r.unanswered++
		return
	}
	r.answered++
	r.latencies = append(r.latencies, lat)
}

func waitActivity(sb *sandbox.Server, chat int64, before int, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if sb.Activity(chat) != before {
			return true
		}
		time.Sleep(25 * time.Millisecond)
	}
	return false
}

// burst429s answers 429 (retry after 1 s) to every call for 50 ms every 10 s:
// about 20 calls under the soak's load, once or twice a lone caller.
func burst429s(sb *sandbox.Server, stop <-chan struct{}) {
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			sb.FailFor("", 50*time.Millisecond, 429, "", 1)
		}
	}
}

// prepareSoakDB loads the demo city, subscribes `subscribers` idle chats to
// the digest and publishes one item for them.
func prepareSoakDB(t *testing.T, db string, subscribers int) {
	ctx := context.Background()
	st, err := store.Open(db, store.Options{})
	require.NoError(t, err)
	defer st.Close()
	_, err = st.Migrate(ctx)
	require.NoError(t, err)
	_, err = demo.Load(ctx, importer.Env{Store: st, Config: config.Default()}, time.Now())
	require.NoError(t, err)
	subs := make([]store.SeenUser, subscribers)
	for i := range subs {
		id := int64(400_000 + i)
		subs[i] = store.SeenUser{ID: id, ChatID: id, FirstName: "Sub", Language: []string{"uk", "en"}[i%2]}
	}
	require.NoError(t, st.SeedSubscribers(ctx, subs))
	_, err = st.SaveDigestItems(ctx, []digest.Item{{ID: "soak", Topic: "news", Title: "Новий сквер",
		Body: "Відкриття в суботу", PublishedAt: time.Now().Add(-time.Hour), Source: "import"}})
	require.NoError(t, err)
}

// waitOutbox waits until nothing is queued or in flight and returns the counts.
func waitOutbox(t *testing.T, db string) map[string]int {
	st, err := store.Open(db, store.Options{})
	require.NoError(t, err)
	defer st.Close()
	var counts map[string]int
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		counts, err = st.OutboxCounts(context.Background(), "", "")
		require.NoError(t, err)
		if counts["queued"]+counts["sending"] == 0 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	return counts
}

func dbMB(db string) float64 {
	var total int64
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(db + suffix); err == nil {
			total += fi.Size()
		}
	}
	return float64(total) / (1 << 20)
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
