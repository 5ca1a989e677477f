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

// SIGKILL while a handler waits on Telegram: the library had already
// confirmed the update, so only the bot's stored copy remains; the next start
// replays it and the resident gets exactly one answer.
func TestSIGKILLedUpdateIsAnsweredAfterRestart(t *testing.T) {
	sb := sandbox.New(testToken)
	defer sb.Close()
	user := sandbox.User{ID: 43, FirstName: "Леся", LanguageCode: "uk"}
	db := filepath.Join(t.TempDir(), "nazar.db")
	p := startProcess(t, sb, db, nil, "run")
	waitPolling(t, sb, p)

	sb.SetLatency(time.Minute) // the handler's sendMessage never returns
	sb.SendText(user, "/start")
	require.True(t, sb.WaitFor(10*time.Second, func() bool { return sb.Delayed("sendMessage") == 1 }),
		"the handler is inside sendMessage")
	require.True(t, sb.WaitFor(10*time.Second, func() bool { return sb.Pending() == 0 }),
		"the library confirmed the update to Telegram")
	require.NoError(t, p.cmd.Process.Kill())
	<-p.done
	sb.SetLatency(0)

	again := startProcess(t, sb, db, nil, "run")
	msgs, err := sb.WaitMessages(user.ID, 1, 30*time.Second)
	require.NoError(t, err, "stderr of the restarted bot:\n%s", again.stderr.String())
	assert.True(t, strings.HasPrefix(msgs[0].Text, "Вітаю, Леся!"), msgs[0].Text)
	time.Sleep(1500 * time.Millisecond) // a second answer would arrive by now
	assert.Len(t, sb.Messages(user.ID), 1, "answered once")
	assert.Contains(t, again.stderr.String(), "replaying updates the last run accepted but did not handle")
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
