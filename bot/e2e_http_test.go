package bot_test

import (
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/config"
)

// get fetches url and returns the status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}

// By default /metrics is served beside the webhook.
func TestMetricsOnTheMainListenerByDefault(t *testing.T) {
	h := bottest.Start(t, webhookMode)
	h.Say(bottest.En, "/start")
	status, body := get(t, "http://"+h.HTTPAddr+"/metrics")
	assert.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, "nazar_updates_handled_total")
	assert.Empty(t, h.MetricsAddr)
}

// http.metrics_listen moves /metrics off the port Telegram reaches; /healthz
// answers on both.
func TestMetricsOnTheirOwnListener(t *testing.T) {
	h := bottest.Start(t, webhookMode, func(c *config.Config) { c.HTTP.MetricsListen = "127.0.0.1:0" })
	h.Say(bottest.En, "/start")
	require.NotEmpty(t, h.MetricsAddr)

	status, body := get(t, "http://"+h.MetricsAddr+"/metrics")
	assert.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, "nazar_updates_handled_total")
	status, _ = get(t, "http://"+h.HTTPAddr+"/metrics")
	assert.Equal(t, http.StatusNotFound, status, "not on the webhook's port")
	for _, addr := range []string{h.HTTPAddr, h.MetricsAddr} {
		status, body = get(t, "http://"+addr+"/healthz")
		assert.Equal(t, http.StatusOK, status, addr)
		assert.Equal(t, "ok\n", body)
	}
	status, _ = get(t, "http://"+h.MetricsAddr+bottest.WebhookPath)
	assert.Equal(t, http.StatusNotFound, status, "no webhook on the metrics port")
}

// The server serves at most 128 connections at once: clients that connect
// and send nothing hold slots (until the 10 s header timeout), a request
// past the cap waits, and one freed slot lets it through.
func TestHTTPServerCapsConnections(t *testing.T) {
	h := bottest.Start(t)
	const capacity = 128
	idle := make([]net.Conn, capacity)
	for i := range idle {
		c, err := net.Dial("tcp", h.HTTPAddr)
		require.NoError(t, err)
		defer c.Close()
		idle[i] = c
	}
	done := make(chan int, 1)
	go func() {
		resp, err := http.Get("http://" + h.HTTPAddr + "/healthz")
		if err != nil {
			done <- 0
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	select {
	case status := <-done:
		t.Fatalf("the request past the cap was served (status %d)", status)
	case <-time.After(300 * time.Millisecond): // it would have been served by now
	}
	require.NoError(t, idle[0].Close())
	select {
	case status := <-done:
		assert.Equal(t, http.StatusOK, status)
	case <-time.After(10 * time.Second):
		t.Fatal("a freed slot did not let the waiting request through")
	}
}
