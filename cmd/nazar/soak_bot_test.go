package main

import (
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/transparentcities/nazar/bot/sandbox"
)

// liveBot is the bot process of the soak, across its crash and restart.
type liveBot struct {
	t     *testing.T
	sb    *sandbox.Server
	db    string
	env   []string
	mu    sync.Mutex
	procs []*proc
}

func (b *liveBot) start() {
	p := startProcess(b.t, b.sb, b.db, b.env, "run")
	b.mu.Lock()
	b.procs = append(b.procs, p)
	b.mu.Unlock()
}

func (b *liveBot) current() *proc {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.procs[len(b.procs)-1]
}

func (b *liveBot) kill() {
	p := b.current()
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
	b.t.Logf("SIGKILL at %s", time.Now().Format(time.TimeOnly))
}

// terminate sends SIGTERM and returns the exit code.
func (b *liveBot) terminate() int {
	p := b.current()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		return -1
	}
	return p.cmd.ProcessState.ExitCode()
}

func (b *liveBot) stderr() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var all strings.Builder
	for _, p := range b.procs {
		all.WriteString(p.stderr.String())
	}
	return all.String()
}
