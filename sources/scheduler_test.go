package sources_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store"
)

// At start, a source never fetched runs at once; one fetched after its last
// scheduled time waits for the next.
func TestStartCatchesUpMissedRuns(t *testing.T) {
	p := &portal{body: shopsV1}
	url := serve(t, p).URL + "/shops.csv"
	f := newFixture(t, config.SourceConfig{Name: "fresh", Dataset: "businesses", URL: url}, nil)
	f.cfg.Sources = append(f.cfg.Sources, config.SourceConfig{Name: "recent", Dataset: "businesses", URL: url,
		Schedule: "0 6 * * *"})
	f.run = newRunner(f)
	ctx := context.Background()
	recent := f.now.Add(-time.Minute) // after today's 06:00 in Kyiv (03:00 UTC)
	_, err := f.store.UpdateSource(ctx, "recent", func(st store.SourceState) (store.SourceState, []store.Push) {
		st.Dataset, st.State, st.LastFetch = "businesses", store.SourceOK, recent
		return st, nil
	})
	require.NoError(t, err)

	stop, err := f.run.Start(ctx)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		st, err := f.store.SourceStateOf(ctx, "fresh")
		return err == nil && st.State == store.SourceOK
	}, 10*time.Second, 10*time.Millisecond)
	stop()
	st, err := f.store.SourceStateOf(ctx, "recent")
	require.NoError(t, err)
	assert.Equal(t, recent, st.LastFetch, "not due yet")
}

func TestMetrics(t *testing.T) {
	p := &portal{body: shopsV1}
	f := newFixture(t, config.SourceConfig{Name: "shops", Dataset: "businesses", URL: serve(t, p).URL + "/s.csv"}, nil)
	f.cfg.Sources = append(f.cfg.Sources, config.SourceConfig{Name: "never", Dataset: "cards", URL: "/nowhere.csv",
		Schedule: "@daily"})
	f.run = newRunner(f)
	good := f.runOnce()
	p.set(broken)
	f.runOnce()
	f.runOnce()
	reg := prometheus.NewRegistry()
	reg.MustRegister(f.run.Collector())
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(reg, promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body := rec.Body.String()
	for _, line := range []string{
		"# TYPE nazar_source_failures_total counter",
		`nazar_source_failures_total{source="never"} 0`,
		`nazar_source_failures_total{source="shops"} 2`,
		"# TYPE nazar_source_last_success_timestamp_seconds gauge",
		`nazar_source_last_success_timestamp_seconds{source="never"} 0`,
		`nazar_source_last_success_timestamp_seconds{source="shops"} ` + fmt.Sprint(float64(good.State.LastSuccess.Unix())),
	} {
		assert.Contains(t, body, line+"\n")
	}
}

func TestStatus(t *testing.T) {
	p := &portal{body: shopsV1}
	f := newFixture(t, config.SourceConfig{Name: "shops", Dataset: "businesses", URL: serve(t, p).URL + "/s.csv"}, nil)
	f.runOnce() // 07:00 UTC = 10:00 in Kyiv
	p.set(broken)
	f.runOnce()
	var out strings.Builder
	require.NoError(t, f.run.WriteStatus(context.Background(), &out))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 3, out.String())
	assert.Regexp(t, `^SOURCE +DATASET +STATE +LAST FETCH +LAST CHANGE +ROWS +FAILURES +NEXT RUN +URL$`, lines[0])
	assert.Regexp(t, `^shops +businesses +failed +2026-05-04 11:00 EEST +2026-05-04 10:00 EEST +2 +1 +2026-05-05 06:00 EEST +http://`,
		lines[1])
	assert.Regexp(t, `^shops: last error: import \(nothing was changed\): s.csv:3:`, lines[2])
}

func TestStatusWithoutSources(t *testing.T) {
	f := newFixture(t, config.SourceConfig{Dataset: "cards", URL: "/x.csv"}, nil)
	f.cfg.Sources = nil
	f.run = newRunner(f)
	var out strings.Builder
	require.NoError(t, f.run.WriteStatus(context.Background(), &out))
	assert.Equal(t, "no sources configured (config key sources:, docs/sources.md)\n", out.String())
	_, err := f.run.RunAll(context.Background(), "x")
	assert.EqualError(t, err, `no source named "x" in the config (none is configured)`)
}
