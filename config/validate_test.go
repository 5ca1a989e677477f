package config

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// validToken has the shape of a @BotFather token (not a real one).
const validToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq"

// webhook turns a config into a valid webhook setup so rows can break one thing.
func webhook(c *Config) {
	c.Telegram.Mode = "webhook"
	c.Telegram.WebhookURL = "https://bot.example.org/telegram"
	c.Telegram.SecretToken = "s3cret_-"
}

func TestValidateRules(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Config)
		wantKey string // "" means the config must be valid
		wantMsg string
	}{
		{"default_language other", func(c *Config) { c.DefaultLanguage = "de" }, "default_language", `must be one of uk, en, got "de"`},
		{"default_language en ok", func(c *Config) { c.DefaultLanguage = "en" }, "", ""},
		{"admins zero", func(c *Config) { c.Admins = []int64{0} }, "admins", "must be positive"},
		{"admins negative", func(c *Config) { c.Admins = []int64{-5} }, "admins", "got -5"},
		{"admins duplicate", func(c *Config) { c.Admins = []int64{7, 8, 7} }, "admins", "duplicate id 7"},
		{"admins ok", func(c *Config) { c.Admins = []int64{1, 2} }, "", ""},
		{"token malformed", func(c *Config) { c.Telegram.Token = "not-a-token" }, "telegram.token", "does not look like a bot token"},
		{"token secret too short", func(c *Config) { c.Telegram.Token = "123:abc" }, "telegram.token", "@BotFather"},
		{"token ok", func(c *Config) { c.Telegram.Token = validToken }, "", ""},
		{"mode other", func(c *Config) { c.Telegram.Mode = "push" }, "telegram.mode", "must be one of polling, webhook"},
		{"webhook ok", webhook, "", ""},
		{"webhook local http ok", func(c *Config) { webhook(c); c.Telegram.WebhookURL = "http://127.0.0.1:8443/hook" }, "", ""},
		{"webhook localhost ok", func(c *Config) { webhook(c); c.Telegram.WebhookURL = "http://localhost/hook" }, "", ""},
		{"webhook_url missing", func(c *Config) { webhook(c); c.Telegram.WebhookURL = "" }, "telegram.webhook_url", "required when telegram.mode is webhook"},
		{"webhook_url public http", func(c *Config) { webhook(c); c.Telegram.WebhookURL = "http://bot.example.org/" }, "telegram.webhook_url", "https://"},
		{"webhook_url relative", func(c *Config) { webhook(c); c.Telegram.WebhookURL = "/hook" }, "telegram.webhook_url", "absolute"},
		{"secret_token missing", func(c *Config) { webhook(c); c.Telegram.SecretToken = "" }, "telegram.secret_token", "required when telegram.mode is webhook"},
		{"secret_token bad chars", func(c *Config) { webhook(c); c.Telegram.SecretToken = "has space" }, "telegram.secret_token", "A-Z a-z 0-9 _ -"},
		{"secret_token too long", func(c *Config) { webhook(c); c.Telegram.SecretToken = strings.Repeat("a", 257) }, "telegram.secret_token", "1-256"},
		{"secret_token 256 ok", func(c *Config) { webhook(c); c.Telegram.SecretToken = strings.Repeat("a", 256) }, "", ""},
		{"api_url relative", func(c *Config) { c.Telegram.APIURL = "api.telegram.org" }, "telegram.api_url", "absolute http(s) URL"},
		{"api_url ftp", func(c *Config) { c.Telegram.APIURL = "ftp://api.telegram.org" }, "telegram.api_url", "absolute http(s) URL"},
		{"api_url trailing slash", func(c *Config) { c.Telegram.APIURL = "https://api.telegram.org/" }, "telegram.api_url", "must not end with /"},
		{"api_url local http ok", func(c *Config) { c.Telegram.APIURL = "http://127.0.0.1:8081" }, "", ""},
		{"poll_timeout too short", func(c *Config) { c.Telegram.PollTimeout = 500 * time.Millisecond }, "telegram.poll_timeout", "must be between 1s and 1m, got 500ms"},
		{"poll_timeout too long", func(c *Config) { c.Telegram.PollTimeout = 61 * time.Second }, "telegram.poll_timeout", "got 1m1s"},
		{"poll_timeout 60s ok", func(c *Config) { c.Telegram.PollTimeout = time.Minute }, "", ""},
		{"max_concurrent_handlers zero", func(c *Config) { c.Telegram.MaxConcurrentHandlers = 0 }, "telegram.max_concurrent_handlers", "between 1 and 1024"},
		{"max_concurrent_handlers big", func(c *Config) { c.Telegram.MaxConcurrentHandlers = 1025 }, "telegram.max_concurrent_handlers", "got 1025"},
		{"handler_timeout short", func(c *Config) { c.Telegram.HandlerTimeout = 999 * time.Millisecond }, "telegram.handler_timeout", "at least 1s"},
		{"import max_file_mb zero", func(c *Config) { c.Import.MaxFileMB = 0 }, "import.max_file_mb", "between 1 and 1048576, got 0"},
		{"import max_file_mb 1 ok", func(c *Config) { c.Import.MaxFileMB = 1 }, "", ""},
		{"listen no port", func(c *Config) { c.HTTP.Listen = "localhost" }, "http.listen", "host:port"},
		{"database key short", func(c *Config) { c.Database.Key = "00ff" }, "database.key", "want 32 bytes as 64 hex digits or 44 base64 characters, got 4 characters"},
		{"database key hex ok", func(c *Config) { c.Database.Key = strings.Repeat("ab", 32) }, "", ""},
		{"database key base64 ok", func(c *Config) { c.Database.Key = strings.Repeat("A", 43) + "=" }, "", ""},
		{"listen port too big", func(c *Config) { c.HTTP.Listen = ":65536" }, "http.listen", "0-65535"},
		{"listen port name", func(c *Config) { c.HTTP.Listen = ":http" }, "http.listen", "0-65535"},
		{"listen any host ok", func(c *Config) { c.HTTP.Listen = ":0" }, "", ""},
		{"metrics_listen ok", func(c *Config) { c.HTTP.MetricsListen = "127.0.0.1:9090" }, "", ""},
		{"metrics_listen no port", func(c *Config) { c.HTTP.MetricsListen = "localhost" }, "http.metrics_listen", "host:port"},
		{"metrics_listen port too big", func(c *Config) { c.HTTP.MetricsListen = ":70000" }, "http.metrics_listen", "0-65535"},
		{"metrics_listen same as listen", func(c *Config) { c.HTTP.MetricsListen = c.HTTP.Listen }, "http.metrics_listen", "must differ from http.listen"},
		{"metrics_listen both any port ok", func(c *Config) { c.HTTP.Listen, c.HTTP.MetricsListen = ":0", ":0" }, "", ""},
		{"database path empty", func(c *Config) { c.Database.Path = " " }, "database.path", "must not be empty"},
		{"busy_timeout short", func(c *Config) { c.Database.BusyTimeout = 99 * time.Millisecond }, "database.busy_timeout", "at least 100ms"},
		{"city name empty", func(c *Config) { c.City.Name = "" }, "city.name", "must not be empty"},
		{"timezone unknown", func(c *Config) { c.City.Timezone = "Mars/Olympus" }, "city.timezone", `unknown time zone "Mars/Olympus"`},
		{"timezone empty", func(c *Config) { c.City.Timezone = "" }, "city.timezone", "must not be empty"},
		{"conversation timeout short", func(c *Config) { c.Conversation.Timeout = 59 * time.Second }, "conversation.timeout", "between 1m and 24h"},
		{"conversation timeout long", func(c *Config) { c.Conversation.Timeout = 25 * time.Hour }, "conversation.timeout", "got 25h"},
		{"schedule bad", func(c *Config) { c.Digest.Schedule = "every monday" }, "digest.schedule", `"every monday": not a valid cron expression`},
		{"schedule with seconds", func(c *Config) { c.Digest.Schedule = "0 0 10 * * 1" }, "digest.schedule", "not a valid cron expression"},
		{"schedule descriptor ok", func(c *Config) { c.Digest.Schedule = "@daily" }, "", ""},
		{"rate too low", func(c *Config) { c.Digest.RatePerSecond = 0.5 }, "digest.rate_per_second", "between 1 and 1000, got 0.5"},
		{"rate too high", func(c *Config) { c.Digest.RatePerSecond = 1001 }, "digest.rate_per_second", "got 1001"},
		{"rate NaN", func(c *Config) { c.Digest.RatePerSecond = math.NaN() }, "digest.rate_per_second", "NaN"},
		{"per_chat_interval negative", func(c *Config) { c.Digest.PerChatInterval = -time.Second }, "digest.per_chat_interval", "at least 0s"},
		{"per_chat_interval zero ok", func(c *Config) { c.Digest.PerChatInterval = 0 }, "", ""},
		{"workers zero", func(c *Config) { c.Digest.Workers = 0 }, "digest.workers", "between 1 and 64"},
		{"workers too many", func(c *Config) { c.Digest.Workers = 65 }, "digest.workers", "got 65"},
		{"log format other", func(c *Config) { c.Log.Format = "xml" }, "log.format", "must be one of auto, text, json"},
		{"log level other", func(c *Config) { c.Log.Level = "trace" }, "log.level", "must be one of debug, info, warn, error"},
		{"log level is case-sensitive", func(c *Config) { c.Log.Level = "INFO" }, "log.level", `got "INFO"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Default()
			tt.edit(&cfg)
			assertOnlyProblem(t, cfg.Validate(), tt.wantKey, tt.wantMsg)
		})
	}
}

// digest.schedule is checked before the cron parser sees it: robfig/cron
// panics on a CRON_TZ= with nothing after it (slice bounds out of range),
// and a digest more often than hourly would flood every subscriber.
func TestValidateDigestSchedule(t *testing.T) {
	tests := []struct {
		schedule string
		wantMsg  string // "" means valid
	}{
		{"CRON_TZ=", "CRON_TZ= needs a time zone name"},
		{"TZ=", "TZ= needs a time zone name"},
		{"CRON_TZ=Europe/Kyiv", "is followed by no schedule"},
		{"CRON_TZ= 0 10 * * 1", "CRON_TZ= needs a time zone name"}, // the parser would take UTC silently
		{"CRON_TZ=Mars/Olympus 0 10 * * 1", `unknown time zone "Mars/Olympus" after CRON_TZ=`},
		{"CRON_TZ=Europe/Kyiv\t0 10 * * 1", ""}, // a tab after the zone would make the parser panic too
		{"CRON_TZ=Europe/Kyiv 0 10 * * 1", ""},
		{"TZ=UTC @weekly", ""},
		{"", "must not be empty"},
		{"   ", "must not be empty"},
		{"*/30 * * * *", "fires only 30m apart"},
		{"* * * * *", "fires only 1m apart"},
		{"0,30 10 * * 1", "at most once an hour"},  // twice within one hour, once a week
		{"0,59 */2 * * *", "fires only 59m apart"}, // 0:59 → 2:00 is 61m, 2:00 → 2:59 is not
		{"@every 30m", "fires only 30m apart"},
		{"@every 59m59s", "at most once an hour"},
		{"0 * * * *", ""}, // hourly is the limit, allowed
		{"@hourly", ""},
		{"@every 90m", ""},
		{"0 10 29 2 *", ""}, // only on the 29th of February
		{"0 10 30 2 *", "never fires"},
	}
	for _, tt := range tests {
		t.Run(tt.schedule, func(t *testing.T) {
			cfg := Default()
			cfg.Digest.Schedule = tt.schedule
			if tt.wantMsg == "" {
				assert.NoError(t, cfg.Validate())
				return
			}
			assertOnlyProblem(t, cfg.Validate(), "digest.schedule", tt.wantMsg)
		})
	}
}

// The schedule runs in the city's zone unless the expression names its own.
func TestParseScheduleZone(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	require.NoError(t, err)
	from := time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC) // a Monday
	tests := []struct {
		schedule string
		want     time.Time
	}{
		{"0 10 * * 1", time.Date(2026, time.March, 2, 10, 0, 0, 0, kyiv)},
		{"CRON_TZ=UTC 0 10 * * 1", time.Date(2026, time.March, 2, 10, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		s, err := DigestConfig{Schedule: tt.schedule}.ParseSchedule(kyiv)
		require.NoError(t, err)
		assert.True(t, tt.want.Equal(s.Next(from)), "%s: got %s", tt.schedule, s.Next(from))
	}
}

// Secrets must never reach logs through validation messages.
func TestValidateDoesNotEchoSecrets(t *testing.T) {
	cfg := Default()
	webhook(&cfg)
	cfg.Telegram.Token = "12345:tooShortButSecretValue"
	cfg.Telegram.SecretToken = "secret with spaces"
	cfg.Telegram.WebhookURL = "http://example.org/hook-pathsecret"
	cfg.Database.Key = "not-quite-a-database-key"
	err := cfg.Validate()
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "not-quite-a-database-key")
	assert.NotContains(t, err.Error(), "tooShortButSecretValue")
	assert.NotContains(t, err.Error(), "secret with spaces")
	assert.NotContains(t, err.Error(), "pathsecret")
}

func TestValidateMultipleProblemsInStructOrder(t *testing.T) {
	cfg := Default()
	cfg.Log.Level = "loud"
	cfg.DefaultLanguage = "fr"
	cfg.Digest.Workers = 0
	cfg.Telegram.Mode = "carrier-pigeon"

	err := cfg.Validate()
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 4)
	assert.True(t, strings.HasPrefix(lines[0], "default_language: "), lines[0])
	assert.True(t, strings.HasPrefix(lines[1], "telegram.mode: "), lines[1])
	assert.True(t, strings.HasPrefix(lines[2], "digest.workers: "), lines[2])
	assert.True(t, strings.HasPrefix(lines[3], "log.level: "), lines[3])
}

func TestFmtDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{24 * time.Hour, "24h"},
		{time.Minute, "1m"},
		{90 * time.Minute, "1h30m"},
		{time.Hour + time.Second, "1h0m1s"},
		{100 * time.Millisecond, "100ms"},
		{0, "0s"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, fmtDuration(tt.in))
	}
}

// assertOnlyProblem checks that err is a ValidationError of exactly one
// problem, at wantKey with wantMsg in its message; no error when wantKey is "".
func assertOnlyProblem(t *testing.T, err error, wantKey, wantMsg string) {
	t.Helper()
	if wantKey == "" {
		assert.NoError(t, err)
		return
	}
	var ve ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 1, "only the broken rule should fire: %v", err)
	assert.Equal(t, wantKey, ve.Problems[0].Key)
	assert.Contains(t, ve.Problems[0].Message, wantMsg)
}
