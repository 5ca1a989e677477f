package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
)

const (
	goodShops   = "id,name,kind,kved\nB-1,Аптека,enterprise,47.73\nB-2,Кав'ярня,enterprise,56.30\n"
	brokenShops = "id,name,kind,kved\nB-1,Аптека,enterprise,47.73\nB-9,Ніщо,spaceship,47.73\n"
)

// shopsPortal serves one file that a test can swap.
type shopsPortal struct {
	mu   sync.Mutex
	body string
}

func (p *shopsPortal) set(body string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.body = body
}

func (p *shopsPortal) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprint(w, p.body)
}

// sourcesConfig writes a config with admin 42 and one source at url.
func sourcesConfig(t *testing.T, url string) string {
	path := filepath.Join(t.TempDir(), "config.yaml")
	body := fmt.Sprintf("admins: [42]\nsources:\n  - name: shops\n    dataset: businesses\n    url: %s\n    schedule: \"0 6 * * *\"\n", url)
	require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
	return path
}

// The running bot fetches a never-fetched source at start; a broken file
// reaches the admin's chat once, and the recovery found by `nazar sources
// run` in another process reaches it once too, through the outbox.
func TestSourcesAlertAdminsThroughTheRunningBot(t *testing.T) {
	portal := &shopsPortal{body: brokenShops}
	srv := httptest.NewServer(portal)
	defer srv.Close()
	url := "http://anna:hunter2@" + srv.Listener.Addr().String() + "/shops.csv"
	cfg := sourcesConfig(t, url)
	db := filepath.Join(t.TempDir(), "nazar.db")
	sb := sandbox.New(testToken)
	defer sb.Close()
	p := startProcess(t, sb, db, nil, "--config", cfg, "run")
	waitPolling(t, sb, p)

	msgs, err := sb.WaitMessages(42, 1, 30*time.Second)
	require.NoError(t, err, p.stderr.String())
	assert.Contains(t, msgs[0].Text, "⚠️ Джерело даних «shops» (businesses) не оновилося")
	assert.Contains(t, msgs[0].Text, "shops.csv:3")

	portal.set(goodShops)
	out := runCLI(t, db, "--config", cfg, "sources", "run", "shops")
	assert.Contains(t, out, "shops: imported\n  2 businesses read")
	msgs, err = sb.WaitMessages(42, 2, 30*time.Second)
	require.NoError(t, err, p.stderr.String())
	assert.Equal(t, "✅ Джерело даних «shops» (businesses) знову працює: імпортовано нові дані (2 рядки).", msgs[1].Text)

	status := runCLI(t, db, "--config", cfg, "sources", "status")
	assert.Contains(t, status, "shops   businesses  ok")
	assert.Contains(t, status, "http://***@"+srv.Listener.Addr().String()+"/shops.csv")
	for where, text := range map[string]string{"status": status, "logs": p.stderr.String(), "run": out} {
		assert.NotContains(t, text, "hunter2", where)
	}
	assert.Len(t, sb.Messages(42), 2)
}

// `nazar sources run` exits 1 when a source failed, and says so.
func TestSourcesRunFailureExitCode(t *testing.T) {
	cfg := sourcesConfig(t, filepath.Join(t.TempDir(), "missing.csv"))
	cmd := exec.CommandContext(context.Background(), binary(t), "--config", cfg, "sources", "run")
	cmd.Env = append(os.Environ(), "NAZAR_DATABASE_PATH="+filepath.Join(t.TempDir(), "n.db"), "NAZAR_LOG_LEVEL=error")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "want exit 1, got %v", err)
	assert.Equal(t, 1, exit.ExitCode())
	assert.Contains(t, out.String(), "shops: failed (the data imported before stays): ")
	assert.Contains(t, out.String(), "missing.csv: no such file or directory")
	assert.Equal(t, "1 of 1 sources failed; the data imported before stays\n", errOut.String())
}

func TestHelpListsSources(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"help"}, nil, strings.NewReader(""), &out, &errOut)
	assert.Equal(t, 0, code)
	assert.Contains(t, out.String(), "sources status|run [NAME]")
}
