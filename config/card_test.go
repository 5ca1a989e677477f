package config

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCardRules(t *testing.T) {
	httpOK := func(c *Config) { c.Card.Provider = "http"; c.Card.HTTP.BaseURL = "https://eticket.example.org/api/v1" }
	tests := []struct {
		name    string
		edit    func(*Config)
		wantKey string
		wantMsg string
	}{
		{"http ok", httpOK, "", ""},
		{"provider other", func(c *Config) { c.Card.Provider = "csv" }, "card.provider", "must be one of sqlite, http"},
		{"http needs base_url", func(c *Config) { c.Card.Provider = "http" }, "card.http.base_url", "required when card.provider is http"},
		{"base_url relative", func(c *Config) { httpOK(c); c.Card.HTTP.BaseURL = "eticket/api" }, "card.http.base_url", "absolute http(s) URL"},
		{"http timeout too long", func(c *Config) { httpOK(c); c.Card.HTTP.Timeout = 6 * time.Second }, "card.http.timeout", "between 50ms and 5s"},
		{"reply_timeout over 5s", func(c *Config) { c.Card.ReplyTimeout = 5*time.Second + 1 }, "card.reply_timeout", "between 100ms and 5s"},
		{"reply_timeout 5s ok", func(c *Config) { c.Card.ReplyTimeout = 5 * time.Second }, "", ""},
		{"no categories", func(c *Config) { c.Card.Categories = nil }, "card.categories", "at least one"},
		{"bad category code", func(c *Config) { c.Card.Categories = []string{"Pupil"} }, "card.categories", `"Pupil" must be`},
		{"duplicate category", func(c *Config) { c.Card.Categories = []string{"pupil", "pupil"} }, "card.categories", `duplicate code "pupil"`},
		{"number_length short", func(c *Config) { c.Card.NumberLength = 7 }, "card.number_length", "between 8 and 19"},
		{"number_length 19 ok", func(c *Config) { c.Card.NumberLength = 19 }, "", ""},
		{"low balance negative", func(c *Config) { c.Card.LowBalanceUAH = -1 }, "card.low_balance_uah", "between 0 and 100000"},
		{"sync too often", func(c *Config) { c.Card.SyncInterval = time.Second }, "card.sync_interval", "between 1m and 24h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Default()
			tt.edit(&cfg)
			assertOnlyProblem(t, cfg.Validate(), tt.wantKey, tt.wantMsg)
		})
	}
}

func TestCardEnvOverrides(t *testing.T) {
	cfg, err := Load("", true, []string{"NAZAR_CARD_PROVIDER=http", "NAZAR_CARD_HTTP_BASE_URL=http://127.0.0.1:9/api",
		"NAZAR_CARD_HTTP_TOKEN=t0ken", "NAZAR_CARD_LUHN=false", "NAZAR_CARD_CATEGORIES=pupil, student"})
	require.NoError(t, err)
	assert.Equal(t, "http", cfg.Card.Provider)
	assert.Equal(t, "t0ken", cfg.Card.HTTP.Token)
	assert.False(t, cfg.Card.Luhn)
	assert.Equal(t, []string{"pupil", "student"}, cfg.Card.Categories)
	assert.NoError(t, cfg.Validate())
}
