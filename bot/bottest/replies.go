package bottest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/store"
)

// The load the reply-latency benchmarks of issue 15 measure under:
// residents chatting while the bot runs, and a digest going out meanwhile.
const (
	loadResidents   = 4
	loadSubscribers = 5_000
	loadDigestRate  = 200 // messages a second
	loadBaseReplies = 100 // per resident, without an import
	// loadPause is how long a resident waits after an answer before writing
	// again: 4 residents at most 80 messages a second together. Telegram
	// lets a bot send one message a second to a chat, and the bot's answers
	// share its pace with the digest; residents writing in a tight loop
	// (1,000 answers a second) would measure that pace (a wait of most of a
	// second whenever they use up its window), not the store.
	loadPause = 50 * time.Millisecond
)

// RepliesDuringImport measures the bot's reply latency while residents chat
// and a digest goes out: first alone, then while another store on the same
// database file (as `nazar import` in another process) imports dataset
// from path. A reply's latency runs from the update reaching the sandbox to
// the bot's answer reaching it. Goals (issue 15): p99 at most 300 ms above
// the p99 without the import, no "database is locked" in the bot's log, no
// message unanswered.
func RepliesDuringImport(b *testing.B, dataset, path string) {
	var base, during []time.Duration
	var took time.Duration
	var locked, unanswered int
	for range b.N {
		h := Start(b, func(c *config.Config) {
			c.Digest.RatePerSecond, c.Digest.Workers, c.Log.Level = loadDigestRate, 4, "warn"
		})
		startDigest(b, h)
		replies, lost := chat(h, func(sent int) bool { return sent < loadBaseReplies })
		base, unanswered = append(base, replies...), unanswered+lost
		other, err := store.Open(h.Config.Database.Path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		var done atomic.Bool
		result := make(chan error, 1)
		start := time.Now()
		go func() {
			_, err := importer.Run(context.Background(), importer.Env{Store: other, Config: config.Default()}, dataset, path)
			took = time.Since(start)
			done.Store(true)
			result <- err
		}()
		replies, lost = chat(h, func(int) bool { return !done.Load() })
		during, unanswered = append(during, replies...), unanswered+lost
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
	b.ReportMetric(float64(unanswered), "unanswered")
	b.ReportMetric(0, "ns/op") // the latencies are the result
}

// startDigest enqueues one digest message to each of the subscribers; the
// bot's sender delivers them at loadDigestRate while the residents chat.
func startDigest(b *testing.B, h *Harness) {
	users := make([]store.SeenUser, loadSubscribers)
	pushes := make([]store.Push, loadSubscribers)
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

// chat has each resident send /help, wait for the answer and loadPause,
// again while more(messages sent by that resident) holds; it returns every
// latency and how many messages went unanswered for 30 s.
func chat(h *Harness, more func(sent int) bool) (latencies []time.Duration, unanswered int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for r := range loadResidents {
		u := sandbox.User{ID: int64(900 + r), FirstName: fmt.Sprintf("R%d", r), LanguageCode: "uk"}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sent := 0; more(sent); sent++ {
				d, ok := timedReply(h, u)
				mu.Lock()
				if ok {
					latencies = append(latencies, d)
				} else {
					unanswered++
				}
				mu.Unlock()
				if !ok {
					return
				}
				time.Sleep(loadPause)
			}
		}()
	}
	wg.Wait()
	return latencies, unanswered
}

// timedReply sends /help as u and times the bot's answer, polling every
// millisecond; false after 30 s without one.
func timedReply(h *Harness, u sandbox.User) (time.Duration, bool) {
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
