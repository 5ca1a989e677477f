// Package config loads Nazar's settings from an optional YAML file and
// NAZAR_* environment variables, and checks them before anything starts.
//
// Adding a section is adding a struct with yaml tags to Config plus a
// validate method on it (see rules.go); loading, env overrides and
// validation dispatch all work from the struct definition.
package config

import "time"

// Config is the whole configuration. YAML keys and env names come from the
// yaml tags: telegram.poll_timeout is NAZAR_TELEGRAM_POLL_TIMEOUT.
type Config struct {
	DefaultLanguage string             `yaml:"default_language"`
	Admins          []int64            `yaml:"admins"`
	Telegram        TelegramConfig     `yaml:"telegram"`
	HTTP            HTTPConfig         `yaml:"http"`
	Database        DatabaseConfig     `yaml:"database"`
	City            CityConfig         `yaml:"city"`
	Conversation    ConversationConfig `yaml:"conversation"`
	Digest          DigestConfig       `yaml:"digest"`
	Forms           FormsConfig        `yaml:"forms"`
	Courses         CoursesConfig      `yaml:"courses"`
	Card            CardConfig         `yaml:"card"`
	Business        BusinessConfig     `yaml:"business"`
	Voucher         VoucherConfig      `yaml:"voucher"`
	Import          ImportConfig       `yaml:"import"`
	Sources         SourcesConfig      `yaml:"sources"`
	MiniApp         MiniAppConfig      `yaml:"miniapp"`
	Log             LogConfig          `yaml:"log"`
}

// TelegramConfig is how the bot talks to the Telegram Bot API.
type TelegramConfig struct {
	Token                 string        `yaml:"token"`
	Mode                  string        `yaml:"mode"`
	APIURL                string        `yaml:"api_url"`
	PollTimeout           time.Duration `yaml:"poll_timeout"`
	WebhookURL            string        `yaml:"webhook_url"`
	SecretToken           string        `yaml:"secret_token"`
	MaxConcurrentHandlers int           `yaml:"max_concurrent_handlers"`
	HandlerTimeout        time.Duration `yaml:"handler_timeout"`
}

// HTTPConfig is the local HTTP server (webhook, healthz, metrics).
type HTTPConfig struct {
	Listen string `yaml:"listen"`
	// MetricsListen, when set, serves /metrics (and /healthz) on a second
	// address so the port Telegram reaches does not expose them; "" keeps
	// /metrics on Listen.
	MetricsListen string `yaml:"metrics_listen"`
}

// DatabaseConfig is the SQLite database.
type DatabaseConfig struct {
	Path        string        `yaml:"path"`
	BusyTimeout time.Duration `yaml:"busy_timeout"`
	// KeyFile holds the database key that seals what residents typed;
	// "" means the database path plus ".key". Created (mode 0600) at the
	// first start when missing.
	KeyFile string `yaml:"key_file"`
	// Key, when set, is the database key itself (64 hex digits or base64 of
	// 32 bytes) and KeyFile is not used. Prefer NAZAR_DATABASE_KEY.
	Key string `yaml:"key"`
}

// CityConfig describes the city the bot serves.
type CityConfig struct {
	Name     string `yaml:"name"`
	Timezone string `yaml:"timezone"`
}

// ConversationConfig controls multi-step dialogs.
type ConversationConfig struct {
	Timeout time.Duration `yaml:"timeout"`
}

// DigestConfig controls the periodic digest broadcast.
type DigestConfig struct {
	Schedule        string        `yaml:"schedule"`
	RatePerSecond   float64       `yaml:"rate_per_second"`
	PerChatInterval time.Duration `yaml:"per_chat_interval"`
	Workers         int           `yaml:"workers"`
}

// FormsConfig controls the city-service forms (docs/forms.md).
type FormsConfig struct {
	File      string `yaml:"file"`        // the forms and info pages; "" = the built-in demo forms
	MaxPerDay int    `yaml:"max_per_day"` // submissions per user per form in 24 hours
}

