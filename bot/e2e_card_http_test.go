package bot_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/config"
)

// cityAPI is the city's e-ticket API (docs/card.md) with one card; mode
// switches it to a failure.
type cityAPI struct {
	mode  atomic.Value // "", "500" or "stall"
	calls atomic.Int32
}

func (a *cityAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.calls.Add(1)
	body, _ := io.ReadAll(r.Body) // read first, so a client that gives up is noticed
	switch a.mode.Load() {
	case "500":
		w.WriteHeader(http.StatusInternalServerError)
		return
	case "stall":
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
			return
		}
	}
	if r.Header.Get("Authorization") != "Bearer city-token" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	switch r.URL.Path {
	case "/v1/cards/9876540000000031/verify":
		_, _ = w.Write([]byte(`{"verified":` + boolJSON(strings.Contains(string(body), "2004-03-05")) + `}`))
	case "/v1/cards/9876540000000031":
		_, _ = w.Write([]byte(`{"category":"student","status":"active","valid_until":"2027-08-31","balance_kopiykas":9870,
			"trips_left":12,"pending_kopiykas":2500,"updated_at":"2026-11-28T09:45:00+02:00"}`))
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

func boolJSON(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func startCardHTTP(t *testing.T, opts ...func(*config.Config)) (*bottest.Harness, *cityAPI) {
	api := &cityAPI{}
	api.mode.Store("")
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	h := bottest.Start(t, append([]func(*config.Config){func(c *config.Config) {
		c.Card.Provider, c.Card.HTTP.BaseURL, c.Card.HTTP.Token = "http", srv.URL+"/v1", "city-token"
	}}, opts...)...)
	return h, api
}

func TestCardHTTPProvider(t *testing.T) {
	h, api := startCardHTTP(t)
	u := bottest.En

	bal := linkCard(h, u, studentCard, studentBirth)
	assert.Contains(t, bal.Text, "Balance: UAH\u00a098.70\nTrips left: 12\n⏳ Pending: UAH\u00a025.00")
	assert.Contains(t, bal.Text, "Data as of 28 Nov 2026, 09:45")

	// 404: the API does not know the card — the same answer as a wrong date.
	assert.Contains(t, linkCard(h, u, veteranCard, veteranBirth).Text, "The date of birth does not match the card. 4 tries left.")

	// 500, retried once, then "unavailable".
	api.mode.Store("500")
	calls := api.calls.Load()
	m := h.Press(u, bal, "🧾 Last operations")
	assert.Equal(t, "⚠️ The card service is unavailable right now. Please try again later.", m.Text)
	assert.Equal(t, calls+2, api.calls.Load(), "one retry")
}

// TestCardHTTPStallAnswersWithinFiveSeconds runs with the default timeouts
// (2 s per request, retried once, 4 s in all) against an API that stalls
// for 10 s: the user is told the service is unavailable before 5 s.
func TestCardHTTPStallAnswersWithinFiveSeconds(t *testing.T) {
	h, api := startCardHTTP(t)
	require.Equal(t, 4*time.Second, h.Config.Card.ReplyTimeout, "the shipped default")
	u := bottest.Uk
	m := h.Say(u, "/card")
	h.Press(u, m, "➕ Прив’язати картку")
	h.Say(u, studentCard)
	api.mode.Store("stall")
	start := time.Now()
	m = h.Say(u, studentBirth)
	elapsed := time.Since(start)
	assert.Equal(t, "⚠️ Сервіс карток зараз недоступний. Спробуйте, будь ласка, пізніше.", m.Text)
	assert.Less(t, elapsed, config.MaxCardReply, "SPEC §4: within 5 s, never a hang")
	t.Logf("unavailable after %v", elapsed)

	// The date step stays open: once the API is back the same date links the card.
	api.mode.Store("")
	assert.Contains(t, h.Say(u, studentBirth).Text, "Баланс: 98,70")
}

// TestCardHTTPStallShortTimeout shows the bound follows card.reply_timeout.
func TestCardHTTPStallShortTimeout(t *testing.T) {
	h, api := startCardHTTP(t, func(c *config.Config) {
		c.Card.ReplyTimeout, c.Card.HTTP.Timeout = 300*time.Millisecond, 200*time.Millisecond
	})
	bal := linkCard(h, bottest.En, studentCard, studentBirth)
	api.mode.Store("stall")
	start := time.Now()
	m := h.Press(bottest.En, bal, "🧾 Last operations")
	assert.Contains(t, m.Text, "The card service is unavailable")
	assert.Less(t, time.Since(start), 2*time.Second)
}
