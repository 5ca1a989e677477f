package benchmark

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/store"
)

// Residents chatting while the bot runs, and the digest it sends meanwhile
// (the load of council/benchmark's BenchmarkRepliesDuringImport).
const (
	residents   = 4
	subscribers = 5_000
	digestRate  = 200 // messages a second
	baseReplies = 100 // per resident, without an import
)

// BenchmarkRepliesDuringImport measures the bot's reply latency while
// residents chat and a digest goes out: first alone, then while another
// store on the same database file (as `nazar import` in another process)
// imports the 100,000 generated businesses. A reply's latency runs from
// the update reaching the sandbox to the bot's answer reaching it.
// Goals (issue 15): p99 at most 300 ms above the p99 without the import,
// and no "database is locked" in the bot's log.
func BenchmarkRepliesDuringImport(b *testing.B) {
	writeCSV(b)
	var base, during []time.Duration
	var took time.Duration
	locked := 0
	for range b.N {
		h := bottest.Start(b, func(c *config.Config) {
			c.Digest.RatePerSecond, c.Digest.Workers, c.Log.Level = digestRate, 4, "warn"
		})
		startDigest(b, h)
		base = append(base, chat(h, func(sent int) bool { return sent < baseReplies })...)
		other, err := store.Open(h.Config.Database.Path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		var done atomic.Bool
		result := make(chan error, 1)
		start := time.Now()
		go func() {
			_, err := importer.Run(context.Background(), importer.Env{Store: other, Config: config.Default()}, "businesses", csvPath)
			took = time.Since(start)
			done.Store(true)
			result <- err
		}()
		during = append(during, chat(h, func(int) bool { return !done.Load() })...)
		if err := <-result; err != nil {
			b.Fatal(err)
		}
		other.Close()
		locked += strings.Count(h.Log.String(), "database is locked")
		_ = h.Stop()
	}
	p50, p99 := percentiles(base)
	ip50, ip99 := percentiles(during)
	b.ReportMetric(p50, "base-p50-ms")
	b.ReportMetric(p99, "base-p99-ms")
	b.ReportMetric(ip50, "import-p50-ms")
	b.ReportMetric(ip99, "import-p99-ms")
	b.ReportMetric(ip99-p99, "p99-added-ms")
	b.ReportMetric(float64(len(during)), "replies-during-import")
	b.ReportMetric(took.Seconds(), "import-s")
	b.ReportMetric(float64(locked), "locked-logs")
	b.ReportMetric(float64(unanswered.Load()), "unanswered")
	b.ReportMetric(0, "ns/op") // the latencies are the result
}

// startDigest enqueues one digest message to each of the subscribers; the
// bot's sender delivers them at digestRate while the residents chat.
func startDigest(b *testing.B, h *bottest.Harness) {
	users := make([]store.SeenUser, subscribers)
	pushes := make([]store.Push, subscribers)
	for i := range users {
		id := int64(100_000 + i)
		users[i] = store.SeenUser{ID: id, ChatID: id, FirstName: "S", Language: "uk"}
		pushes[i] = store.Push{Kind: "digest", Key: "bench", ChatID: id, Text: "Дайджест: ярмарок у суботу"}
	}
	if err := h.Store.SeedSubscribers(b.Context(), users); err != nil {
		b.Fatal(err)
	}
	if _, err := h.Store.Enqueue(b.Context(), pushes...); err != nil {
		b.Fatal(err)
	}
}

// unanswered counts messages the bot did not answer within 30 s.
var unanswered atomic.Int64

// chat has each resident send /help and wait for the answer, again while
// more(messages sent by that resident) holds, and returns every latency.
func chat(h *bottest.Harness, more func(sent int) bool) []time.Duration {
	var mu sync.Mutex
	var all []time.Duration
	var wg sync.WaitGroup
	for r := range residents {
		u := sandbox.User{ID: int64(900 + r), FirstName: fmt.Sprintf("R%d", r), LanguageCode: "uk"}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sent := 0; more(sent); sent++ {
				d, ok := reply(h, u)
				if !ok {
					unanswered.Add(1)
					return
				}
				mu.Lock()
				all = append(all, d)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return all
}

// reply sends /help as u and times the bot's answer, polling every
// millisecond; false after 30 s without one.
func reply(h *bottest.Harness, u sandbox.User) (time.Duration, bool) {
	before := len(h.SB.Messages(u.ID))
	h.Expect(1)
	start := time.Now()
	h.SB.SendText(u, "/help")
	for time.Since(start) < 30*time.Second {
		if len(h.SB.Messages(u.ID)) > before {
			return time.Since(start), true
		}
		time.Sleep(time.Millisecond)
	}
	return 0, false
}

// percentiles returns the 50th and 99th percentile of ds in ms.
func percentiles(ds []time.Duration) (p50, p99 float64) {
	if len(ds) == 0 {
		return 0, 0
	}
	s := slices.Sorted(slices.Values(ds))
	at := func(q int) float64 { return float64(s[min(len(s)*q/100, len(s)-1)]) / 1e6 }
	return at(50), at(99)
}
