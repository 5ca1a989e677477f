package config

import (
	"net/url"
	"regexp"
	"time"
)

// cardCodeRe is the shape of a category code (it goes into button data).
var cardCodeRe = regexp.MustCompile(`^[a-z][a-z0-9_]{0,23}$`)

// MaxCardReply is SPEC §4's bound: a slow provider gives the user an
// answer within 5 seconds, never a hang.
const MaxCardReply = 5 * time.Second

func (c CardConfig) validate(ch checker) {
	ch.oneOf("provider", c.Provider, "sqlite", "http")
	if len(c.Categories) == 0 {
		ch.add("categories", "must list at least one category code")
	}
	seen := map[string]bool{}
	for _, code := range c.Categories {
		switch {
		case !cardCodeRe.MatchString(code):
			ch.add("categories", "%q must be 1-24 characters of a-z 0-9 _, starting with a letter", code)
		case seen[code]:
			ch.add("categories", "duplicate code %q", code)
		}
		seen[code] = true
	}
	ch.intRange("number_length", c.NumberLength, 8, 19)
	ch.intRange("low_balance_uah", c.LowBalanceUAH, 0, 100000)
	ch.durationRange("reply_timeout", c.ReplyTimeout, 100*time.Millisecond, MaxCardReply)
	ch.durationRange("sync_interval", c.SyncInterval, time.Minute, 24*time.Hour)
	c.HTTP.validate(ch.in("http"), c.Provider == "http")
}

func (h CardHTTPConfig) validate(ch checker, used bool) {
	switch u, err := url.Parse(h.BaseURL); {
	case h.BaseURL == "" && used:
		ch.add("base_url", "required when card.provider is http")
	case h.BaseURL != "" && (err != nil || !u.IsAbs() || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https")):
		ch.add("base_url", "must be an absolute http(s) URL, got %q", h.BaseURL)
	}
	ch.durationRange("timeout", h.Timeout, 50*time.Millisecond, MaxCardReply)
}