// CoursesConfig controls the courses learned in the chat (docs/courses.md).
type CoursesConfig struct {
	File string `yaml:"file"` // the courses; "" = the built-in demo city's course
}

// CardConfig controls the social card (docs/card.md).
type CardConfig struct {
	Provider      string   `yaml:"provider"`        // sqlite (imported exports) or http (the city's API)
	ContentFile   string   `yaml:"content_file"`    // "how to get a card" content; "" = the built-in demo content
	Categories    []string `yaml:"categories"`      // category codes offered, in menu order
	NumberLength  int      `yaml:"number_length"`   // digits in a card number
	Luhn          bool     `yaml:"luhn"`            // the last digit is a Luhn check digit
	LowBalanceUAH int      `yaml:"low_balance_uah"` // default threshold of the low-balance alert
	// ReplyTimeout bounds every provider call made while a user waits,
	// retries included: past it the user is told the service is unavailable.
	ReplyTimeout time.Duration  `yaml:"reply_timeout"`
	SyncInterval time.Duration  `yaml:"sync_interval"` // how often the http provider is polled for alerts
	HTTP         CardHTTPConfig `yaml:"http"`
}

// CardHTTPConfig is the city's e-ticket JSON API (provider http).
type CardHTTPConfig struct {
	BaseURL string        `yaml:"base_url"`
	Token   string        `yaml:"token"`   // bearer token; prefer NAZAR_CARD_HTTP_TOKEN
	Timeout time.Duration `yaml:"timeout"` // per attempt; a failed attempt is retried once
}

// ImportConfig controls `nazar import` and the data sources that import
// on their own (docs/sources.md).
type ImportConfig struct {
	MaxFileMB int `yaml:"max_file_mb"` // largest file read (or downloaded), in MiB
}

// LogConfig controls structured logging.
type LogConfig struct {
	Format string `yaml:"format"`
	Level  string `yaml:"level"`
}

// Default returns the built-in configuration. It is valid as is, except
// that a real (non-demo) run also needs a token (see RequireToken).
func Default() Config {
	return Config{
		DefaultLanguage: "uk",
		Telegram: TelegramConfig{
			Mode:                  "polling",
			APIURL:                "https://api.telegram.org",
			PollTimeout:           30 * time.Second,
			MaxConcurrentHandlers: 128,
			HandlerTimeout:        30 * time.Second,
		},
		HTTP:         HTTPConfig{Listen: "127.0.0.1:8080"},
		Database:     DatabaseConfig{Path: "data/nazar.db", BusyTimeout: 5 * time.Second},
		City:         CityConfig{Name: "Nazar Demo", Timezone: "Europe/Kyiv"},
		Conversation: ConversationConfig{Timeout: 15 * time.Minute},
		Digest: DigestConfig{
			Schedule:        "0 10 * * 1",
			RatePerSecond:   25,
			PerChatInterval: time.Second,
			Workers:         4,
		},
		Forms: FormsConfig{MaxPerDay: 5},
		Card: CardConfig{Provider: "sqlite", NumberLength: 16, Luhn: true, LowBalanceUAH: 20,
			Categories:   []string{"pensioner", "pupil", "student", "disability", "veteran", "large_family", "resident"},
			ReplyTimeout: 4 * time.Second, SyncInterval: time.Hour, HTTP: CardHTTPConfig{Timeout: 2 * time.Second}},
		Business: BusinessConfig{RadiusKM: 2, NearLimit: 10, PageSize: 8},
		Log:      LogConfig{Format: "auto", Level: "info"},
		MiniApp:  MiniAppConfig{TileURL: DefaultTileURL, MaxAge: 24 * time.Hour},
		Voucher: VoucherConfig{SharePercent: 50, CapFopUAH: 25000, CapLegalUAH: 50000,
			Categories: []string{"marketing", "expert", "new_markets", "certification", "energy_saving"},
			Opens:      "2026-03-02", Closes: "2026-12-31"},
		Import: ImportConfig{MaxFileMB: 2048},
	}
}
