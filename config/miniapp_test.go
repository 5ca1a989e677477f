package config

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMiniAppRules(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Config)
		wantKey string
		wantMsg string
	}{
		{"defaults", func(*Config) {}, "", ""},
		{"https public url", func(c *Config) { c.MiniApp.PublicURL = "https://bot.example.org/app/" }, "", ""},
		{"http public url", func(c *Config) { c.MiniApp.PublicURL = "http://bot.example.org/app/" },
			"miniapp.public_url", "https://"},
		{"relative public url", func(c *Config) { c.MiniApp.PublicURL = "/app/" }, "miniapp.public_url", "https://"},
		{"tile url without {z}", func(c *Config) { c.MiniApp.TileURL = "https://tiles.example.org/{x}/{y}.png" },
			"miniapp.tile_url", "{z}, {x} and {y}"},
		{"tile url not absolute", func(c *Config) { c.MiniApp.TileURL = "tiles/{z}/{x}/{y}.png" },
			"miniapp.tile_url", "absolute"},
		{"max_age zero", func(c *Config) { c.MiniApp.MaxAge = 0 }, "miniapp.max_age", "between"},
		{"max_age too long", func(c *Config) { c.MiniApp.MaxAge = 8 * 24 * time.Hour }, "miniapp.max_age", "between"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Default()
			tt.edit(&cfg)
			assertOnlyProblem(t, cfg.Validate(), tt.wantKey, tt.wantMsg)
		})
	}
}

func TestMiniAppEnvOverride(t *testing.T) {
	cfg, err := Load("", true, []string{"NAZAR_MINIAPP_PUBLIC_URL=https://bot.example.org/app/", "NAZAR_MINIAPP_MAX_AGE=1h"})
	require.NoError(t, err)
	assert.Equal(t, "https://bot.example.org/app/", cfg.MiniApp.PublicURL)
	assert.Equal(t, time.Hour, cfg.MiniApp.MaxAge)
	assert.Equal(t, 24*time.Hour, Default().MiniApp.MaxAge, "issue 18 default")
}
