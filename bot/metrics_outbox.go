package bot

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// outboxCollector reports the outbox by status (queued, sending, sent,
// failed, inactive, cancelled) and kind, read from the database on every
// scrape so that it is right across restarts and processes.
type outboxCollector struct {
	counts func(ctx context.Context, kind, key string) (map[string]int, error)
	desc   *prometheus.Desc
}

func newOutboxCollector(counts func(ctx context.Context, kind, key string) (map[string]int, error)) *outboxCollector {
	return &outboxCollector{counts: counts, desc: prometheus.NewDesc("nazar_outbox_messages",
		"Push messages in the outbox, by status.", []string{"status"}, nil)}
}

// Describe sends the metric's description.
func (c *outboxCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

// Collect queries the counts.
func (c *outboxCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	counts, err := c.counts(ctx, "", "")
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	for status, n := range counts {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n), status)
	}
}
