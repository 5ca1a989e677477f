package main

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
)

// SIGTERM while a handler runs: the handler finishes (its answer arrives)
// and the process exits 0.
func TestSIGTERMLetsTheHandlerFinish(t *testing.T) {
	sb := sandbox.New(testToken)
	defer sb.Close()
	user := sandbox.User{ID: 42, FirstName: "Тарас", LanguageCode: "uk"}
	p := startProcess(t, sb, filepath.Join(t.TempDir(), "nazar.db"), nil, "run")
	waitPolling(t, sb, p)

	sb.SetLatency(2 * time.Second) // the handler's sendMessage will take 2 s
	sb.SendText(user, "/start")
	require.True(t, sb.WaitFor(10*time.Second, func() bool { return sb.Delayed("sendMessage") == 1 }),
		"the handler is inside sendMessage")
	require.Empty(t, sb.Messages(user.ID))
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGTERM))

	select {
	case <-p.done:
		err := p.err
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("exit code %d; stderr:\n%s", exit.ExitCode(), p.stderr.String())
		}
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("the process did not stop")
	}
	msgs := sb.Messages(user.ID)
	require.Len(t, msgs, 1, "the handler in flight completed")
	assert.True(t, strings.HasPrefix(msgs[0].Text, "Вітаю, Тарас!"))
}

// A missing token is one clear line pointing to make demo.
func TestRunWithoutTokenSaysWhatToDo(t *testing.T) {
	cmd := exec.Command(binary(t), "run")
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"PATH=/usr/bin:/bin", "NAZAR_DATABASE_PATH=" + filepath.Join(t.TempDir(), "x.db")}
	out, err := cmd.CombinedOutput()
	require.Error(t, err)
	assert.Equal(t, "telegram.token: missing: set NAZAR_TELEGRAM_TOKEN (or try `make demo`, which needs no token)\n", string(out))
}
