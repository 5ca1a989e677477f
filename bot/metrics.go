package bot

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the bot's Prometheus metrics, on a registry of its own so that
// tests (and two bots in one process) do not collide.
type Metrics struct {
	Registry *prometheus.Registry
	updates  *prometheus.CounterVec
	errors   *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

// NewMetrics registers the update metrics and the Go runtime's.
func NewMetrics() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		updates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "nazar_updates_handled_total", Help: "Updates handled, by route."}, []string{"handler"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "nazar_handler_errors_total", Help: "Updates whose handler failed, by route."}, []string{"handler"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "nazar_handler_duration_seconds", Help: "Time to handle an update, by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}}, []string{"handler"}),
	}
	m.Registry.MustRegister(m.updates, m.errors, m.latency,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *Metrics) observe(route string, d time.Duration, err error) {
	m.updates.WithLabelValues(route).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
	if err != nil {
		m.errors.WithLabelValues(route).Inc()
	}
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{})
}
