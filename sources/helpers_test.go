package sources_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/sources"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

const admin = int64(42)

// Three businesses files: two good versions and a broken one (an unknown
// kind on line 3).
const (
	shopsV1 = "id,name,kind,kved\nB-1,Аптека,enterprise,47.73\nB-2,Кав'ярня,enterprise,56.30\n"
	shopsV2 = shopsV1 + "B-3,Пекарня,enterprise,10.71\n"
	broken  = "id,name,kind,kved\nB-1,Аптека,enterprise,47.73\nB-9,Ніщо,spaceship,47.73\n"
)

// portal is a city's open-data server: it serves one file with an ETag and
// answers 304 to a request that names it, unless etags is off.
type portal struct {
	mu      sync.Mutex
	body    string
	etags   bool
	full    int // 200 answers
	partial int // 304 answers
}

func (p *portal) set(body string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.body = body
}

func (p *portal) counts() (full, notModified int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.full, p.partial
}

func (p *portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	tag := fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(p.body)))
	if p.etags {
		if r.Header.Get("If-None-Match") == tag {
			p.partial++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", tag)
	}
	p.full++
	fmt.Fprint(w, p.body)
}

// fixture is a runner over a fresh database with one admin and one source.
type fixture struct {
	t     *testing.T
	store *store.Store
	cfg   config.Config
	run   *sources.Runner
	logs  *bytes.Buffer
	now   time.Time
}

// newFixture's logger does not scrub: the tests prove that the package
// itself never writes credentials to a log line.
func newFixture(t *testing.T, src config.SourceConfig, limits *sources.Limits) *fixture {
	t.Helper()
	f := &fixture{t: t, logs: &bytes.Buffer{}, now: time.Date(2026, 5, 4, 6, 0, 0, 0, time.UTC)}
	f.store = storetest.Open(t, f.clock)
	f.cfg = config.Default()
	f.cfg.Admins = []int64{admin}
	if src.Schedule == "" {
		src.Schedule = "0 6 * * *"
	}
	f.cfg.Sources = config.SourcesConfig{src}
	require.NoError(t, f.cfg.Validate())
	if limits == nil {
		l := defaultTestLimits()
		limits = &l
	}
	f.run = newRunnerWith(f, limits)
	return f
}

func (f *fixture) clock() time.Time { return f.now }

// runOnce runs the source an hour after the previous run.
func (f *fixture) runOnce() sources.Result {
	f.t.Helper()
	f.now = f.now.Add(time.Hour)
	res, err := f.run.Run(context.Background(), f.cfg.Sources[0])
	require.NoError(f.t, err)
	return res
}

func (f *fixture) businesses() int {
	n, err := f.store.BusinessCount(context.Background())
	require.NoError(f.t, err)
	return n
}

// alerts are the texts queued for the admin, oldest first.
func (f *fixture) alerts() []string {
	f.t.Helper()
	rows, err := f.store.OutboxFor(context.Background(), "source", admin)
	require.NoError(f.t, err)
	var texts []string
	for _, r := range rows {
		texts = append(texts, r.Text)
	}
	return texts
}

func serve(t *testing.T, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// defaultTestLimits are short for tests.
func defaultTestLimits() sources.Limits {
	return sources.Limits{MaxBytes: 1 << 20, ConnectTimeout: time.Second, HeaderTimeout: 2 * time.Second,
		TotalTimeout: 5 * time.Second, MaxRedirects: 5}
}

func newRunner(f *fixture) *sources.Runner {
	lim := defaultTestLimits()
	return newRunnerWith(f, &lim)
}

func newRunnerWith(f *fixture, lim *sources.Limits) *sources.Runner {
	return newRunnerIn(f, lim, f.t.TempDir())
}

func newRunnerIn(f *fixture, lim *sources.Limits, tempDir string) *sources.Runner {
	return sources.New(f.cfg, f.store, sources.Options{Logger: slog.New(slog.NewTextHandler(f.logs, nil)),
		Now: f.clock, Limits: lim, TempDir: tempDir})
}
