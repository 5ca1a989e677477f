package bot_test

import (
	"github.com/transparentcities/nazar/digest"

	"testing"
	"time"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/config"
)

// BenchmarkSustainedSendRate sends a digest to 10,000 subscribers with
// digest.rate_per_second = 1000 (16 workers) while the sandbox enforces that
// same limit.
// Goal (issue 3): ≥ 95 % of the configured rate and zero 429s.
func BenchmarkSustainedSendRate(b *testing.B) {
	const (
		rate        = 1000
		subscribers = 10_000
	)
	var elapsed time.Duration
	var tooMany int
	for range b.N { // one digest each; the rate is measured, not ns/op
		h := bottest.Start(b, func(c *config.Config) {
			c.Digest.RatePerSecond, c.Digest.Workers, c.Log.Level = rate, 16, "warn"
		})
		h.SB.SetRateLimit(rate, 1)
		seedSubscribers(b, h.Store, 100_000, subscribers)
		item := digest.Item{ID: "n1", Topic: "news", Title: "Ярмарок", Body: "Субота",
			PublishedAt: h.Clock.Now().Add(-time.Hour), Source: "import"}
		if _, err := h.Store.SaveDigestItems(b.Context(), []digest.Item{item}); err != nil {
			b.Fatal(err)
		}
		if _, _, err := h.App.Features().DigestJob.Send(b.Context(), h.Clock.Now()); err != nil {
			b.Fatal(err)
		}
		counts := waitDrained(b, h, 2*time.Minute)
		elapsed += sendingTime(h)
		if counts["sent"] != subscribers {
			b.Fatalf("sent %d of %d: %v", counts["sent"], subscribers, counts)
		}
		tooMany += h.SB.Stats().TooMany
		_ = h.Stop()
	}
	achieved := float64(b.N*subscribers) / elapsed.Seconds()
	b.ReportMetric(achieved, "msgs/s")
	b.ReportMetric(100*achieved/rate, "%_of_configured")
	b.ReportMetric(float64(tooMany), "429s")
}

// sendingTime is the time from the first sendMessage that reached the
// sandbox to the last: the sustained rate, without the enqueue before it.
func sendingTime(h *bottest.Harness) time.Duration {
	calls := h.SB.Calls("sendMessage")
	if len(calls) < 2 {
		return 0
	}
	return calls[len(calls)-1].At.Sub(calls[0].At)
}
