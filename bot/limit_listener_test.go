package bot

import (
	"errors"
	"log/slog"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
)

// Closing the listener wakes an Accept that waits for a slot, and a
// connection closed twice frees one slot only.
func TestLimitListener(t *testing.T) {
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ln := limitListener(inner, 1)
	dial := func() net.Conn {
		c, err := net.Dial("tcp", inner.Addr().String())
		require.NoError(t, err)
		t.Cleanup(func() { c.Close() })
		return c
	}
	dial()
	dial()
	first, err := ln.Accept()
	require.NoError(t, err)
	require.NoError(t, first.Close())
	_ = first.Close() // a second Close must not free a second slot
	second, err := ln.Accept()
	require.NoError(t, err)

	accepted := make(chan error, 1)
	go func() {
		_, err := ln.Accept() // no slot: waits
		accepted <- err
	}()
	select {
	case err := <-accepted:
		t.Fatalf("Accept past the cap returned (err %v)", err)
	case <-time.After(100 * time.Millisecond):
	}
	require.NoError(t, ln.Close())
	select {
	case err := <-accepted:
		assert.True(t, errors.Is(err, net.ErrClosed), "%v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not wake the waiting Accept")
	}
	second.Close()
}

// Slow or idle clients cannot hold a connection for ever.
func TestHTTPServersHaveTimeouts(t *testing.T) {
	cfg := config.Default()
	cfg.HTTP.Listen, cfg.HTTP.MetricsListen = "127.0.0.1:0", "127.0.0.1:0"
	a := &App{cfg: cfg, log: slog.New(slog.DiscardHandler), Metrics: NewMetrics()}
	servers, err := a.serveHTTP()
	require.NoError(t, err)
	defer a.shutdownHTTP(servers)
	require.Len(t, servers, 2, "main and metrics")
	for _, s := range servers {
		assert.Positive(t, s.ReadHeaderTimeout)
		assert.Positive(t, s.ReadTimeout)
		assert.Positive(t, s.WriteTimeout)
		assert.Positive(t, s.IdleTimeout)
		assert.Positive(t, s.MaxHeaderBytes)
	}
}
