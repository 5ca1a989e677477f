package sources_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/store"
)

func TestUnchangedContentImportsNothing(t *testing.T) {
	for _, etags := range []bool{true, false} {
		name := map[bool]string{true: "304 Not Modified", false: "200 with the same bytes"}[etags]
		t.Run(name, func(t *testing.T) {
			p := &portal{body: shopsV1, etags: etags}
			f := newFixture(t, config.SourceConfig{Dataset: "businesses", URL: serve(t, p).URL + "/shops.csv"}, nil)
			first := f.runOnce()
			require.True(t, first.Imported, first.State.LastError)
			assert.Equal(t, 2, first.State.Rows)

			second := f.runOnce()
			assert.False(t, second.Imported)
			assert.Equal(t, store.SourceOK, second.State.State)
			assert.Equal(t, first.State.LastChange, second.State.LastChange, "no new import")
			assert.Equal(t, f.now, second.State.LastFetch)
			assert.Equal(t, f.now, second.State.LastSuccess)
			full, notModified := p.counts()
			if etags {
				assert.Equal(t, [2]int{1, 1}, [2]int{full, notModified}, "the second request was conditional")
			} else {
				assert.Equal(t, [2]int{2, 0}, [2]int{full, notModified})
			}
			assert.Empty(t, f.alerts())
		})
	}
}

func TestChangedFileImportsOnce(t *testing.T) {
	p := &portal{body: shopsV1, etags: true}
	f := newFixture(t, config.SourceConfig{Dataset: "businesses", URL: serve(t, p).URL + "/shops.csv"}, nil)
	require.True(t, f.runOnce().Imported)
	require.Equal(t, 2, f.businesses())

	p.set(shopsV2)
	changed := f.runOnce()
	assert.True(t, changed.Imported)
	assert.Equal(t, 3, changed.State.Rows)
	assert.Equal(t, f.now, changed.State.LastChange)
	assert.Contains(t, changed.Summary, "3 businesses read")
	assert.Equal(t, 3, f.businesses())

	again := f.runOnce()
	assert.False(t, again.Imported, "the changed file is imported once")
	assert.Empty(t, f.alerts(), "a normal import tells nobody")
}

func TestBrokenFileKeepsDataAndAlertsOncePerChange(t *testing.T) {
	p := &portal{body: shopsV1, etags: true}
	f := newFixture(t, config.SourceConfig{Name: "shops", Dataset: "businesses", URL: serve(t, p).URL + "/shops.csv"}, nil)
	good := f.runOnce()
	require.True(t, good.Imported)

	p.set(broken)
	bad := f.runOnce()
	assert.Equal(t, store.SourceFailed, bad.State.State)
	assert.Contains(t, bad.State.LastError, "shops.csv:3")
	assert.Contains(t, bad.State.LastError, "spaceship")
	assert.Equal(t, 2, f.businesses(), "the last good data stays")
	assert.Equal(t, good.State.LastChange, bad.State.LastChange)
	alerts := f.alerts()
	require.Len(t, alerts, 1)
	assert.Contains(t, alerts[0], "«shops» (businesses) не оновилося")
	assert.Contains(t, alerts[0], "shops.csv:3")
	assert.Contains(t, alerts[0], "Мешканці й далі бачать дані, імпортовані 04.05.2026 10:00", "city time")

	still := f.runOnce()
	assert.Equal(t, store.SourceFailed, still.State.State)
	assert.Equal(t, bad.State.LastError, still.State.LastError)
	assert.Equal(t, 2, still.State.Failures)
	assert.Len(t, f.alerts(), 1, "no second alert while it stays broken")

	p.set(shopsV2)
	fixed := f.runOnce()
	assert.True(t, fixed.Imported)
	assert.Equal(t, store.SourceOK, fixed.State.State)
	assert.Empty(t, fixed.State.LastError)
	assert.Equal(t, 3, f.businesses())
	alerts = f.alerts()
	require.Len(t, alerts, 2)
	assert.Equal(t, "✅ Джерело даних «shops» (businesses) знову працює: імпортовано нові дані (3 рядки).", alerts[1])

	f.runOnce()
	assert.Len(t, f.alerts(), 2, "no alert while it keeps working")
}

func TestAlertInTheAdminsLanguage(t *testing.T) {
	p := &portal{body: broken}
	f := newFixture(t, config.SourceConfig{Dataset: "businesses", URL: serve(t, p).URL + "/shops.csv"}, nil)
	f.cfg.DefaultLanguage = "en"
	f.run = newRunner(f)
	f.runOnce()
	alerts := f.alerts()
	require.Len(t, alerts, 1, "a source broken from the start is announced")
	assert.Contains(t, alerts[0], "⚠️ Data source «businesses» (businesses) could not be updated: import (nothing was changed)")
	assert.Contains(t, alerts[0], "Nothing has been imported from it yet.")
}

func TestRecoveryWithUnchangedContent(t *testing.T) {
	p := &portal{body: shopsV1, etags: true}
	srv := serve(t, p)
	f := newFixture(t, config.SourceConfig{Dataset: "businesses", URL: srv.URL + "/shops.csv"}, nil)
	require.True(t, f.runOnce().Imported)
	srv.Close() // the portal is down
	down := f.runOnce()
	assert.Equal(t, store.SourceFailed, down.State.State)
	assert.Contains(t, down.State.LastError, "connection refused")

	f.cfg.Sources[0].URL = serve(t, p).URL + "/shops.csv" // back, same file
	f.run = newRunner(f)
	up := f.runOnce()
	assert.Equal(t, store.SourceOK, up.State.State)
	assert.False(t, up.Imported)
	alerts := f.alerts()
	require.Len(t, alerts, 2)
	assert.Contains(t, alerts[1], "знову працює; його дані не змінилися з 04.05.2026 10:00")
}

func TestSlowServerTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select { // never answers in time; released when the test ends
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(func() { close(release) })
	lim := defaultTestLimits()
	lim.HeaderTimeout, lim.TotalTimeout = time.Hour, 150*time.Millisecond
	f := newFixture(t, config.SourceConfig{Dataset: "businesses", URL: srv.URL + "/shops.csv"}, &lim)
	res := f.runOnce()
	assert.Equal(t, store.SourceFailed, res.State.State)
	assert.Contains(t, res.State.LastError, "timed out: no complete answer within 150ms")

	lim.HeaderTimeout, lim.TotalTimeout = 100*time.Millisecond, time.Hour
	f.run = newRunnerWith(f, &lim)
	res = f.runOnce()
	assert.Contains(t, res.State.LastError, "timeout awaiting response headers")
}

func TestSizeCap(t *testing.T) {
	p := &portal{body: shopsV2}
	lim := defaultTestLimits()
	lim.MaxBytes = int64(len(shopsV1))
	f := newFixture(t, config.SourceConfig{Dataset: "businesses", URL: serve(t, p).URL + "/shops.csv"}, &lim)
	res := f.runOnce()
	assert.Equal(t, store.SourceFailed, res.State.State)
	assert.Contains(t, res.State.LastError, "larger than import.max_file_mb")
	assert.Equal(t, 0, f.businesses())
}

func TestRedirects(t *testing.T) {
	p := &portal{body: shopsV1}
	mux := http.NewServeMux()
	mux.Handle("/shops.csv", p)
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		n := r.PathValue("n")
		if n == "0" {
			http.Redirect(w, r, "/shops.csv", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/hop/"+string(rune(n[0]-1)), http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := serve(t, mux)
	tests := []struct{ path, err string }{
		{"/hop/4", ""}, // five redirects: allowed
		{"/hop/5", "more than 5 redirects"},
		{"/to-file", "redirect to a file URL refused"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			f := newFixture(t, config.SourceConfig{Dataset: "businesses", URL: srv.URL + tt.path}, nil)
			res := f.runOnce()
			if tt.err == "" {
				assert.True(t, res.Imported, res.State.LastError)
				return
			}
			assert.Equal(t, store.SourceFailed, res.State.State)
			assert.Contains(t, res.State.LastError, tt.err)
		})
	}
}

func TestCredentialsNeverShown(t *testing.T) {
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, pw, ok := r.BasicAuth(); !ok || u != "anna" || pw != "hunter2" {
			http.Error(w, "who are you", http.StatusUnauthorized)
			return
		}
		http.NotFound(w, r)
	}))
	url := "http://anna:hunter2@" + srv.Listener.Addr().String() + "/shops.csv"
	f := newFixture(t, config.SourceConfig{Dataset: "businesses", URL: url}, nil)
	res := f.runOnce()
	assert.Contains(t, res.State.LastError, "http://***@"+srv.Listener.Addr().String()+"/shops.csv: the server answered 404",
		"the credentials reached the server")
	var status strings.Builder
	require.NoError(t, f.run.WriteStatus(context.Background(), &status))
	assert.Contains(t, status.String(), "http://***@")
	shown := map[string]string{"error": res.State.LastError, "logs": f.logs.String(), "status": status.String(),
		"alert": strings.Join(f.alerts(), "\n")}
	for where, text := range shown {
		assert.NotContains(t, text, "hunter2", where)
		assert.NotContains(t, text, "anna", where)
	}
	assert.Contains(t, f.logs.String(), "http://***@", "the URL is logged, redacted")

	// Go's own error for an unreachable host names the user too.
	srv.Close()
	res = f.runOnce()
	assert.NotContains(t, res.State.LastError+f.logs.String(), "anna")
}

func TestLocalFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shops.csv")
	require.NoError(t, os.WriteFile(path, []byte(shopsV1), 0o600))
	f := newFixture(t, config.SourceConfig{Dataset: "businesses", URL: "file://" + filepath.ToSlash(path)}, nil)
	require.True(t, f.runOnce().Imported)
	assert.False(t, f.runOnce().Imported, "same size and time: not read again")

	require.NoError(t, os.WriteFile(path, []byte(shopsV2), 0o600))
	require.NoError(t, os.Chtimes(path, time.Now(), time.Now().Add(time.Minute)))
	res := f.runOnce()
	assert.True(t, res.Imported)
	assert.Equal(t, 3, f.businesses())

	require.NoError(t, os.Chtimes(path, time.Now(), time.Now().Add(2*time.Minute)))
	assert.False(t, f.runOnce().Imported, "touched but the same bytes")

	require.NoError(t, os.Remove(path))
	gone := f.runOnce()
	assert.Equal(t, store.SourceFailed, gone.State.State)
	assert.Contains(t, gone.State.LastError, "shops.csv: no such file or directory")
}

func TestDeviceRefused(t *testing.T) {
	f := newFixture(t, config.SourceConfig{Dataset: "businesses", URL: "/dev/zero"}, nil)
	res := f.runOnce()
	assert.Contains(t, res.State.LastError, "not a regular file or a folder")
}

func TestDatasetsMatchTheImporter(t *testing.T) {
	assert.Equal(t, importer.Names(), config.Datasets)
}
