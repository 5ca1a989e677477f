package main

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// The start-up memory is released only after the settle time and only once
// the bot is quiet: a bot busy sending is not stopped for it.
func TestStartupReleaseWaitsForAQuietBot(t *testing.T) {
	const d = 20 * time.Millisecond
	var quiet atomic.Bool
	var asked atomic.Int32
	check := func(got time.Duration) bool {
		assert.Equal(t, d, got, "quiet for as long as the settle time")
		asked.Add(1)
		return quiet.Load()
	}
	begin := time.Now()
	released := make(chan bool)
	go func() { released <- waitQuiet(t.Context(), d, check) }()
	time.Sleep(5 * d)
	select {
	case <-released:
		t.Fatal("released while the bot was sending")
	default:
	}
	assert.Greater(t, asked.Load(), int32(1), "asked again and again")
	quiet.Store(true)
	assert.True(t, <-released)
	assert.GreaterOrEqual(t, time.Since(begin), 5*d)

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	assert.False(t, waitQuiet(ctx, d, func(time.Duration) bool { return true }), "stopped: no release")
}
