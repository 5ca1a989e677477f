package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
)

// These tests build and run the real binary, as an operator would.

const testToken = "123456:process-test-token-000000000000000000"

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds bin/nazar once per test run (into a temp dir).
func binary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "nazar-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "nazar")
		out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = &buildError{out: string(out), err: err}
		}
	})
	require.NoError(t, buildErr)
	return binPath
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// proc is a running nazar process.
type proc struct {
	cmd    *exec.Cmd
	stderr *syncBuffer
	done   chan struct{} // closed when the process has exited
	err    error         // the exit error, valid once done is closed
}

// startProcess runs `nazar args...` against the sandbox with the database at db.
func startProcess(t testing.TB, sb *sandbox.Server, db string, extraEnv []string, args ...string) *proc {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "NAZAR_TELEGRAM_TOKEN="+testToken, "NAZAR_TELEGRAM_API_URL="+sb.URL,
		"NAZAR_DATABASE_PATH="+db, "NAZAR_HTTP_LISTEN=127.0.0.1:0", "NAZAR_TELEGRAM_POLL_TIMEOUT=1s",
		"NAZAR_LOG_FORMAT=json", "NAZAR_LOG_LEVEL=info")
	cmd.Env = append(cmd.Env, extraEnv...)
	p := &proc{cmd: cmd, stderr: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stderr = p.stderr
	require.NoError(t, cmd.Start())
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-p.done
	})
	return p
}

// waitPolling waits until the process is parked in a long poll; if it exits
// first, the failure shows why.
func waitPolling(t testing.TB, sb *sandbox.Server, p *proc) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for sb.Polls() == 0 {
		select {
		case <-p.done:
			t.Fatalf("the bot exited before polling: %v\n%s", p.err, p.stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("the bot did not poll within 30 s; stderr:\n%s", p.stderr.String())
		}
	}
}

// runCLI runs a short sub-command to completion and returns its stdout.
func runCLI(t testing.TB, db string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(context.Background(), binary(t), args...)
	cmd.Env = append(os.Environ(), "NAZAR_DATABASE_PATH="+db, "NAZAR_LOG_LEVEL=warn")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	require.NoError(t, cmd.Run(), "nazar %v: %s", args, errOut.String())
	return out.String()
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
