package config

import (
	"errors"
	"slices"
	"time"

	"github.com/transparentcities/nazar/privacy"
)

// errNoToken is what RequireToken returns; the hint points newcomers at a
// mode that works without talking to Telegram.
var errNoToken = errors.New("telegram.token: missing: set NAZAR_TELEGRAM_TOKEN (or try `make demo`, which needs no token)")

// RequireToken reports an error when no bot token is configured. Validate
// accepts an empty token because the demo/sandbox runs without one; commands
// that talk to the real Telegram call this as well.
func (c Config) RequireToken() error {
	if c.Telegram.Token == "" {
		return errNoToken
	}
	return nil
}

// Location returns the city's time zone. Call it after Validate (which
// rejects unknown zones) and keep the result: it falls back to UTC on an
// invalid zone and loads zone data on every call.
func (c Config) Location() *time.Location {
	if c.City.Timezone == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(c.City.Timezone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// IsAdmin reports whether the Telegram user id is listed in admins.
func (c Config) IsAdmin(id int64) bool {
	return slices.Contains(c.Admins, id)
}

// redactedMark replaces secrets in Redacted output.
const redactedMark = "***"

// Redacted returns a copy that is safe to log: the bot token, the webhook
// secret and the database key are replaced by "***" when set (left empty
// when empty, so logs still show whether they are configured), and so are
// credentials written in a source's URL.
func (c Config) Redacted() Config {
	c.Admins = slices.Clone(c.Admins)
	c.Sources = slices.Clone(c.Sources)
	for i := range c.Sources {
		c.Sources[i].URL = privacy.RedactURLs(c.Sources[i].URL)
	}
	if c.Telegram.Token != "" {
		c.Telegram.Token = redactedMark
	}
	if c.Telegram.SecretToken != "" {
		c.Telegram.SecretToken = redactedMark
	}
	if c.Database.Key != "" {
		c.Database.Key = redactedMark
	}
	return c
}
