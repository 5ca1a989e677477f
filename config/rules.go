package config

import (
	"net"
	"net/url"
	"regexp"
	"strconv"
	"time"

	"github.com/transparentcities/nazar/store/dbkey"

	// Embedded zone data so city.timezone works on minimal machines and
	// containers without /usr/share/zoneinfo.
	_ "time/tzdata"
)

var (
	// botTokenRe is the shape of tokens issued by @BotFather.
	botTokenRe = regexp.MustCompile(`^[0-9]+:[A-Za-z0-9_-]{35,}$`)
	// secretTokenRe is Telegram's rule for setWebhook's secret_token.
	secretTokenRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
)

// validate checks the top-level keys that are not sections.
func (c Config) validate(ch checker) {
	ch.oneOf("default_language", c.DefaultLanguage, "uk", "en")
	seen := make(map[int64]bool, len(c.Admins))
	for _, id := range c.Admins {
		switch {
		case id <= 0:
			ch.add("admins", "must be positive Telegram user ids, got %d", id)
		case seen[id]:
			ch.add("admins", "duplicate id %d", id)
		}
		seen[id] = true
	}
}

func (t TelegramConfig) validate(ch checker) {
	// The token value is never echoed: these messages end up in logs.
	if t.Token != "" && !botTokenRe.MatchString(t.Token) {
		ch.add("token", "does not look like a bot token from @BotFather (<digits>:<35+ characters of A-Z a-z 0-9 _ ->); value not shown")
	}
	ch.oneOf("mode", t.Mode, "polling", "webhook")
	if u, err := url.Parse(t.APIURL); err != nil || !u.IsAbs() || u.Host == "" ||
		(u.Scheme != "http" && u.Scheme != "https") {
		ch.add("api_url", "must be an absolute http(s) URL, got %q", t.APIURL)
	} else if t.APIURL[len(t.APIURL)-1] == '/' {
		// The client appends "/bot<token>/...", so a trailing slash breaks paths.
		ch.add("api_url", "must not end with /, got %q", t.APIURL)
	}
	ch.durationRange("poll_timeout", t.PollTimeout, time.Second, time.Minute)
	webhook := t.Mode == "webhook"
	switch {
	case t.WebhookURL == "" && webhook:
		ch.add("webhook_url", "required when telegram.mode is webhook")
	case t.WebhookURL != "" && !validWebhookURL(t.WebhookURL):
		// Not echoed: webhook paths often embed a secret.
		ch.add("webhook_url", "must be an absolute https:// URL (http:// only for localhost or 127.0.0.1)")
	}
	switch {
	case t.SecretToken == "" && webhook:
		ch.add("secret_token", "required when telegram.mode is webhook")
	case t.SecretToken != "" && !secretTokenRe.MatchString(t.SecretToken):
		ch.add("secret_token", "must be 1-256 characters of A-Z a-z 0-9 _ - (Telegram's rule); value not shown")
	}
	ch.intRange("max_concurrent_handlers", t.MaxConcurrentHandlers, 1, 1024)
	ch.durationMin("handler_timeout", t.HandlerTimeout, time.Second)
}

// validWebhookURL allows plain http only for local tests against a sandbox.
func validWebhookURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return false
	}
	switch u.Scheme {
	case "https":
		return true
	case "http":
		h := u.Hostname()
		return h == "localhost" || h == "127.0.0.1" || h == "::1"
	}
	return false
}

func (h HTTPConfig) validate(ch checker) {
	hostPort(ch, "listen", h.Listen)
	if h.MetricsListen == "" {
		return
	}
	hostPort(ch, "metrics_listen", h.MetricsListen)
	if _, port, err := net.SplitHostPort(h.MetricsListen); err == nil && port != "0" && h.MetricsListen == h.Listen {
		ch.add("metrics_listen", "must differ from http.listen (leave it empty to serve /metrics there), got %q", h.MetricsListen)
	}
}

// hostPort checks a listen address such as 127.0.0.1:8080 or :0.
func hostPort(ch checker, key, addr string) {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		ch.add(key, "must be host:port such as 127.0.0.1:8080, got %q", addr)
		return
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		ch.add(key, "port must be a number 0-65535, got %q", port)
	}
}

func (d DatabaseConfig) validate(ch checker) {
	ch.notEmpty("path", d.Path)
	ch.durationMin("busy_timeout", d.BusyTimeout, 100*time.Millisecond)
	if d.Key != "" {
		if _, err := dbkey.Parse(d.Key); err != nil {
			ch.add("key", "%v", err)
		}
	}
}

// KeyBytes is the database key given in the configuration, nil when the key
// file is to be used. Validate has checked it.
func (d DatabaseConfig) KeyBytes() []byte {
	if d.Key == "" {
		return nil
	}
	key, _ := dbkey.Parse(d.Key)
	return key
}

func (c CityConfig) validate(ch checker) {
	ch.notEmpty("name", c.Name)
	if c.Timezone == "" {
		// time.LoadLocation("") silently means UTC; a city must say.
		ch.add("timezone", "must not be empty (use an IANA name such as Europe/Kyiv)")
	} else if _, err := time.LoadLocation(c.Timezone); err != nil {
		ch.add("timezone", "unknown time zone %q (use an IANA name such as Europe/Kyiv)", c.Timezone)
	}
}

func (c ConversationConfig) validate(ch checker) {
	ch.durationRange("timeout", c.Timeout, time.Minute, 24*time.Hour)
}

func (d DigestConfig) validate(ch checker) {
	// UTC stands in for the city's zone (another section): whether an
	// expression parses and how often it fires do not depend on the zone.
	if _, err := d.ParseSchedule(time.UTC); err != nil {
		ch.add("schedule", "%q: %v", d.Schedule, err)
	}
	ch.floatRange("rate_per_second", d.RatePerSecond, 1, 1000)
	ch.durationMin("per_chat_interval", d.PerChatInterval, 0)
	ch.intRange("workers", d.Workers, 1, 64)
}

func (f FormsConfig) validate(ch checker) {
	ch.intRange("max_per_day", f.MaxPerDay, 1, 1000)
}

// validate has nothing to check here: the courses file itself is read and
// validated when the bot is built, with file:line errors.
func (CoursesConfig) validate(checker) {}

func (l LogConfig) validate(ch checker) {
	ch.oneOf("format", l.Format, "auto", "text", "json")
	ch.oneOf("level", l.Level, "debug", "info", "warn", "error")
}
