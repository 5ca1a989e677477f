package config

import (
	"net/url"
	"strings"
	"time"
)

// MiniAppConfig controls the Telegram Mini App served at /app/ (docs/miniapp.md).
type MiniAppConfig struct {
	// PublicURL is the https address Telegram opens (…/app/ behind a TLS
	// proxy); "" hides the Mini App buttons, while /app/ is still served.
	PublicURL string `yaml:"public_url"`
	// TileURL is the map tile template ({z}/{x}/{y}, optional {s}); the
	// only address the page loads from outside the bot.
	TileURL string `yaml:"tile_url"`
	// MaxAge is how old a Mini App's init data (auth_date) may be.
	MaxAge time.Duration `yaml:"max_age"`
}

// DefaultTileURL is OpenStreetMap's standard tile layer.
const DefaultTileURL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

func (m MiniAppConfig) validate(ch checker) {
	if m.PublicURL != "" {
		// Telegram opens Mini Apps over https only.
		if u, err := url.Parse(m.PublicURL); err != nil || u.Scheme != "https" || u.Host == "" {
			ch.add("public_url", "must be an absolute https:// URL (Telegram opens Mini Apps over https only), got %q",
				m.PublicURL)
		}
	}
	u, err := url.Parse(m.TileURL)
	switch {
	case err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https"):
		ch.add("tile_url", "must be an absolute http(s) URL template, got %q", m.TileURL)
	case !strings.Contains(m.TileURL, "{z}") || !strings.Contains(m.TileURL, "{x}") || !strings.Contains(m.TileURL, "{y}"):
		ch.add("tile_url", "must contain {z}, {x} and {y}, got %q", m.TileURL)
	}
	ch.durationRange("max_age", m.MaxAge, time.Minute, 7*24*time.Hour)
}
