package sources

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Collector reports each configured source's last success and failures,
// read from the database on every scrape: right across restarts, and
// counting runs made by `nazar sources run` in another process.
type Collector struct {
	r        *Runner
	success  *prometheus.Desc
	failures *prometheus.Desc
}

// Collector returns the runner's Prometheus collector.
func (r *Runner) Collector() *Collector {
	return &Collector{r: r,
		success: prometheus.NewDesc("nazar_source_last_success_timestamp_seconds",
			"When the source last ended with good data (imported or unchanged), unix seconds; 0 = never.",
			[]string{"source"}, nil),
		failures: prometheus.NewDesc("nazar_source_failures_total",
			"Runs of the source that failed (fetch or import).", []string{"source"}, nil)}
}

// Describe sends the metrics' descriptions.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.success
	ch <- c.failures
}

// Collect reads the sources' state.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	states, err := c.r.store.SourceStates(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.success, err)
		return
	}
	byName := map[string]int{}
	for i, st := range states {
		byName[st.Name] = i
	}
	for _, src := range c.r.cfg.Sources {
		name := src.NameOrDataset()
		var success float64
		var failures int
		if i, ok := byName[name]; ok {
			if !states[i].LastSuccess.IsZero() {
				success = float64(states[i].LastSuccess.Unix())
			}
			failures = states[i].Failures
		}
		ch <- prometheus.MustNewConstMetric(c.success, prometheus.GaugeValue, success, name)
		ch <- prometheus.MustNewConstMetric(c.failures, prometheus.CounterValue, float64(failures), name)
	}
}
